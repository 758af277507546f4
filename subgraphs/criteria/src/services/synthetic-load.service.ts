import type { EntityManager } from '@mikro-orm/postgresql';
import { UnitProfile } from '@ntm/admin-unit-contract';
import { copyRows, inForceFilter, inForceOn, toPgArray, type CopyValue } from '@ntm/kit';
import { evaluateSetAttainment } from '../domain/attainment';
import { parseIndicatorValue } from '../domain/indicator-value';
import { listDateForYear } from '../domain/reporting-period';
import { isSetInForce } from '../domain/set-validity';
import { hashUnitKey, syntheticIndicatorValue, syntheticSetsFor } from '../domain/synthetic';
import { unitAttributesOf, type Level } from '../domain/types';
import type { CriteriaCatalog, CatalogIndicator } from './catalog';

/** Source tag of every generated value: synthetic data says so. */
export const SYNTHETIC_SOURCE = 'SYNTHETIC (deterministic generator, not real data)';
export const SYNTHETIC_SEED = 2021;
export const SYNTHETIC_YEARS = [2021, 2022, 2023, 2024, 2025, 2026];

/** The secondary indexes of indicator_value (as in the migration), rebuilt after a national load. */
const SECONDARY_INDEXES = [
  { name: 'indicator_value_unit_year_index', create: 'create index indicator_value_unit_year_index on indicator_value (unit_id, year)' },
  { name: 'indicator_value_recorded_at_index', create: 'create index indicator_value_recorded_at_index on indicator_value (recorded_at)' },
];

export interface SyntheticScope {
  /** Province codes to generate for (as of each year's list), or null for the whole country. */
  provinceCodes: string[] | null;
  years?: number[];
  /** Share of the scope's units to generate for, 0 < scale ≤ 1 (a deterministic subset); default 1. */
  scale?: number;
  onProgress?: (written: number, total: number) => void;
}

/** The replica facts the generator needs (plain rows with property names, not managed entities). */
type ProfileRow = Pick<UnitProfile, 'unitId' | 'code' | 'level' | 'region' | 'ethnicMinorityArea' | 'mountainous' | 'island' | 'communeGroup'>;

/**
 * Generates the synthetic dataset set-based: values are computed by the pure generator and
 * streamed into PostgreSQL with COPY on the transaction's connection, never one ORM flush per row.
 * Replaces earlier synthetic values of the same units (values written through the API stay), inside the caller's
 * transaction. Also records generated recognition decisions for units whose computed attainment
 * of a standard national set is MET, and generated advanced-NTM recognitions for a share of them.
 */
export async function loadSyntheticValues(
  em: EntityManager,
  catalog: CriteriaCatalog,
  scope: SyntheticScope,
): Promise<{ values: number; units: number; decisions: number }> {
  const trx = em.getTransactionContext();
  // A bulk load, for this transaction only: no statement timeout (the pool's default is 30 s), and
  // no wait for the WAL flush at commit (a crash loses at most this load, which is re-runnable).
  await trx.raw(`set local statement_timeout = 0`);
  await trx.raw(`set local synchronous_commit = off`);
  const years = scope.years ?? SYNTHETIC_YEARS;
  const unitsByYear = new Map<number, ProfileRow[]>();
  const scopeUnits = new Set<string>();
  for (const year of years) {
    const date = listDateForYear(year);
    const query = em
      .createQueryBuilder(UnitProfile, 'u')
      .select(['unitId', 'code', 'level', 'region', 'ethnicMinorityArea', 'mountainous', 'island', 'communeGroup'])
      .where({ level: { $in: ['COMMUNE', 'DISTRICT'] }, ...inForceFilter(date) })
      .orderBy({ unitId: 'asc' });
    if (scope.provinceCodes) {
      query.andWhere(
        `exists (select 1 from unit_profile p where p.level = 'PROVINCE' and p.code = any(?::text[]) and ${inForceOn('p')} and u.ancestor_ids @> array[p.unit_id])`,
        [toPgArray(scope.provinceCodes), date, date],
      );
    }
    const units = await query.execute<ProfileRow[]>('all');
    const scale = scope.scale ?? 1;
    unitsByYear.set(year, scale >= 1 ? units : units.filter((u) => hashUnitKey(u.unitId) % 10_000 < scale * 10_000));
    for (const u of unitsByYear.get(year)!) scopeUnits.add(u.unitId);
  }
  // Each year gets the indicators of the sets in force that year (2026 on: the 2026–2030 set).
  const indicatorsOf = new Map<string, CatalogIndicator[]>();
  const indicatorsFor = (level: string, year: number): CatalogIndicator[] => {
    const key = `${level}|${year}`;
    let list = indicatorsOf.get(key);
    if (!list) {
      const sets = new Set(syntheticSetsFor([...catalog.sets.values()], level as Level, year));
      indicatorsOf.set(key, (list = catalog.allIndicators().filter((ind) => sets.has(ind.set))));
    }
    return list;
  };
  const total = years.reduce((n, y) => n + unitsByYear.get(y)!.reduce((m, u) => m + indicatorsFor(u.level, y).length, 0), 0);

  // Values written through the API (any source but the generator) are real and stay: the synthetic
  // rows for the same keys are skipped. When such values exist in scope, COPY goes into a staging
  // table and `insert … on conflict do nothing` moves it over (COPY straight into indicator_value
  // would fail on the first such key, as `load:national` used to).
  let keepsReal: boolean;
  if (scope.provinceCodes) {
    await trx.raw(`delete from indicator_value where source = ? and unit_id = any(?::text[])`, [SYNTHETIC_SOURCE, toPgArray([...scopeUnits])]);
    await trx.raw(`delete from recognition_decision where generated and unit_id = any(?::text[])`, [toPgArray([...scopeUnits])]);
    const { rows } = await trx.raw(`select exists (select 1 from indicator_value where unit_id = any(?::text[])) as found`, [
      toPgArray([...scopeUnits]),
    ]);
    keepsReal = rows[0].found;
  } else {
    // The whole country: TRUNCATE when nothing but synthetic values is stored (instant, and lets
    // COPY skip WAL under wal_level=minimal), and rebuild the secondary indexes once afterwards
    // instead of maintaining them row by row.
    const { rows: real } = await trx.raw(`select exists (select 1 from indicator_value where source <> ?) as found`, [SYNTHETIC_SOURCE]);
    keepsReal = real[0].found;
    if (keepsReal) await trx.raw(`delete from indicator_value where source = ?`, [SYNTHETIC_SOURCE]);
    else await trx.raw(`truncate indicator_value`);
    await trx.raw(`delete from recognition_decision where generated`);
    for (const index of SECONDARY_INDEXES) await trx.raw(`drop index if exists ${index.name}`);
  }

  const decisions: string[][] = [];
  const standardSets = [...catalog.sets.values()].filter((s) => s.kind === 'NATIONAL' && s.tier === 'STANDARD');
  let generated = 0;
  function* valueRows(): Generator<CopyValue[]> {
    for (const year of years) {
      for (const unit of unitsByYear.get(year)!) {
        const attributes = unitAttributesOf(unit);
        const unitKey = hashUnitKey(unit.unitId);
        const valuesBySet = new Map<string, Map<string, string>>();
        for (const ind of indicatorsFor(unit.level, year)) {
          const text = syntheticIndicatorValue(unitKey, attributes, ind.def, year, SYNTHETIC_SEED);
          if (text === null) continue;
          const parsed = parseIndicatorValue(ind.def.valueType, text, ind.def.allowedValues);
          if (!parsed.ok) throw new Error(`generator produced an invalid value "${text}" for ${ind.key}: ${parsed.reason}`);
          const numeric = typeof parsed.value === 'number' ? parsed.value : typeof parsed.value === 'boolean' ? (parsed.value ? 1 : 0) : null;
          let setValues = valuesBySet.get(ind.set.code);
          if (!setValues) valuesBySet.set(ind.set.code, (setValues = new Map()));
          setValues.set(ind.def.code, parsed.text);
          if (++generated % 50_000 === 0) scope.onProgress?.(generated, total);
          yield [ind.id, year, unit.unitId, parsed.text, numeric, 'APPROVED', SYNTHETIC_SOURCE, 'synthetic-generator'];
        }
        for (const set of standardSets) {
          if (set.level !== unit.level || !isSetInForce(set, year)) continue;
          const attainment = evaluateSetAttainment(set, attributes, year, valuesBySet.get(set.code) ?? new Map());
          if (attainment.status === 'MET') {
            decisions.push([
              unit.unitId,
              set.code,
              `${(hashUnitKey(`${unit.unitId}:${year}`) % 9000) + 1000}/QĐ-UBND`,
              `${year + 1}-03-15`,
              'UBND tỉnh (synthetic)',
            ]);
          }
        }
      }
    }
  }
  const columns = ['indicator_id', 'year', 'unit_id', 'value', 'numeric_value', 'status', 'source', 'recorded_by'];
  let written: number;
  if (keepsReal) {
    await trx.raw(`create temp table synthetic_value_staging (like indicator_value including defaults) on commit drop`);
    const copied = await copyRows(trx, 'synthetic_value_staging', columns, valueRows());
    scope.onProgress?.(copied, total);
    const moved = await trx.raw(
      `insert into indicator_value (${columns.join(', ')}) select ${columns.join(', ')} from synthetic_value_staging
       on conflict (indicator_id, year, unit_id) do nothing`,
    );
    written = moved.rowCount ?? copied;
    await trx.raw(`drop table synthetic_value_staging`);
  } else {
    written = await copyRows(trx, 'indicator_value', columns, valueRows());
    scope.onProgress?.(written, total);
  }
  if (!scope.provinceCodes) for (const index of SECONDARY_INDEXES) await trx.raw(index.create);
  // A unit is recognised once per set: the first year its computed attainment is MET.
  const firstByUnitSet = new Map<string, string[]>();
  for (const d of decisions) {
    const key = `${d[0]}|${d[1]}`;
    if (!firstByUnitSet.has(key)) firstByUnitSet.set(key, d);
  }
  const rows = [...firstByUnitSet.values()];
  rows.push(...advancedRecognitions(rows, catalog));
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = rows.slice(i, i + 5000);
    await trx.raw(
      `insert into recognition_decision (unit_id, set_code, decision_number, decided_on, authority, generated)
       select u, s, n, d, a, true from unnest(?::text[], ?::text[], ?::text[], ?::date[], ?::text[]) as t(u, s, n, d, a)
       on conflict do nothing`,
      [0, 1, 2, 3, 4].map((c) => toPgArray(chunk.map((r) => r[c]))),
    );
  }
  return { values: written, units: scopeUnits.size, decisions: rows.length };
}

/** Share of standard-recognised communes given a generated advanced-NTM recognition (a generator choice, not from a source). */
export const ADVANCED_SHARE_PERCENT = 30;

/**
 * Generated advanced-NTM recognitions (xã NTM nâng cao): the advanced sets hold too few indicators (placeholders)
 * for their computed attainment to mean anything, so a deterministic share of the units recognised under the
 * standard set of the same level and phase get an advanced recognition in the September after their standard one
 * (never before it). Generated, like every decision of this dataset.
 */
function advancedRecognitions(standard: readonly string[][], catalog: CriteriaCatalog): string[][] {
  const sets = [...catalog.sets.values()];
  const out: string[][] = [];
  for (const [unitId, setCode, , decidedOn] of standard) {
    const std = sets.find((s) => s.code === setCode);
    const advanced = std && sets.find((s) => s.kind === 'NATIONAL' && s.tier === 'ADVANCED' && s.level === std.level && s.phase === std.phase);
    if (!advanced || hashUnitKey(`${unitId}:advanced`) % 100 >= ADVANCED_SHARE_PERCENT) continue;
    const year = Number(decidedOn.slice(0, 4)) + 1;
    out.push([
      unitId,
      advanced.code,
      `${(hashUnitKey(`${unitId}:${year}:advanced`) % 9000) + 1000}/QĐ-UBND`,
      `${year}-09-15`,
      'UBND tỉnh (synthetic)',
    ]);
  }
  return out;
}
