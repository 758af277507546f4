import { searchKey } from '@ntm/names';
import { generateAreaAttributes } from '../domain/area-attributes';
import { generateCommuneGroup } from '../domain/commune-group';
import { generateVillages } from '../domain/villages';
import type { AdminLevel } from '@ntm/admin-unit-contract';
import type { AdminUnit } from '../entities/admin-unit.entity';
import { unitId, VILLAGE_PROVINCES, type UnitListRow } from './unit-lists';

/** A unit as inserted: every column of the entity (its metadata names the columns). */
export type AdminUnitRow = Omit<AdminUnit, never>;

export const GENERATED_ATTRIBUTES =
  'GENERATED: deterministic placeholder with regional priors (no public list of ethnic-minority, mountainous or island communes); special zones are islands';

/** "Phường Trúc Bạch" less its kind → "Trúc Bạch". */
export function shortNameOf(fullName: string, kind: string): string {
  const prefixes = [kind, kind.startsWith('Thành phố') ? 'Thành phố' : '', kind.startsWith('Đặc khu') ? 'Đặc khu' : ''];
  for (const prefix of prefixes) {
    if (prefix && fullName.startsWith(prefix + ' ') && fullName.length > prefix.length + 1) return fullName.slice(prefix.length + 1);
  }
  return fullName;
}

/**
 * Turns the CSV records of one list into admin_unit rows: ids, ancestors (root first), short
 * and search names, generated area attributes and commune groups, and generated villages for
 * VILLAGE_PROVINCES.
 */
export function buildUnitRows(list: UnitListRow, records: Record<string, string>[], reformList: boolean): AdminUnitRow[] {
  const byCode = new Map(records.map((r) => [r.code, r]));
  const rows: AdminUnitRow[] = [];
  const ancestorsOf = (code: string): string[] => {
    const chain: string[] = [];
    let parent = byCode.get(code)?.parent_code;
    while (parent) {
      chain.unshift(unitId(parent, list.id));
      parent = byCode.get(parent)?.parent_code;
    }
    return chain;
  };
  for (const record of records) {
    if (record.parent_code && !byCode.has(record.parent_code)) {
      throw new Error(`${list.file}: unit ${record.code} names parent ${record.parent_code}, which is not in the list`);
    }
    const ancestorIds = ancestorsOf(record.code);
    const provinceCode = record.level === 'PROVINCE' ? record.code : ancestorIds[0].split('@')[0];
    const attributes = generateAreaAttributes({ code: record.code, kind: record.kind, provinceCode, listId: list.id, reformList });
    const group = generateCommuneGroup({ kind: record.kind, listId: list.id, level: record.level }, attributes);
    const row: AdminUnitRow = {
      id: unitId(record.code, list.id),
      code: record.code,
      listId: list.id,
      name: record.full_name,
      shortName: record.short_name || shortNameOf(record.full_name, record.kind),
      englishName: record.full_name_en || null,
      level: record.level as AdminLevel,
      kind: record.kind,
      parentId: record.parent_code ? unitId(record.parent_code, list.id) : null,
      ancestorIds: ancestorIds,
      validFrom: list.validFrom,
      validTo: list.validTo,
      searchKey: searchKey(record.full_name),
      generated: false,
      region: attributes.region,
      ethnicMinorityArea: attributes.ethnicMinorityArea,
      mountainous: attributes.mountainous,
      island: attributes.island,
      areaAttributesSource: GENERATED_ATTRIBUTES,
      communeGroup: group?.group ?? null,
      communeGroupSource: group?.source ?? null,
    };
    rows.push(row);
    if (record.level === 'COMMUNE' && VILLAGE_PROVINCES.includes(provinceCode)) {
      for (const village of generateVillages({ code: record.code, kind: record.kind, mountainous: attributes.mountainous })) {
        rows.push({
          ...row,
          id: unitId(village.code, list.id),
          code: village.code,
          name: village.name,
          shortName: village.name,
          englishName: null,
          level: 'VILLAGE' as AdminLevel,
          kind: village.kind,
          parentId: row.id,
          ancestorIds: [...ancestorIds, row.id],
          searchKey: searchKey(village.name),
          generated: true,
          communeGroup: null,
          communeGroupSource: null,
        });
      }
    }
  }
  return rows;
}
