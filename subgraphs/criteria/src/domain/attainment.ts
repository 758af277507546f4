/**
 * Attainment: from a unit's reported values to indicator → criterion → set status, with the
 * threshold that applied and the gap, so the API can explain why a unit does not meet a set.
 *
 * Indicator status:
 *   MET            the value satisfies the applied threshold
 *   NOT_MET        it does not
 *   NO_DATA        no value reported (reason MISSING_VALUE), or the stored text does not parse
 *                  for the indicator's value type (reason INVALID_VALUE, `error` says why)
 *   NOT_EVALUATED  the indicator has no threshold rule (reason NO_RULE), or its rule has no
 *                  branch for this unit and year (reason NOT_APPLICABLE, e.g. `>= 45 from 2024`
 *                  in 2023), or its rule needs the unit's commune group (xã nhóm, 2026–2030 set)
 *                  and the unit has none (reason NO_COMMUNE_GROUP: an unknown requirement, like
 *                  NO_RULE). A value, if any, is still parsed and returned.
 *
 * Criterion status, over its indicators, first match wins:
 *   NOT_MET if any indicator is NOT_MET (a known failure decides even when other data is missing);
 *   else NO_DATA if any is NO_DATA; else MET if at least one is MET (NOT_EVALUATED indicators are
 *   skipped); else NOT_EVALUATED, reason NO_INDICATORS when the criterion has none, NO_RULE when
 *   any of its indicators has no rule, NO_COMMUNE_GROUP when any needs the unknown commune group,
 *   else NOT_APPLICABLE (no requirement for this unit and year).
 *
 * Set status, over its criteria: NOT_MET if any criterion is NOT_MET; else NO_DATA if any is
 * NO_DATA; else NOT_EVALUATED if any criterion is NOT_EVALUATED for NO_RULE, NO_INDICATORS or
 * NO_COMMUNE_GROUP (a
 * unit is never said to meet a set when a whole criterion's requirement is unknown); else MET if
 * any criterion is MET (criteria NOT_APPLICABLE this year are skipped); else NOT_EVALUATED.
 *
 * `provisional` is true when a MET/NOT_MET decision used a placeholder threshold; `complete` is
 * false when any indicator has no rule or needs the unknown commune group, or any criterion has no
 * indicators (an unknown requirement).
 */
import { CriteriaSetDef, CriterionDef, IndicatorDef } from './criteria-file';
import { parseIndicatorValue } from './indicator-value';
import { AppliedThreshold, describeComparison, numericGap, RuleBranch, satisfies, selectBranchOutcome } from './threshold-rule';
import { IndicatorValue, UnitAttributes } from './types';

export { parseIndicatorValue } from './indicator-value';
export type { ParsedIndicatorValue } from './indicator-value';

export type AttainmentStatus = 'MET' | 'NOT_MET' | 'NO_DATA' | 'NOT_EVALUATED';
export type AttainmentReason = 'MISSING_VALUE' | 'INVALID_VALUE' | 'NO_RULE' | 'NOT_APPLICABLE' | 'NO_INDICATORS' | 'NO_COMMUNE_GROUP';

/** Reasons that mean the requirement is unknown (the unit is never said to meet the set). */
export function isUnknownRequirement(reason: AttainmentReason | null): boolean {
  return reason === 'NO_RULE' || reason === 'NO_INDICATORS' || reason === 'NO_COMMUNE_GROUP';
}

export interface IndicatorAttainment {
  readonly indicatorCode: string;
  readonly criterionNumber: number;
  readonly status: AttainmentStatus;
  /** Why NO_DATA / NOT_EVALUATED; null for MET and NOT_MET. */
  readonly reason: AttainmentReason | null;
  /** The value as given (null when missing). */
  readonly valueText: string | null;
  /** The normalised value, null when missing or invalid. */
  readonly value: IndicatorValue | null;
  /** Parse error of an INVALID_VALUE, else null. */
  readonly error: string | null;
  /** The threshold that applied, null when no rule or not applicable. */
  readonly threshold: AppliedThreshold | null;
  /**
   * Distance to attainment for numeric thresholds: how far below the target (≥), above it (≤),
   * or off it (=); 0 when met; null for boolean/category thresholds and when there is no value.
   */
  readonly gap: number | null;
  /** The threshold used is a placeholder (not verified from a source). */
  readonly placeholder: boolean;
}

export interface StatusCounts {
  MET: number;
  NOT_MET: number;
  NO_DATA: number;
  NOT_EVALUATED: number;
}

export interface CriterionAttainment {
  readonly criterionNumber: number;
  readonly status: AttainmentStatus;
  readonly reason: AttainmentReason | null;
  readonly indicators: readonly IndicatorAttainment[];
  readonly indicatorCounts: StatusCounts;
}

export interface SetAttainment {
  readonly setCode: string;
  readonly year: number;
  readonly status: AttainmentStatus;
  readonly criteria: readonly CriterionAttainment[];
  /** Criteria by status. */
  readonly criterionCounts: StatusCounts;
  /** Indicators by status. */
  readonly indicatorCounts: StatusCounts;
  /** Codes of NOT_MET indicators: the explanation of a NOT_MET set. */
  readonly unmetIndicators: readonly string[];
  /** Codes of NO_DATA indicators. */
  readonly missingIndicators: readonly string[];
  /** A MET/NOT_MET decision relied on a placeholder threshold. */
  readonly provisional: boolean;
  /** No indicator lacks a rule and no criterion lacks indicators (NOT_APPLICABLE does not count). */
  readonly complete: boolean;
}

/** Values by indicator code: text as stored; null, undefined or blank = not reported. */
export type IndicatorValues = ReadonlyMap<string, string | null | undefined> | Readonly<Record<string, string | null | undefined>>;

function lookup(values: IndicatorValues, code: string): string | null {
  const v = values instanceof Map ? values.get(code) : (values as Readonly<Record<string, string | null | undefined>>)[code];
  return v === undefined || v === null ? null : v;
}

function emptyCounts(): StatusCounts {
  return { MET: 0, NOT_MET: 0, NO_DATA: 0, NOT_EVALUATED: 0 };
}

/** Attainment of one indicator for one unit and year. */
export function evaluateIndicator(
  indicator: IndicatorDef,
  unit: UnitAttributes,
  year: number,
  valueText: string | null | undefined,
): IndicatorAttainment {
  const text = valueText === undefined || valueText === null || valueText.trim() === '' ? null : valueText;
  const parsed = text === null ? null : parseIndicatorValue(indicator.valueType, text, indicator.allowedValues);
  const value = parsed !== null && parsed.ok ? parsed.value : null;
  const error = parsed !== null && !parsed.ok ? parsed.reason : null;

  if (!indicator.rule) return result(indicator, 'NOT_EVALUATED', 'NO_RULE', text, value, error, null, null, false);
  const outcome = selectBranchOutcome(indicator.rule, unit, year);
  const branch = outcome.branch;
  if (!branch) {
    const reason = outcome.missing === 'NO_COMMUNE_GROUP' ? 'NO_COMMUNE_GROUP' : 'NOT_APPLICABLE';
    return result(indicator, 'NOT_EVALUATED', reason, text, value, error, null, null, false);
  }
  const threshold = appliedThreshold(branch, indicator.unit);
  if (parsed === null || !parsed.ok) {
    return result(
      indicator,
      'NO_DATA',
      parsed === null ? 'MISSING_VALUE' : 'INVALID_VALUE',
      text,
      null,
      error,
      threshold,
      null,
      indicator.placeholder,
    );
  }
  const c = branch.comparison;
  const met = satisfies(c, parsed.value);
  const gap = typeof parsed.value === 'number' ? numericGap(c, parsed.value) : null;
  return result(indicator, met ? 'MET' : 'NOT_MET', null, text, parsed.value, null, threshold, gap, indicator.placeholder);
}

function result(
  indicator: IndicatorDef,
  status: AttainmentStatus,
  reason: AttainmentReason | null,
  valueText: string | null,
  value: IndicatorValue | null,
  error: string | null,
  threshold: AppliedThreshold | null,
  gap: number | null,
  placeholder: boolean,
): IndicatorAttainment {
  return {
    indicatorCode: indicator.code,
    criterionNumber: indicator.criterionNumber,
    status,
    reason,
    valueText,
    value,
    error,
    threshold,
    gap,
    placeholder,
  };
}

/** Applied thresholds are immutable: built once per rule branch and unit of measure. */
const thresholdCache = new WeakMap<RuleBranch, Map<string, AppliedThreshold>>();
function appliedThreshold(branch: RuleBranch, unitOfMeasure: string | null): AppliedThreshold {
  let byUnit = thresholdCache.get(branch);
  if (!byUnit) {
    byUnit = new Map();
    thresholdCache.set(branch, byUnit);
  }
  const key = unitOfMeasure ?? '';
  let t = byUnit.get(key);
  if (!t) {
    const c = branch.comparison;
    t = Object.freeze({ operator: c.operator, target: c.target, description: describeComparison(c, unitOfMeasure), branchText: branch.text });
    byUnit.set(key, t);
  }
  return t;
}

/** Combines indicator results into a criterion result (precedence in the file comment). */
export function combineCriterion(criterion: Pick<CriterionDef, 'number'>, indicators: readonly IndicatorAttainment[]): CriterionAttainment {
  const counts = emptyCounts();
  let noRule = false;
  let noGroup = false;
  for (const i of indicators) {
    counts[i.status]++;
    if (i.reason === 'NO_RULE') noRule = true;
    if (i.reason === 'NO_COMMUNE_GROUP') noGroup = true;
  }
  let status: AttainmentStatus;
  let reason: AttainmentReason | null = null;
  if (counts.NOT_MET > 0) status = 'NOT_MET';
  else if (counts.NO_DATA > 0) status = 'NO_DATA';
  else if (counts.MET > 0) status = 'MET';
  else {
    status = 'NOT_EVALUATED';
    reason = indicators.length === 0 ? 'NO_INDICATORS' : noRule ? 'NO_RULE' : noGroup ? 'NO_COMMUNE_GROUP' : 'NOT_APPLICABLE';
  }
  return { criterionNumber: criterion.number, status, reason, indicators, indicatorCounts: counts };
}

/**
 * Attainment of a whole set for one unit and year. `values` maps indicator codes of this set to
 * the stored value text; codes not in the set are ignored.
 */
export function evaluateSetAttainment(set: CriteriaSetDef, unit: UnitAttributes, year: number, values: IndicatorValues): SetAttainment {
  const criterionCounts = emptyCounts();
  const indicatorCounts = emptyCounts();
  const unmet: string[] = [];
  const missing: string[] = [];
  let provisional = false;
  let unknownRequirement = false;
  const criteria = set.criteria.map((criterion) => {
    const results = criterion.indicators.map((ind) => {
      const r = evaluateIndicator(ind, unit, year, lookup(values, ind.code));
      indicatorCounts[r.status]++;
      if (r.status === 'NOT_MET') unmet.push(r.indicatorCode);
      if (r.status === 'NO_DATA') missing.push(r.indicatorCode);
      if (r.placeholder && (r.status === 'MET' || r.status === 'NOT_MET')) provisional = true;
      if (isUnknownRequirement(r.reason)) unknownRequirement = true;
      return r;
    });
    const c = combineCriterion(criterion, results);
    criterionCounts[c.status]++;
    if (isUnknownRequirement(c.reason)) unknownRequirement = true;
    return c;
  });
  let status: AttainmentStatus;
  if (criterionCounts.NOT_MET > 0) status = 'NOT_MET';
  else if (criterionCounts.NO_DATA > 0) status = 'NO_DATA';
  else if (criteria.some((c) => isUnknownRequirement(c.reason))) status = 'NOT_EVALUATED';
  else if (criterionCounts.MET > 0) status = 'MET';
  else status = 'NOT_EVALUATED';
  return {
    setCode: set.code,
    year,
    status,
    criteria,
    criterionCounts,
    indicatorCounts,
    unmetIndicators: unmet,
    missingIndicators: missing,
    provisional,
    complete: !unknownRequirement,
  };
}
