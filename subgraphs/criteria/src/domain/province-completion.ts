/**
 * Province completion (tỉnh, thành phố hoàn thành nhiệm vụ xây dựng nông thôn mới), Decision
 * 51/2025/QĐ-TTg Appendix III, as a computed and explained assessment for a province and year.
 *
 * The conditions are data (`data/province-completion.csv`, one row per condition, with its
 * source and confidence), read by `loadProvinceCompletionConditions`. A separate small file
 * rather than a PROVINCE-level set in `criteria-sets.csv`: the conditions are about a province's
 * communes (shares, counts), not indicators reported per unit, and a PROVINCE level would change
 * the GraphQL `CriteriaLevel` enum and the roll-up over unit profiles for two rows.
 *
 * What is known (see data/sources/qd-51-2025.md): Appendix III exists and the conditions were
 * tightened; the appendix itself could not be read. So the file holds one placeholder condition
 * (share of communes recognised = 100%) and one row standing for the unread conditions, without a
 * rule: with today's file a province is NOT_MET or NOT_EVALUATED, never MET.
 *
 * Status of a condition: MET / NOT_MET against its rule; NOT_EVALUATED with reason MISSING_VALUE
 * (no fact given) or NO_RULE (the condition's requirement is unknown). Overall: NOT_MET if any
 * condition is NOT_MET, else NOT_EVALUATED if any is NOT_EVALUATED, else MET. `provisional` =
 * a MET/NOT_MET decision used a placeholder threshold.
 */
import { CsvParseError, readCsvRecords } from '@ntm/data-files';
import { parseIndicatorValue } from './indicator-value';
import {
  checkRuleForValueType,
  describeComparison,
  parseThresholdRule,
  RuleParseError,
  satisfies,
  selectBranch,
  ThresholdRule,
} from './threshold-rule';
import { Confidence, CONFIDENCES, IndicatorValue, UnitAttributes, ValueType } from './types';

/** The condition whose value can be computed from commune counts. */
export const COMMUNES_NTM_SHARE = 'COMMUNES_NTM_SHARE';

export interface ProvinceCompletionCondition {
  readonly phase: string;
  readonly validFromYear: number;
  readonly validToYear: number;
  readonly code: string;
  readonly descriptionVi: string;
  readonly descriptionEn: string;
  readonly valueType: Exclude<ValueType, 'CATEGORY'>;
  readonly unit: string | null;
  readonly ruleText: string | null;
  readonly rule: ThresholdRule | null;
  readonly placeholder: boolean;
  readonly source: string;
  readonly confidence: Confidence;
  readonly note: string | null;
}

export interface ProvinceCompletionFileProblem {
  readonly line: number;
  readonly column: string | null;
  readonly message: string;
}

export class ProvinceCompletionFileError extends Error {
  constructor(readonly problems: readonly ProvinceCompletionFileProblem[]) {
    super(
      `province completion file has ${problems.length} problem(s):\n${problems.map((p) => `line ${p.line}${p.column ? ` (${p.column})` : ''}: ${p.message}`).join('\n')}`,
    );
    this.name = 'ProvinceCompletionFileError';
  }
}

const COLUMNS = [
  'phase',
  'condition_code',
  'description_vi',
  'description_en',
  'value_type',
  'unit',
  'threshold_rule',
  'placeholder',
  'source',
  'confidence',
  'note',
] as const;
type Column = (typeof COLUMNS)[number];
const REQUIRED: readonly Column[] = ['phase', 'condition_code', 'description_vi', 'description_en', 'value_type', 'source', 'confidence'];
const CONDITION_VALUE_TYPES = ['BOOLEAN', 'PERCENTAGE', 'NUMBER'] as const;

/** Reads and validates the conditions file; throws ProvinceCompletionFileError listing every problem. */
export function loadProvinceCompletionConditions(csvText: string): ProvinceCompletionCondition[] {
  const problems: ProvinceCompletionFileProblem[] = [];
  let records;
  try {
    records = readCsvRecords(csvText);
  } catch (e) {
    if (e instanceof CsvParseError) throw new ProvinceCompletionFileError([{ line: e.line, column: null, message: e.reason }]);
    throw e;
  }
  if (records.length === 0) throw new ProvinceCompletionFileError([{ line: 1, column: null, message: 'the file is empty (expected a header row)' }]);
  const header = records[0].fields.map((f) => f.trim().toLowerCase());
  for (const c of COLUMNS) if (!header.includes(c)) problems.push({ line: 1, column: c, message: `missing column "${c}"` });
  for (const h of header)
    if (!(COLUMNS as readonly string[]).includes(h))
      problems.push({ line: 1, column: h, message: `unknown column "${h}" (expected: ${COLUMNS.join(', ')})` });
  if (problems.length > 0) throw new ProvinceCompletionFileError(problems);

  const out: ProvinceCompletionCondition[] = [];
  const seen = new Map<string, number>();
  for (const record of records.slice(1)) {
    const line = record.line;
    if (record.fields.length !== header.length) {
      problems.push({ line, column: null, message: `expected ${header.length} fields, found ${record.fields.length}` });
      continue;
    }
    const get = (c: Column): string => record.fields[header.indexOf(c)].normalize('NFC').trim();
    const before = problems.length;
    const problem = (column: Column, message: string) => problems.push({ line, column, message });
    for (const c of REQUIRED) if (get(c) === '') problem(c, `${c} is required`);
    const phase = get('phase');
    const m = /^(\d{4})-(\d{4})$/.exec(phase);
    if (phase !== '' && (!m || Number(m[1]) >= Number(m[2]))) problem('phase', `phase "${phase}" must look like "2026-2030"`);
    const code = get('condition_code');
    if (code !== '' && !/^[A-Z][A-Z0-9_]*$/.test(code))
      problem('condition_code', `condition_code "${code}" must be upper-case letters, digits and "_"`);
    const key = `${phase}/${code}`;
    if (seen.has(key)) problem('condition_code', `duplicate condition ${code} for phase ${phase} (first on line ${seen.get(key)})`);
    const valueType = get('value_type');
    if (valueType !== '' && !(CONDITION_VALUE_TYPES as readonly string[]).includes(valueType))
      problem('value_type', `unknown value_type "${valueType}" (expected one of ${CONDITION_VALUE_TYPES.join(', ')})`);
    const confidence = get('confidence');
    if (confidence !== '' && !(CONFIDENCES as readonly string[]).includes(confidence))
      problem('confidence', `unknown confidence "${confidence}" (expected one of ${CONFIDENCES.join(', ')})`);
    const placeholderText = get('placeholder').toLowerCase();
    if (!['', 'true', 'false'].includes(placeholderText))
      problem('placeholder', `placeholder must be true, false or empty, found "${get('placeholder')}"`);
    const ruleText = get('threshold_rule');
    let rule: ThresholdRule | null = null;
    if (ruleText !== '') {
      try {
        rule = parseThresholdRule(ruleText);
        const mismatch = (CONDITION_VALUE_TYPES as readonly string[]).includes(valueType)
          ? checkRuleForValueType(rule, valueType as ValueType)
          : null;
        if (mismatch) problem('threshold_rule', mismatch);
      } catch (e) {
        if (!(e instanceof RuleParseError)) throw e;
        problem('threshold_rule', e.message);
      }
    } else if (placeholderText === 'true') {
      problem('placeholder', 'placeholder=true needs a threshold_rule');
    }
    if (problems.length > before) continue;
    seen.set(key, line);
    out.push({
      phase,
      validFromYear: Number(m![1]),
      validToYear: Number(m![2]),
      code,
      descriptionVi: get('description_vi'),
      descriptionEn: get('description_en'),
      valueType: valueType as ProvinceCompletionCondition['valueType'],
      unit: valueType === 'PERCENTAGE' ? '%' : get('unit') || null,
      ruleText: ruleText || null,
      rule,
      placeholder: placeholderText === 'true',
      source: get('source'),
      confidence: confidence as Confidence,
      note: get('note') || null,
    });
  }
  if (problems.length > 0) throw new ProvinceCompletionFileError(problems);
  return out;
}

/** A province's facts for one year. */
export interface ProvinceFacts {
  readonly provinceCode: string;
  readonly year: number;
  /** Communes (xã; wards and special zones are not NTM units) of the province's current list. */
  readonly communesTotal?: number | null;
  /** Of those, communes recognised as NTM under the set in force. */
  readonly communesRecognised?: number | null;
  /** Values of other conditions by condition code (true/false, or a number). */
  readonly values?: Readonly<Record<string, boolean | number | string | null | undefined>>;
}

export type ProvinceCompletionStatus = 'MET' | 'NOT_MET' | 'NOT_EVALUATED';

export interface ProvinceConditionResult {
  readonly code: string;
  readonly status: ProvinceCompletionStatus;
  /** Why NOT_EVALUATED: MISSING_VALUE (no fact) or NO_RULE (requirement unknown); null otherwise. */
  readonly reason: 'MISSING_VALUE' | 'NO_RULE' | null;
  readonly value: IndicatorValue | null;
  /** e.g. "= 100%", or null without a rule. */
  readonly threshold: string | null;
  /** English description, with how the value was obtained. */
  readonly description: string;
  readonly descriptionVi: string;
  readonly placeholder: boolean;
  readonly source: string;
  readonly confidence: Confidence;
}

export interface ProvinceCompletionAssessment {
  readonly provinceCode: string;
  readonly year: number;
  readonly phase: string;
  readonly status: ProvinceCompletionStatus;
  readonly provisional: boolean;
  readonly conditions: readonly ProvinceConditionResult[];
  /** One-line explanation, e.g. "NOT_MET: COMMUNES_NTM_SHARE 80% (needs = 100%)". */
  readonly explanation: string;
}

/** Bad facts: names the field and the reason. */
export class ProvinceFactsError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'ProvinceFactsError';
  }
}

const NO_FLAGS: UnitAttributes = { ethnicMinorityArea: false, mountainous: false, island: false, region: null, communeGroup: null };

function checkCount(field: string, v: number | null | undefined): void {
  if (v === null || v === undefined) return;
  if (!Number.isInteger(v) || v < 0) throw new ProvinceFactsError(field, `must be a whole number ≥ 0, got ${v}`);
}

/**
 * Assesses province completion for `facts.year` against the conditions of the phase in force
 * that year. Throws ProvinceFactsError for bad facts, and when no conditions cover the year.
 */
export function assessProvinceCompletion(conditions: readonly ProvinceCompletionCondition[], facts: ProvinceFacts): ProvinceCompletionAssessment {
  if (!facts.provinceCode || !/^\d{2}$/.test(facts.provinceCode))
    throw new ProvinceFactsError('provinceCode', `must be a two-digit province code, got "${facts.provinceCode}"`);
  if (!Number.isInteger(facts.year)) throw new ProvinceFactsError('year', `must be a whole year, got ${facts.year}`);
  const inForce = conditions.filter((c) => facts.year >= c.validFromYear && facts.year <= c.validToYear);
  if (inForce.length === 0) {
    const phases = [...new Set(conditions.map((c) => c.phase))].join(', ') || 'none';
    throw new ProvinceFactsError('year', `no province completion conditions are in force in ${facts.year} (phases in the file: ${phases})`);
  }
  checkCount('communesTotal', facts.communesTotal);
  checkCount('communesRecognised', facts.communesRecognised);
  const total = facts.communesTotal ?? null;
  const recognised = facts.communesRecognised ?? null;
  if (total === 0) throw new ProvinceFactsError('communesTotal', 'must be at least 1 (a province without communes cannot be assessed)');
  if (total !== null && recognised !== null && recognised > total) {
    throw new ProvinceFactsError('communesRecognised', `${recognised} is more than communesTotal ${total}`);
  }

  const results = inForce.map((c): ProvinceConditionResult => {
    let raw: boolean | number | string | null | undefined = facts.values?.[c.code];
    let how = '';
    if ((raw === undefined || raw === null) && c.code === COMMUNES_NTM_SHARE && total !== null && recognised !== null) {
      raw = Math.round((recognised / total) * 1000) / 10;
      how = ` (${recognised} of ${total} communes)`;
    }
    const base = { code: c.code, descriptionVi: c.descriptionVi, placeholder: c.placeholder, source: c.source, confidence: c.confidence };
    let value: IndicatorValue | null = null;
    if (raw !== undefined && raw !== null) {
      const parsed = parseIndicatorValue(c.valueType, String(raw));
      if (!parsed.ok) throw new ProvinceFactsError(`values.${c.code}`, parsed.reason);
      value = parsed.value;
    }
    const branch = c.rule ? selectBranch(c.rule, NO_FLAGS, facts.year) : null;
    const threshold = branch ? describeComparison(branch.comparison, c.unit) : null;
    if (!branch) {
      return {
        ...base,
        status: 'NOT_EVALUATED',
        reason: 'NO_RULE',
        value,
        threshold: null,
        description: `${c.descriptionEn}: requirement unknown (${c.note ?? 'no rule in the file'})`,
      };
    }
    if (value === null) {
      return {
        ...base,
        status: 'NOT_EVALUATED',
        reason: 'MISSING_VALUE',
        value: null,
        threshold,
        description: `${c.descriptionEn}: no value given (needs ${threshold})`,
      };
    }
    const met = satisfies(branch.comparison, value);
    const shown = typeof value === 'number' && c.unit === '%' ? `${value}%` : String(value);
    return {
      ...base,
      status: met ? 'MET' : 'NOT_MET',
      reason: null,
      value,
      threshold,
      description: `${c.descriptionEn}: ${shown}${how}, ${met ? 'meets' : 'does not meet'} ${threshold}${c.placeholder ? ' (placeholder threshold)' : ''}`,
    };
  });

  const status: ProvinceCompletionStatus = results.some((r) => r.status === 'NOT_MET')
    ? 'NOT_MET'
    : results.some((r) => r.status === 'NOT_EVALUATED')
      ? 'NOT_EVALUATED'
      : 'MET';
  const provisional = results.some((r) => r.placeholder && (r.status === 'MET' || r.status === 'NOT_MET'));
  const deciding = results.filter((r) => r.status === status);
  const explanation = `${status}: ${deciding.map((r) => `${r.code} ${r.status === 'NOT_EVALUATED' ? `not evaluated (${r.reason})` : `${r.value}${r.threshold ? ` vs ${r.threshold}` : ''}`}`).join('; ')}`;
  return { provinceCode: facts.provinceCode, year: facts.year, phase: inForce[0].phase, status, provisional, conditions: results, explanation };
}
