import type { EntityManager } from '@mikro-orm/postgresql';
import { inForceOn, toPgArray, userInputError } from '@ntm/kit';
import { evaluateSetAttainment, type SetAttainment } from '../domain/attainment';
import { evaluateThresholdRule } from '../domain/threshold-rule';
import type { CriteriaSetDef } from '../domain/criteria-file';
import { listDateForYear } from '../domain/reporting-period';
import type { UnitAttributes } from '../domain/types';
import type { CatalogIndicator, CriteriaCatalog } from './catalog';
import { findUnitProfileInForce, type UnitProfile } from '@ntm/admin-unit-contract';
import { allProfiles, buildThresholdTable, GAP_SQL, profileKey, PROFILE_SQL, STATUS_SQL, type ThresholdTable } from './threshold-table';

export interface SummaryCounts {
  unitCount: number;
  metCount: number;
  indicators: { code: string; metCount: number; notMetCount: number; noDataCount: number; notEvaluatedCount: number }[];
  criteria: { code: string; metCount: number; notMetCount: number; noDataCount: number }[];
}

export interface GapRow {
  unit_id: string;
  value: string | null;
  gap: number | null;
  status: string;
  profile: string;
}

function tableParams(t: ThresholdTable): string[] {
  return [toPgArray(t.indicatorIds), toPgArray(t.profiles), toPgArray(t.ops), toPgArray(t.targets), toPgArray(t.texts)];
}

/**
 * The values roll-ups count: SUBMITTED and APPROVED, never DRAFT. A DRAFT is shown only inside its
 * scope, and an aggregate over a province would show it to everyone (a count moves when a draft is
 * typed); so every reader gets the same roll-up, equal to the per-unit assessments an anonymous
 * reader sees.
 */
const PUBLISHED = `v.status <> 'DRAFT'`;

const THRESHOLDS_CTE = `thresholds as (select * from unnest(?::int[], ?::text[], ?::text[], ?::float8[], ?::text[]) as t(indicator_id, profile, op, target, texts))`;

/**
 * Attainment, always computed from stored values, never stored: per unit with the pure domain
 * rules, and for roll-ups in one set-based SQL statement driven by the same rules (see
 * threshold-table.ts), so that every roll-up number agrees with the per-unit assessments.
 */
export class AttainmentService {
  constructor(
    private readonly em: EntityManager,
    private readonly catalog: CriteriaCatalog,
  ) {}

  /** Per-unit assessment from its values (indicator code → text). */
  assess(set: CriteriaSetDef, attributes: UnitAttributes, year: number, valuesByIndicatorId: Map<number, { value: string }>): SetAttainment {
    const values = new Map<string, string>();
    for (const ind of this.catalog.indicatorsOfSet(set.code)) {
      const stored = valuesByIndicatorId.get(ind.id);
      if (stored !== undefined) values.set(ind.def.code, stored.value);
    }
    return evaluateSetAttainment(set, attributes, year, values);
  }

  /** The unit (of the year's list) with this code, for `within` filters. */
  resolveUnit(code: string, date: string): Promise<UnitProfile | null> {
    return findUnitProfileInForce(this.em, code, date);
  }

  /**
   * The id of the unit a `within` filter names, for a roll-up of `year`: the unit with that code on
   * `asOf` (default: the year's list date), which must be a unit of the year's list. Null without a filter.
   */
  async resolveWithin(within: string | null, asOf: string | null, year: number): Promise<string | null> {
    if (!within) return null;
    const listDate = listDateForYear(year);
    const unit = await this.resolveUnit(within, asOf ?? listDate);
    if (!unit) throw userInputError(`within: no unit with code "${within}" in the list in force on ${asOf ?? listDate}`, { field: 'within' });
    const sameList = await this.resolveUnit(within, listDate);
    if (!sameList || sameList.unitId !== unit.unitId) {
      throw userInputError(
        `within: values for ${year} are kept on the units in force on ${listDate}; "${within}" as of ${asOf} is a unit of another list`,
        { field: 'within' },
      );
    }
    return unit.unitId;
  }

  /**
   * The threshold of one indicator in a year as text, for each unit profile (region and flags,
   * see threshold-table.ts): profile key → description, null where no threshold applies.
   */
  thresholdDescriptions(indicator: CatalogIndicator, year: number): Map<string, string | null> {
    const rule = indicator.def.rule;
    return new Map(
      allProfiles().map((p) => [profileKey(p), rule ? (evaluateThresholdRule(rule, p, year, indicator.def.unit)?.description ?? null) : null]),
    );
  }

  private unitsCte(set: CriteriaSetDef, year: number, withinId: string | null): { sql: string; params: unknown[] } {
    const date = listDateForYear(year);
    return {
      sql: `units as (
        select u.unit_id, ${PROFILE_SQL} as profile from unit_profile u
         where u.level = ? and ${inForceOn('u')}
           ${withinId ? 'and u.ancestor_ids @> array[?]::text[]' : ''})`,
      params: withinId ? [set.level, date, date, withinId] : [set.level, date, date],
    };
  }

  /** Roll-up of a set over the units of its level in an area (or the country): one SQL statement. */
  async summary(set: CriteriaSetDef, year: number, withinId: string | null): Promise<SummaryCounts> {
    const indicators = this.catalog.indicatorsOfSet(set.code);
    const table = buildThresholdTable(indicators, year);
    const units = this.unitsCte(set, year, withinId);
    const hasEmptyCriterion = set.criteria.some((c) => c.indicators.length === 0);
    const rows = await this.em.getConnection().execute<{ kind: string; key: string; st: string; n: string }[]>(
      `with ${units.sql},
       ${THRESHOLDS_CTE},
       indicators as (select * from unnest(?::int[], ?::int[]) as i(indicator_id, criterion_no)),
       status as materialized (
         select u.unit_id, i.indicator_id, i.criterion_no, ${STATUS_SQL} as st
           from units u
           cross join indicators i
           join thresholds t on t.indicator_id = i.indicator_id and t.profile = u.profile
           left join indicator_value v on v.indicator_id = i.indicator_id and v.year = ? and v.unit_id = u.unit_id and ${PUBLISHED}
       ),
       crit as materialized (
         select unit_id, criterion_no,
                case when bool_or(st = 'NOT_MET') then 'NOT_MET' when bool_or(st = 'NO_DATA') then 'NO_DATA'
                     when bool_or(st = 'MET') then 'MET' when bool_or(st = 'NE_RULE') then 'NE_RULE' else 'NE_NA' end as st
           from status group by unit_id, criterion_no
       ),
       unit_set as (
         select unit_id,
                case when bool_or(st = 'NOT_MET') then 'NOT_MET' when bool_or(st = 'NO_DATA') then 'NO_DATA'
                     when bool_or(st = 'NE_RULE') or ?::boolean then 'NOT_EVALUATED'
                     when bool_or(st = 'MET') then 'MET' else 'NOT_EVALUATED' end as st
           from crit group by unit_id
       )
       select 'indicator' as kind, indicator_id::text as key, st, count(*) as n from status group by indicator_id, st
       union all select 'criterion', criterion_no::text, st, count(*) from crit group by criterion_no, st
       union all select 'set', '', st, count(*) from unit_set group by st
       union all select 'units', '', '', count(*) from units`,
      [
        ...units.params,
        ...tableParams(table),
        toPgArray(indicators.map((i) => i.id)),
        toPgArray(indicators.map((i) => i.def.criterionNumber)),
        year,
        hasEmptyCriterion,
      ],
    );
    const count = (kind: string, key: string, st: string) => Number(rows.find((r) => r.kind === kind && r.key === key && r.st === st)?.n ?? 0);
    return {
      unitCount: count('units', '', ''),
      metCount: count('set', '', 'MET'),
      indicators: indicators.map((i) => ({
        code: i.def.code,
        metCount: count('indicator', String(i.id), 'MET'),
        notMetCount: count('indicator', String(i.id), 'NOT_MET'),
        noDataCount: count('indicator', String(i.id), 'NO_DATA'),
        notEvaluatedCount: count('indicator', String(i.id), 'NE_RULE') + count('indicator', String(i.id), 'NE_NA'),
      })),
      criteria: set.criteria.map((c) => ({
        code: String(c.number),
        metCount: count('criterion', String(c.number), 'MET'),
        notMetCount: count('criterion', String(c.number), 'NOT_MET'),
        noDataCount: count('criterion', String(c.number), 'NO_DATA'),
      })),
    };
  }

  /**
   * Units that do not meet one indicator (and, if asked, those without data), with value and
   * gap, sorted by gap: one SQL statement per page.
   */
  async unitsNotMeeting(
    set: CriteriaSetDef,
    indicatorId: number,
    year: number,
    withinId: string | null,
    options: { includeNoData: boolean; order: 'GAP_DESC' | 'GAP_ASC' | 'CODE'; first: number; offset: number },
  ): Promise<{ rows: GapRow[]; totalCount: number }> {
    const indicator = this.catalog.byIndicatorId(indicatorId)!;
    const table = buildThresholdTable([indicator], year);
    const units = this.unitsCte(set, year, withinId);
    const order = options.order === 'CODE' ? 'unit_id' : options.order === 'GAP_ASC' ? 'gap asc nulls last, unit_id' : 'gap desc nulls last, unit_id';
    const rows = await this.em.getConnection().execute<(GapRow & { total_count: string })[]>(
      `with ${units.sql},
       ${THRESHOLDS_CTE},
       status as (
         select u.unit_id, u.profile, v.value, ${STATUS_SQL} as status, ${GAP_SQL} as gap
           from units u
           join thresholds t on t.profile = u.profile
           left join indicator_value v on v.indicator_id = t.indicator_id and v.year = ? and v.unit_id = u.unit_id and ${PUBLISHED}
       )
       select unit_id, profile, value, status, gap, count(*) over () as total_count from status
        where status = 'NOT_MET' ${options.includeNoData ? "or status = 'NO_DATA'" : ''}
        order by ${order}
        limit ? offset ?`,
      [...units.params, ...tableParams(table), year, options.first + 1, options.offset],
    );
    if (rows[0] || options.offset === 0) return { rows, totalCount: rows[0] ? Number(rows[0].total_count) : 0 };
    // Past the last page: count on its own, so totalCount stays the same on every page.
    const all = await this.unitsNotMeeting(set, indicatorId, year, withinId, { ...options, first: 0, offset: 0 });
    return { rows, totalCount: all.totalCount };
  }
}
