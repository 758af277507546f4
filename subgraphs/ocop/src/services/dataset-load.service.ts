import type { MikroORM } from '@mikro-orm/postgresql';
import { copyRows, toPgArray, type CopyValue } from '@ntm/kit';
import { foldText } from '@ntm/names';
import { registrationKey } from '../domain/cooperative';
import { CommuneInput, NationalDataset } from '../domain/generate';
import { effectiveValidUntil } from '../domain/rating';
import { catalog } from './catalog';

/** The "today" of the generated dataset (fixed, so the data and the seed fingerprint do not change daily). */
export const DATASET_TODAY = '2026-12-01';
export const DATASET_SEED = 20261201;

/** Tables the generated dataset fills, in load order, with their serial sequences. */
const TABLES = [
  'ocop_owner',
  'cooperative',
  'ocop_product',
  'ocop_rating',
  'ocop_revocation',
  'ecommerce_listing',
  'linkage_project',
  'linkage_participant',
  'linkage_commune',
  'linkage_support_item',
];

export interface LoadScope {
  /** Size factor of the generator (1.0 ≈ today's national counts). */
  scale: number;
  /** Province codes whose communes (both lists) records are drawn from; null: the whole country. */
  provinceCodes: string[] | null;
  onTable?: (table: string, rows: number) => void;
}

/**
 * Loads the GENERATED dataset (domain/generate.ts) set-based: each table streamed with COPY on one
 * transaction, replacing the generated rows. Refuses when records written through the API exist (their
 * ids could collide with the generator's) — that is the loader's one safety rule.
 */
export async function loadOcopDataset(orm: MikroORM, scope: LoadScope): Promise<{ rows: number; ms: number; counts: Record<string, number> }> {
  const started = Date.now();
  const em = orm.em.fork();
  const communes = (
    await em.getConnection().execute<{ id: string; code: string; ancestor_ids: string[]; valid_from: string | null; valid_to: string | null }[]>(
      `select unit_id as id, code, ancestor_ids, valid_from::text as valid_from, valid_to::text as valid_to from unit_profile
      where level = 'COMMUNE' ${scope.provinceCodes ? `and split_part(ancestor_ids[1], '@', 1) = any(?::text[])` : ''} order by unit_id`,
      scope.provinceCodes ? [toPgArray(scope.provinceCodes)] : [],
    )
  ).map<CommuneInput>((c) => ({
    id: c.id,
    code: c.code,
    provinceCode: (c.ancestor_ids[0] ?? '').split('@')[0],
    districtCode: c.ancestor_ids.length > 1 ? c.ancestor_ids[1].split('@')[0] : null,
    validFrom: c.valid_from ?? '1900-01-01',
    validTo: c.valid_to,
  }));
  if (communes.length === 0)
    throw new Error(
      `no communes in the unit-profile replica${scope.provinceCodes ? ` for provinces ${scope.provinceCodes.join(', ')}` : ''}: pull it from admin-units first`,
    );
  const data = new NationalDataset(communes, catalog().classes, { scale: scope.scale, seed: DATASET_SEED, today: DATASET_TODAY });
  const counts: Record<string, number> = {};
  await em.getConnection().transactional(async (trx) => {
    const { rows: written } =
      await trx.raw(`select (select count(*) from ocop_product where not generated) + (select count(*) from cooperative where not generated)
      + (select count(*) from ocop_rating where not generated) as n`);
    if (Number(written[0].n) > 0)
      throw new Error('records written through the API exist; the generated dataset is only loaded into a database without them');
    await trx.raw(`truncate ${TABLES.join(', ')}`);
    const copy = async (table: string, columns: string[], rows: Iterable<CopyValue[]>) => {
      counts[table] = await copyRows(trx, table, columns, rows);
      scope.onTable?.(table, counts[table]);
    };
    await copy(
      'ocop_owner',
      ['id', 'owner_type', 'name', 'commune_id', 'established_on', 'cooperative_id', 'generated'],
      map(data.owners(), (o) => [o.id, o.ownerType, o.name, o.communeId, o.establishedOn, o.cooperativeId, true]),
    );
    await copy(
      'cooperative',
      [
        'id',
        'legal_form',
        'registration_number',
        'registration_key',
        'name',
        'name_key',
        'commune_id',
        'founded_on',
        'members',
        'main_sector',
        'status',
        'generated',
      ],
      map(data.cooperatives(), (c) => [
        c.id,
        c.legalForm,
        c.registrationNumber,
        registrationKey(c.registrationNumber),
        c.name,
        foldText(c.name),
        c.communeId,
        c.foundedOn,
        c.members,
        c.mainSector,
        c.status,
        true,
      ]),
    );
    await copy(
      'ocop_product',
      ['id', 'code', 'name', 'name_key', 'product_set_code', 'class_system', 'owner_id', 'commune_id', 'key_product', 'traceable', 'generated'],
      map(data.products(), (p) => [
        p.id,
        p.code,
        p.name,
        foldText(p.name),
        p.productSetCode,
        p.classSystem,
        p.ownerId,
        p.communeId,
        p.keyProduct,
        p.traceable,
        true,
      ]),
    );
    const revocations: CopyValue[][] = [];
    await copy(
      'ocop_rating',
      [
        'id',
        'product_id',
        'stars',
        'score',
        'part_a',
        'part_b',
        'part_c',
        'class_system',
        'product_set_code',
        'decision_number',
        'decided_on',
        'authority_level',
        'authority_unit_code',
        'authority_name',
        'valid_until',
        'valid_through',
        're_rating_filed_on',
        're_rating_decided_on',
        'generated',
      ],
      map(data.ratings(), (r) => {
        if (r.revokedOn)
          revocations.push([
            r.id,
            r.revokedOn,
            r.revocationGround,
            r.revocationReason,
            r.revocationDecisionNumber,
            r.stars === 5 ? 'MINISTRY' : 'PROVINCE',
            r.stars === 5 ? 'Bộ trưởng (generated)' : 'Chủ tịch UBND tỉnh (generated)',
            true,
          ]);
        return [
          r.id,
          r.productId,
          r.stars,
          r.score,
          r.partA,
          r.partB,
          r.partC,
          r.classSystem,
          r.productSetCode,
          r.decisionNumber,
          r.decisionDate,
          r.authorityLevel,
          r.authorityUnitCode,
          r.authorityName,
          r.validUntil,
          effectiveValidUntil(r),
          r.reRatingFiledOn,
          r.reRatingDecidedOn,
          true,
        ];
      }),
    );
    await copy(
      'ocop_revocation',
      ['rating_id', 'revoked_on', 'ground', 'reason', 'decision_number', 'authority_level', 'authority_name', 'generated'],
      revocations,
    );
    await copy(
      'ecommerce_listing',
      ['id', 'product_id', 'platform', 'url', 'since', 'generated'],
      map(data.listings(), (l) => [l.id, l.productId, l.platform, l.url, l.since, true]),
    );
    // Projects once (each drags its participants, communes and support items along), then those three.
    const participants: CopyValue[][] = [];
    const projectCommunes: CopyValue[][] = [];
    const supportItems: CopyValue[][] = [];
    await copy(
      'linkage_project',
      [
        'id',
        'name',
        'lead_kind',
        'lead_ref',
        'key_product',
        'raw_material_area_ha',
        'growing_area_codes',
        'start_date',
        'end_date',
        'contract_refs',
        'digital_technologies',
        'approval_decision_number',
        'approval_decision_date',
        'generated',
      ],
      map(data.projectBundles(), ({ project: p, participants: ps, communes: cs, supportItems: ss }) => {
        for (const x of ps) participants.push([x.projectId, x.kind, x.role, x.ref, x.cooperativeId, x.ownerId, true]);
        for (const c of cs) projectCommunes.push([c.projectId, c.communeId, true]);
        for (const x of ss) supportItems.push([x.id, x.projectId, x.kind, x.sharePercent, x.capVnd.toString(), x.amountVnd.toString(), true]);
        return [
          p.id,
          p.name,
          p.leadKind,
          p.leadRef,
          p.keyProduct,
          p.rawMaterialAreaHa,
          toPgArray(p.growingAreaCodes),
          p.startDate,
          p.endDate,
          toPgArray(p.contractRefs),
          toPgArray(p.digitalTechnologies),
          p.approvalDecisionNumber,
          p.approvalDecisionDate,
          true,
        ];
      }),
    );
    await copy('linkage_participant', ['project_id', 'kind', 'role', 'ref', 'cooperative_id', 'owner_id', 'generated'], participants);
    await copy('linkage_commune', ['project_id', 'commune_id', 'generated'], projectCommunes);
    await copy('linkage_support_item', ['id', 'project_id', 'kind', 'share_percent', 'cap_vnd', 'amount_vnd', 'generated'], supportItems);
    for (const t of TABLES.filter((t) => t !== 'linkage_commune')) {
      await trx.raw(`select setval(pg_get_serial_sequence(?, 'id'), greatest((select max(id) from ${t}), 1))`, [t]);
    }
  });
  await em.getConnection().execute(`analyze ${TABLES.join(', ')}`);
  return { rows: Object.values(counts).reduce((a, b) => a + b, 0), ms: Date.now() - started, counts };
}

function* map<T>(rows: Iterable<T>, f: (row: T) => CopyValue[]): Generator<CopyValue[]> {
  for (const row of rows) yield f(row);
}
