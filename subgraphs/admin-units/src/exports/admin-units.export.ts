import { exportRoutes, ExportRefusal, textLiteral, UNIT_REF, type DatasetExport } from '@ntm/change-log';
import { createHash } from 'node:crypto';
import { unitsDataVersion } from '@ntm/admin-unit-contract';
import { DATA_VERSION_SQL, type DataVersionRow } from '../services/admin-unit.service';

const LEVELS = ['PROVINCE', 'DISTRICT', 'COMMUNE', 'VILLAGE'];

/**
 * `GET /exports/admin-units?list=&level=&within=&format=csv|ndjson`: an official unit list as open
 * data (danh mục đơn vị hành chính), one row per unit. Its version is the fingerprint of the seeded
 * lists (what `adminUnitsDataVersion` answers) with the parameters: unchanged lists answer 304.
 */
export const ADMIN_UNITS_EXPORT: DatasetExport = {
  name: 'admin-units',
  description:
    'administrative units of one official list (danh mục đơn vị hành chính): codes, names, hierarchy, validity and the area attributes criteria thresholds depend on',
  access: 'open data: anyone, signed in or not',
  parameters: {
    list: 'id of the unit list, e.g. "2025-07-01" (the two-level list) or "2025-03-01" (the three-level list); absent: the list in force today',
    level: 'only units of this level: PROVINCE, DISTRICT, COMMUNE or VILLAGE',
    within: 'only units under this unit (code on the list, or id "<code>@<list>"), itself included',
  },
  columns: [
    { key: 'id', kind: 'string', description: 'stable unit id "<code>@<list id>", the AdminUnit federation key' },
    { key: 'code', kind: 'string', description: 'official code (mã đơn vị hành chính) on this list; codes are reused across lists, ids are not' },
    { key: 'listId', kind: 'string', description: 'the official list the unit belongs to (its id is the date it took effect)' },
    { key: 'name', kind: 'string', description: 'official name with its kind, e.g. "Xã Quảng Thọ"' },
    { key: 'shortName', kind: 'string', description: 'name without the kind prefix, e.g. "Quảng Thọ"' },
    { key: 'englishName', kind: 'string', description: 'English name where the source gives one' },
    { key: 'level', kind: 'string', description: 'PROVINCE (tỉnh), DISTRICT (huyện), COMMUNE (xã/phường/thị trấn) or VILLAGE (thôn)' },
    { key: 'kind', kind: 'string', description: 'kind of unit as the list names it (Xã, Phường, Thị trấn, Thành phố, …)' },
    { key: 'parentId', kind: 'string', description: 'id of the parent unit (empty for provinces)' },
    { key: 'parentCode', kind: 'string', description: 'official code of the parent unit' },
    { key: 'validFrom', kind: 'string', description: 'first day the unit is in force (ISO date), when known' },
    { key: 'validTo', kind: 'string', description: 'last day the unit is in force (ISO date); empty while in force' },
    { key: 'region', kind: 'string', description: 'socio-economic region, when known (area attribute used by regional thresholds)' },
    {
      key: 'ethnicMinorityArea',
      kind: 'boolean',
      description: 'in an ethnic-minority area (vùng đồng bào dân tộc thiểu số), as the source flags it',
    },
    { key: 'mountainous', kind: 'boolean', description: 'mountainous (miền núi), as the source flags it' },
    { key: 'island', kind: 'boolean', description: 'island commune (xã đảo), as the source flags it' },
    { key: 'areaAttributesSource', kind: 'string', description: 'where the area attributes come from (PLACEHOLDER where not verified)' },
    { key: 'generated', kind: 'boolean', description: 'true for generated (synthetic) units, which are not real data' },
    {
      key: 'communeGroup',
      kind: 'number',
      description:
        'commune group (xã nhóm 1/2/3) of the 2026–2030 set, Decision 51/2025/QĐ-TTg; communes, wards and special zones of the list from 2025-07-01 only',
    },
    {
      key: 'communeGroupSource',
      kind: 'string',
      description: 'GENERATED:<rule> (not an official assignment) or CORRECTED (set by an ADMIN, audited)',
    },
  ],
  async prepare({ q, params }) {
    const { rows: lists } = await q.query<{ id: string; in_force: boolean }>(
      `select id, (valid_from is null or valid_from <= current_date) and (valid_to is null or valid_to >= current_date) as in_force from unit_list order by id`,
    );
    const list = params.list ?? lists.find((l) => l.in_force)?.id;
    if (!list || !lists.some((l) => l.id === list))
      throw new ExportRefusal(400, 'list', `no unit list "${(params.list ?? '').slice(0, 20)}"; the lists are ${lists.map((l) => l.id).join(', ')}`);
    const where = [`u.list_id = ${textLiteral(list)}`];
    if (params.level !== undefined) {
      if (!LEVELS.includes(params.level))
        throw new ExportRefusal(400, 'level', `must be one of ${LEVELS.join(', ')}, got "${params.level.slice(0, 20)}"`);
      where.push(`u.level = ${textLiteral(params.level)}`);
    }
    if (params.within !== undefined) {
      if (!UNIT_REF.test(params.within))
        throw new ExportRefusal(400, 'within', `must be a unit code ("40") or id ("40@2025-07-01"), got "${params.within.slice(0, 40)}"`);
      const id = params.within.includes('@') ? params.within : `${params.within}@${list}`;
      const { rows } = await q.query(`select 1 from admin_unit where id = $1 and list_id = $2`, [id, list]);
      if (rows.length === 0) throw new ExportRefusal(400, 'within', `no unit "${params.within}" on the list ${list}`);
      where.push(`(u.id = ${textLiteral(id)} or u.ancestor_ids @> array[${textLiteral(id)}])`);
    }
    // adminUnitsDataVersion (the seeded lists and the latest commune-group correction) with the list.
    const { rows: seeded } = await q.query<DataVersionRow>(DATA_VERSION_SQL);
    const version = createHash('sha256')
      .update(`${unitsDataVersion(seeded[0]?.fingerprint ?? 'empty', seeded[0]?.correction ?? null)}|${list}`)
      .digest('base64url')
      .slice(0, 24);
    const select = `
      select u.id as "id", u.code as "code", u.list_id as "listId", u.name as "name", u.short_name as "shortName",
             u.english_name as "englishName", u.level as "level", u.kind as "kind", u.parent_id as "parentId", p.code as "parentCode",
             u.valid_from::text as "validFrom", u.valid_to::text as "validTo", u.region as "region",
             u.ethnic_minority_area as "ethnicMinorityArea", u.mountainous as "mountainous", u.island as "island",
             u.area_attributes_source as "areaAttributesSource", u.generated as "generated",
             u.commune_group as "communeGroup", u.commune_group_source as "communeGroupSource"
        from admin_unit u left join admin_unit p on p.id = u.parent_id
       where ${where.join(' and ')}
       order by u.level, u.code`;
    return { select, version };
  },
};

/** The routes hook: GET /exports/admin-units through the gateway. */
export const adminUnitsExportRoutes = exportRoutes({ datasets: [ADMIN_UNITS_EXPORT] });
