import type { MikroORM } from '@mikro-orm/postgresql';
import { adminUnitsUrlOf, syncUnitProfiles } from '@ntm/admin-unit-contract';
import { fingerprintOf, graphqlRequest, insertRows, seedOnce, toPgArray, type Logger, type PeerUrls } from '@ntm/kit';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { firstBatchFile, PACKAGE_DATA_DIR } from '../data-files';
import {
  DATA_FILES,
  deriveStage,
  eligibilityInputsFromFacts,
  generatePilots,
  GENERATED_PROVINCES,
  readFirstBatch,
  validatePilot,
  type GeneratorCommune,
  type GeneratorDistrict,
  type GeneratorVillage,
  type PilotFactInput,
  type PilotRecord,
} from '../domain';
import { catalogue, todayIso } from '../services/catalogue';
import { stepColumns } from '../services/mapping';

/** Bump when the seed changes meaningfully, so existing databases re-seed. */
const SEED_VERSION = 'pilot-models-v1';
/** The list the first batch and the generated pilots are built on (units in force until 2025-06-30). */
const BUILT_ON_LIST = '2025-03-01';
const BUILT_ON_DATE = '2024-06-30';
/** The year the generated pilots were chosen on: their eligibility is evaluated on that year's facts. */
const ELIGIBILITY_YEAR = 2023;
const SEED_ACTOR = 'seed';
const PAGE = 500;

/**
 * Idempotent seed, each step skipped when its inputs are unchanged:
 * 1. the lifecycle and central plan (data/*.csv) as tables, for SQL roll-ups;
 * 2. the unit-profile replica, pulled from admin-units' public API;
 * 3. the villages of Nghệ An and Hà Tĩnh (generated in admin-units), pulled from its public API;
 * 4. the pilots: the nine real first-batch communes, and deterministic generated pilots for Nghệ An (40) and
 *    Hà Tĩnh (42) chosen only among communes eligible on the facts pulled from criteria's public API (the
 *    same facts `AdminUnit.pilotEligibility` evaluates through federation). Pilots recorded through the API
 *    are never touched by the seed.
 */
export async function seedPilotModels(orm: MikroORM, logger: Logger, peers: PeerUrls): Promise<void> {
  const started = Date.now();
  const cat = catalogue();
  const texts = [DATA_FILES.lifecycle, DATA_FILES.centralPlan, DATA_FILES.topicGroups, DATA_FILES.villageRequirements].map((f) =>
    readFileSync(path.join(PACKAGE_DATA_DIR, f), 'utf8'),
  );
  const catalogueRun = await seedOnce(orm.em.fork(), 'pilot-catalogue', fingerprintOf(SEED_VERSION, ...texts), async (em) => {
    const trx = em.getTransactionContext();
    await trx.raw('truncate lifecycle_step, central_plan_step');
    await insertRows(
      trx,
      'lifecycle_step',
      cat.lifecycle.map((s) => ({
        code: s.code,
        phase: s.phase,
        step_order: s.order,
        name_vi: s.nameVi,
        name_en: s.nameEn,
        depends_on: s.dependsOn,
        evidence_required: s.evidenceRequired,
        central_step: s.centralStep,
        source: s.source,
        quote_vi: s.quoteVi,
      })),
    );
    await insertRows(
      trx,
      'central_plan_step',
      cat.centralPlan.map((c) => ({
        step: c.step,
        code: c.code,
        name_vi: c.nameVi,
        name_en: c.nameEn,
        starts_on: c.startsOn,
        deadline: c.deadline,
        responsible: c.responsible,
        source: c.source,
        quote_vi: c.quoteVi,
        note: c.note,
      })),
    );
    return { lifecycleSteps: cat.lifecycle.length, centralSteps: cat.centralPlan.length };
  });

  const profiles = await syncUnitProfiles(orm, peers, logger);
  const villagesRun = await seedOnce(orm.em.fork(), 'pilot-villages', fingerprintOf(SEED_VERSION, profiles.version), async (em) => {
    const rows = await pullVillages(adminUnitsUrlOf(peers));
    const trx = em.getTransactionContext();
    await trx.raw('truncate village_profile');
    await insertRows(trx, 'village_profile', rows);
    return { villages: rows.length };
  });

  const em = orm.em.fork();
  const conn = em.getConnection();
  const provinceIds = Object.keys(GENERATED_PROVINCES).map((p) => `${p}@${BUILT_ON_LIST}`);
  const units = await conn.execute<
    {
      unit_id: string;
      code: string;
      name: string;
      level: string;
      region: string | null;
      ethnic_minority_area: boolean;
      mountainous: boolean;
      island: boolean;
      province: string;
    }[]
  >(
    `select unit_id, code, name, level, region, ethnic_minority_area, mountainous, island, split_part(ancestor_ids[1], '@', 1) as province
       from unit_profile where list_id = ? and level in ('COMMUNE', 'DISTRICT') and ancestor_ids && ?::text[] order by unit_id`,
    [BUILT_ON_LIST, toPgArray(provinceIds)],
  );
  const communes = units.filter((u) => u.level === 'COMMUNE');
  const facts = await pullPilotFacts(criteriaUrlOf(peers), communes);
  const today = todayIso();
  const firstBatchText = readFileSync(firstBatchFile(), 'utf8');
  const villages = await conn.execute<{ unit_id: string; code: string; name: string; commune_unit_id: string }[]>(
    `select * from village_profile order by unit_id`,
  );

  const pilotsRun = await seedOnce(
    orm.em.fork(),
    'pilots',
    fingerprintOf(SEED_VERSION, ...texts, firstBatchText, profiles.version, JSON.stringify([...facts.entries()]), String(villages.length), today),
    async (tx) => {
      const provinceOfCommune = new Map(communes.map((c) => [c.unit_id, c.province]));
      const generated = generatePilots({
        catalogue: cat,
        today,
        eligibilityYear: ELIGIBILITY_YEAR,
        communes: communes.map((c): GeneratorCommune => ({
          unitId: c.unit_id,
          code: c.code,
          name: c.name,
          provinceCode: c.province,
          eligibility: eligibilityInputsFromFacts(
            facts.get(c.unit_id) ?? [],
            { ethnicMinorityArea: c.ethnic_minority_area, mountainous: c.mountainous, island: c.island },
            ELIGIBILITY_YEAR,
          ),
        })),
        villages: villages
          .filter((v) => provinceOfCommune.has(v.commune_unit_id))
          .map((v): GeneratorVillage => ({
            unitId: v.unit_id,
            code: v.code,
            name: v.name,
            provinceCode: provinceOfCommune.get(v.commune_unit_id)!,
            communeUnitId: v.commune_unit_id,
          })),
        districts: units
          .filter((u) => u.level === 'DISTRICT')
          .map((d): GeneratorDistrict => ({ unitId: d.unit_id, code: d.code, name: d.name, provinceCode: d.province })),
      });
      for (const s of generated.shortfalls) logger.warn('fewer generated pilots than the target (not enough eligible units)', { ...s });
      const firstBatch = readFirstBatch(firstBatchText, cat);
      const pilots = [...firstBatch, ...generated.pilots];
      const problems = pilots.flatMap((p) => validatePilot(p, cat, today).map((e) => `${p.key} ${e.field}: ${e.reason}`));
      if (problems.length) throw new Error(`seeded pilots do not pass validation: ${problems.slice(0, 5).join('; ')}`);

      // Where each pilot sits: its replica unit (a village's commune) and province.
      const villageCommune = new Map(villages.map((v) => [v.unit_id, v.commune_unit_id]));
      const areaIds = pilots.map((p) => (p.unitLevel === 'VILLAGE' ? villageCommune.get(p.unitId)! : p.unitId));
      const provinces = new Map(
        (
          await tx
            .getConnection()
            .execute<{ unit_id: string; province: string }[]>(
              `select unit_id, split_part(ancestor_ids[1], '@', 1) as province from unit_profile where unit_id = any(?::text[])`,
              [toPgArray(areaIds)],
              'all',
              tx.getTransactionContext(),
            )
        ).map((r) => [r.unit_id, r.province]),
      );
      const missing = pilots.filter((_p, i) => !provinces.has(areaIds[i]));
      if (missing.length) throw new Error(`pilots built in units the admin-units replica does not have: ${missing.map((p) => p.unitId).join(', ')}`);

      const trx = tx.getTransactionContext();
      const seeded = `(select id from pilot where created_by = '${SEED_ACTOR}')`;
      for (const table of ['pilot_step', 'funding_line', 'village_checklist_item', 'pilot_change'])
        await trx.raw(`delete from ${table} where pilot_id in ${seeded}`);
      await trx.raw(`delete from pilot where created_by = ?`, [SEED_ACTOR]);
      await insertRows(
        trx,
        'pilot',
        pilots.map((p, i) => pilotColumns(p, areaIds[i], p.provinceCode ?? provinces.get(areaIds[i]) ?? null)),
      );
      await insertRows(
        trx,
        'pilot_step',
        pilots.flatMap((p) => p.steps.map((s) => stepColumns(p.key, s, SEED_ACTOR))),
      );
      await insertRows(
        trx,
        'funding_line',
        pilots.flatMap((p) =>
          (p.funding?.lines ?? []).map((l) => ({
            pilot_id: p.key,
            source: l.source,
            planned: l.planned.toString(),
            disbursed: l.disbursed.toString(),
            updated_by: SEED_ACTOR,
          })),
        ),
      );
      return { firstBatch: firstBatch.length, generated: generated.pilots.length, shortfalls: generated.shortfalls.length };
    },
  );
  logger.info('pilot-models seed done', {
    catalogue: catalogueRun.ran ? catalogueRun.counts : 'unchanged',
    unitProfiles: profiles.pulled ?? 'unchanged',
    villages: villagesRun.ran ? villagesRun.counts : 'unchanged',
    pilots: pilotsRun.ran ? pilotsRun.counts : 'unchanged',
    ms: Date.now() - started,
  });
}

function pilotColumns(p: PilotRecord, areaUnitId: string, provinceCode: string | null): Record<string, unknown> {
  return {
    id: p.key,
    kind: p.kind,
    unit_id: p.unitId,
    unit_level: p.unitLevel,
    unit_name: p.unitName,
    area_unit_id: areaUnitId,
    province_code: provinceCode,
    topic_groups: p.topicGroups,
    approval_number: p.approval?.number ?? null,
    approval_date: p.approval?.date ?? null,
    approval_authority: p.approval?.authority ?? null,
    status: p.status,
    stage: deriveStage(p.steps, catalogue().lifecycle),
    declared_total: p.funding?.declaredTotal?.toString() ?? null,
    generated: p.generated,
    source: p.source,
    note: p.note,
    created_by: SEED_ACTOR,
    updated_by: SEED_ACTOR,
  };
}

function criteriaUrlOf(peers: PeerUrls): string {
  const url = peers.criteria;
  if (!url) throw new Error('pilot-models pulls eligibility facts from criteria while seeding: set CRITERIA_URL');
  return url;
}

const VILLAGES_QUERY = `
  query Villages($filter: AdminUnitFilter, $first: Int!, $after: String) {
    adminUnits(filter: $filter, first: $first, after: $after) {
      edges { node { id code name parent { id } } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

/** The villages of the generated provinces on the list the pilots are built on, from admin-units' public API. */
async function pullVillages(url: string): Promise<{ unit_id: string; code: string; name: string; commune_unit_id: string }[]> {
  const rows: { unit_id: string; code: string; name: string; commune_unit_id: string }[] = [];
  for (const province of Object.keys(GENERATED_PROVINCES)) {
    let after: string | null = null;
    do {
      const data: {
        adminUnits: {
          edges: { node: { id: string; code: string; name: string; parent: { id: string } | null } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      } = await graphqlRequest(url, VILLAGES_QUERY, { filter: { level: 'VILLAGE', within: province, asOf: BUILT_ON_DATE }, first: PAGE, after });
      for (const { node } of data.adminUnits.edges)
        if (node.parent) rows.push({ unit_id: node.id, code: node.code, name: node.name, commune_unit_id: node.parent.id });
      after = data.adminUnits.pageInfo.hasNextPage ? data.adminUnits.pageInfo.endCursor : null;
    } while (after);
  }
  return rows;
}

const FACTS_QUERY = `query PilotFacts($r: [_Any!]!) { _entities(representations: $r) { ... on AdminUnit { id pilotFacts { year code value source } } } }`;

/**
 * The pilot facts of communes from criteria's subgraph API (the same field the gateway fetches for
 * `pilotEligibility`), with representations carrying the area attributes from the replica.
 */
async function pullPilotFacts(
  url: string,
  communes: readonly {
    unit_id: string;
    level: string;
    region: string | null;
    ethnic_minority_area: boolean;
    mountainous: boolean;
    island: boolean;
  }[],
): Promise<Map<string, PilotFactInput[]>> {
  const out = new Map<string, PilotFactInput[]>();
  for (let i = 0; i < communes.length; i += PAGE) {
    const representations = communes.slice(i, i + PAGE).map((c) => ({
      __typename: 'AdminUnit',
      id: c.unit_id,
      level: c.level,
      region: c.region,
      ethnicMinorityArea: c.ethnic_minority_area,
      mountainous: c.mountainous,
      island: c.island,
    }));
    const data = await graphqlRequest<{ _entities: ({ id: string; pilotFacts: PilotFactInput[] } | null)[] }>(url, FACTS_QUERY, {
      r: representations,
    });
    for (const e of data._entities) if (e) out.set(e.id, e.pilotFacts);
  }
  return out;
}
