/**
 * Loader of the criteria data file (`data/criteria-sets.csv`): one row per indicator, with the
 * set's and the criterion's columns repeated on each row so that the file can be filtered and
 * edited in a spreadsheet. A row with an empty `indicator_code` declares a criterion whose
 * indicators are not known (it then has no indicators). See `data/README.md`.
 */
import { CsvParseError, readCsvRecords } from '@ntm/data-files';
import { checkRuleForValueType, parseThresholdRule, RuleParseError, ThresholdRule } from './threshold-rule';
import { Confidence, CONFIDENCES, Level, LEVELS, SET_KINDS, SetKind, Tier, TIERS, VALUE_TYPES, ValueType } from './types';

export interface IndicatorDef {
  /** e.g. "8.4"; unique within its set. */
  readonly code: string;
  readonly criterionNumber: number;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly valueType: ValueType;
  /** Unit of measure: "%" for every PERCENTAGE indicator, e.g. "million VND/person/year", or null. */
  readonly unit: string | null;
  /** The rule as written, or null when the indicator has no rule (attainment: NOT_EVALUATED / NO_RULE). */
  readonly ruleText: string | null;
  readonly rule: ThresholdRule | null;
  /** True when the threshold is not verified from a source (a plausible stand-in). */
  readonly placeholder: boolean;
  /** Allowed values of a CATEGORY indicator, or null (any text). */
  readonly allowedValues: readonly string[] | null;
  readonly source: string;
  readonly confidence: Confidence;
  readonly note: string | null;
}

export interface CriterionDef {
  readonly number: number;
  readonly nameVi: string;
  readonly nameEn: string;
  /** Empty when the file declares the criterion without indicators. */
  readonly indicators: readonly IndicatorDef[];
  /** Source and confidence of the criterion row (of its first row when it has indicators). */
  readonly source: string;
  readonly confidence: Confidence;
  readonly note: string | null;
}

export interface CriteriaSetDef {
  readonly code: string;
  readonly kind: SetKind;
  /** e.g. "2021-2025". */
  readonly phase: string;
  /**
   * Validity period, derived from `phase` (first and last year, inclusive): a 2021-2025 set is
   * in force for 2021..2025, a 2026-2030 set for 2026..2030. See `set-validity.ts`.
   */
  readonly validFromYear: number;
  readonly validToYear: number;
  readonly level: Level;
  readonly tier: Tier;
  /** e.g. "318/QĐ-TTg, 08/03/2022". */
  readonly legalBasis: string;
  /** Where the set itself (its legal basis and existence) comes from. */
  readonly source: string;
  /** Confidence in the set's legal basis. */
  readonly confidence: Confidence;
  readonly nameVi: string;
  readonly nameEn: string;
  /** Sorted by number. */
  readonly criteria: readonly CriterionDef[];
}

export interface CriteriaFileProblem {
  /** 1-based line in the file (of the record's start). */
  readonly line: number;
  /** 1-based column number, or null for a whole-row problem. */
  readonly column: number | null;
  /** Header name of the column, or null. */
  readonly columnName: string | null;
  readonly message: string;
}

export class CriteriaFileError extends Error {
  constructor(readonly problems: readonly CriteriaFileProblem[]) {
    super(`criteria file has ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'CriteriaFileError';
  }
}

export function formatProblem(p: CriteriaFileProblem): string {
  const where = p.column === null ? `line ${p.line}` : `line ${p.line}, column ${p.column} (${p.columnName})`;
  return `${where}: ${p.message}`;
}

/** The columns of the file, in their usual order (the loader finds them by header name). */
export const CRITERIA_FILE_COLUMNS = [
  'set_code',
  'set_kind',
  'phase',
  'level',
  'tier',
  'legal_basis',
  'set_source',
  'set_confidence',
  'set_name_vi',
  'set_name_en',
  'criterion_no',
  'criterion_name_vi',
  'criterion_name_en',
  'indicator_code',
  'indicator_name_vi',
  'indicator_name_en',
  'value_type',
  'unit',
  'threshold_rule',
  'placeholder',
  'allowed_values',
  'source',
  'confidence',
  'note',
] as const;
type Column = (typeof CRITERIA_FILE_COLUMNS)[number];
const OPTIONAL_COLUMNS: ReadonlySet<Column> = new Set(['unit', 'threshold_rule', 'placeholder', 'allowed_values', 'note']);

interface MutableCriterion {
  number: number;
  nameVi: string;
  nameEn: string;
  indicators: IndicatorDef[];
  source: string;
  confidence: Confidence;
  note: string | null;
  line: number;
  /** Line of a criterion-only row (empty indicator_code), or null. */
  criterionOnlyLine: number | null;
}

interface MutableSet {
  meta: Omit<CriteriaSetDef, 'criteria' | 'validFromYear' | 'validToYear'>;
  line: number;
  criteria: Map<number, MutableCriterion>;
  indicatorLines: Map<string, number>;
}

function compareCodes(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Validates the whole file and returns every problem found (never throws). `sets` holds what
 * could be read; use it only when `problems` is empty.
 */
export function readCriteriaFile(csvText: string): { sets: CriteriaSetDef[]; problems: CriteriaFileProblem[] } {
  const problems: CriteriaFileProblem[] = [];
  let records;
  try {
    records = readCsvRecords(csvText);
  } catch (e) {
    if (e instanceof CsvParseError) return { sets: [], problems: [{ line: e.line, column: e.column, columnName: null, message: e.reason }] };
    throw e;
  }
  if (records.length === 0)
    return { sets: [], problems: [{ line: 1, column: null, columnName: null, message: 'the file is empty (expected a header row)' }] };

  const header = records[0];
  const index = new Map<Column, number>();
  header.fields.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    if (!(CRITERIA_FILE_COLUMNS as readonly string[]).includes(name)) {
      problems.push({
        line: header.line,
        column: i + 1,
        columnName: raw,
        message: `unknown column "${raw}" (expected: ${CRITERIA_FILE_COLUMNS.join(', ')})`,
      });
    } else if (index.has(name as Column)) {
      problems.push({ line: header.line, column: i + 1, columnName: name, message: `duplicate column "${name}"` });
    } else {
      index.set(name as Column, i);
    }
  });
  for (const col of CRITERIA_FILE_COLUMNS) {
    if (!index.has(col) && !OPTIONAL_COLUMNS.has(col))
      problems.push({ line: header.line, column: null, columnName: null, message: `missing column "${col}"` });
  }
  if (problems.length > 0) return { sets: [], problems };

  const sets = new Map<string, MutableSet>();

  for (const record of records.slice(1)) {
    const line = record.line;
    if (record.fields.length !== header.fields.length) {
      problems.push({ line, column: null, columnName: null, message: `expected ${header.fields.length} fields, found ${record.fields.length}` });
      continue;
    }
    let rowOk = true;
    const problem = (col: Column, message: string): void => {
      rowOk = false;
      problems.push({ line, column: index.get(col)! + 1, columnName: col, message });
    };
    const get = (col: Column): string => {
      const i = index.get(col);
      return i === undefined ? '' : record.fields[i].normalize('NFC').trim();
    };
    const required = (col: Column): string => {
      const v = get(col);
      if (v === '') problem(col, `${col} is required`);
      return v;
    };
    function oneOf<T extends string>(col: Column, allowed: readonly T[]): T {
      const v = get(col);
      if (!(allowed as readonly string[]).includes(v)) {
        problem(
          col,
          v === '' ? `${col} is required (one of ${allowed.join(', ')})` : `unknown ${col} "${v}" (expected one of ${allowed.join(', ')})`,
        );
      }
      return v as T;
    }

    // --- set
    const setCode = required('set_code');
    if (setCode !== '' && !/^[A-Z][A-Z0-9_]*$/.test(setCode)) problem('set_code', `set_code "${setCode}" must be upper-case letters, digits and "_"`);
    const kind = oneOf('set_kind', SET_KINDS);
    const phase = required('phase');
    const phaseMatch = /^(\d{4})-(\d{4})$/.exec(phase);
    if (phase !== '' && (!phaseMatch || Number(phaseMatch[1]) >= Number(phaseMatch[2])))
      problem('phase', `phase "${phase}" must look like "2021-2025"`);
    const level = oneOf('level', LEVELS);
    const tier = oneOf('tier', TIERS);
    const legalBasis = required('legal_basis');
    const setSource = required('set_source');
    const setConfidence = oneOf('set_confidence', CONFIDENCES);
    const setNameVi = required('set_name_vi');
    const setNameEn = required('set_name_en');

    // --- criterion
    const criterionText = required('criterion_no');
    const criterionNumber = Number(criterionText);
    if (criterionText !== '' && (!/^\d+$/.test(criterionText) || criterionNumber < 1))
      problem('criterion_no', `criterion_no "${criterionText}" must be a positive integer`);
    const criterionNameVi = required('criterion_name_vi');
    const criterionNameEn = required('criterion_name_en');

    // --- indicator
    const code = get('indicator_code');
    const criterionOnly = code === '';
    const nameVi = required('indicator_name_vi');
    const nameEn = required('indicator_name_en');
    const source = required('source');
    const confidence = oneOf('confidence', CONFIDENCES);
    const note = get('note') || null;
    const valueTypeText = get('value_type');
    const unitText = get('unit');
    const ruleText = get('threshold_rule');
    const placeholderText = get('placeholder').toLowerCase();
    const allowedText = get('allowed_values');

    let valueType: ValueType = 'BOOLEAN';
    let rule: ThresholdRule | null = null;
    let placeholder = false;
    let allowedValues: string[] | null = null;
    let unit: string | null = unitText || null;

    if (criterionOnly) {
      for (const col of ['value_type', 'unit', 'threshold_rule', 'allowed_values'] as const) {
        if (get(col) !== '') problem(col, `${col} must be empty on a criterion-only row (empty indicator_code)`);
      }
      if (placeholderText !== '' && placeholderText !== 'false') problem('placeholder', 'placeholder must be empty or false on a criterion-only row');
    } else {
      if (!/^\d+(\.\d+)*$/.test(code)) {
        problem('indicator_code', `indicator_code "${code}" must look like "8" or "8.4"`);
      } else if (criterionText !== '' && code.split('.')[0] !== String(criterionNumber)) {
        problem('indicator_code', `indicator ${code} does not belong to criterion ${criterionText} (its code must start with "${criterionNumber}")`);
      }
      if (!(VALUE_TYPES as readonly string[]).includes(valueTypeText)) {
        problem(
          'value_type',
          valueTypeText === ''
            ? `value_type is required (one of ${VALUE_TYPES.join(', ')})`
            : `unknown value_type "${valueTypeText}" (expected one of ${VALUE_TYPES.join(', ')})`,
        );
      } else {
        valueType = valueTypeText as ValueType;
      }
      if (valueType === 'PERCENTAGE') {
        if (unitText !== '' && unitText !== '%') problem('unit', `a PERCENTAGE indicator's unit must be "%" or empty, found "${unitText}"`);
        unit = '%';
      } else if (valueType === 'BOOLEAN' && unitText !== '') {
        problem('unit', 'a BOOLEAN indicator has no unit');
      }
      if (allowedText !== '') {
        if (valueType !== 'CATEGORY') {
          problem('allowed_values', 'allowed_values is only for CATEGORY indicators');
        } else {
          allowedValues = allowedText.split('|').map((s) => s.trim());
          if (allowedValues.some((v) => v === '')) problem('allowed_values', 'allowed_values has an empty item (separate values with "|")');
          const lower = allowedValues.map((v) => v.toLowerCase());
          const dup = lower.find((v, i) => lower.indexOf(v) !== i);
          if (dup !== undefined) problem('allowed_values', `allowed_values lists "${dup}" twice`);
        }
      }
      if (placeholderText === 'true') placeholder = true;
      else if (placeholderText !== '' && placeholderText !== 'false')
        problem('placeholder', `placeholder must be true, false or empty, found "${get('placeholder')}"`);
      if (ruleText !== '') {
        try {
          rule = parseThresholdRule(ruleText);
          const mismatch = rowOk ? checkRuleForValueType(rule, valueType, allowedValues) : null;
          if (mismatch) problem('threshold_rule', mismatch);
        } catch (e) {
          if (!(e instanceof RuleParseError)) throw e;
          problem('threshold_rule', e.message);
        }
      } else if (placeholder) {
        problem('placeholder', 'placeholder=true needs a threshold_rule (the placeholder flag marks an unverified threshold)');
      }
    }
    if (!rowOk) continue;

    // --- assemble, with consistency checks against earlier rows
    const meta = {
      code: setCode,
      kind,
      phase,
      level,
      tier,
      legalBasis,
      source: setSource,
      confidence: setConfidence,
      nameVi: setNameVi,
      nameEn: setNameEn,
    };
    let set = sets.get(setCode);
    if (!set) {
      set = { meta, line, criteria: new Map(), indicatorLines: new Map() };
      sets.set(setCode, set);
    } else {
      const checks: [Column, string, string][] = [
        ['set_kind', set.meta.kind, kind],
        ['phase', set.meta.phase, phase],
        ['level', set.meta.level, level],
        ['tier', set.meta.tier, tier],
        ['legal_basis', set.meta.legalBasis, legalBasis],
        ['set_source', set.meta.source, setSource],
        ['set_confidence', set.meta.confidence, setConfidence],
        ['set_name_vi', set.meta.nameVi, setNameVi],
        ['set_name_en', set.meta.nameEn, setNameEn],
      ];
      for (const [col, before, now] of checks) {
        if (before !== now) problem(col, `${col} "${now}" differs from "${before}" given for set ${setCode} on line ${set.line}`);
      }
    }
    let criterion = set.criteria.get(criterionNumber);
    if (!criterion) {
      criterion = {
        number: criterionNumber,
        nameVi: criterionNameVi,
        nameEn: criterionNameEn,
        indicators: [],
        source,
        confidence,
        note: criterionOnly ? note : null,
        line,
        criterionOnlyLine: null,
      };
      set.criteria.set(criterionNumber, criterion);
    } else {
      if (criterion.nameVi !== criterionNameVi)
        problem('criterion_name_vi', `criterion ${criterionNumber} of ${setCode} is named "${criterion.nameVi}" on line ${criterion.line}`);
      if (criterion.nameEn !== criterionNameEn)
        problem('criterion_name_en', `criterion ${criterionNumber} of ${setCode} is named "${criterion.nameEn}" on line ${criterion.line}`);
    }
    if (criterionOnly) {
      if (criterion.criterionOnlyLine !== null)
        problem('criterion_no', `criterion ${criterionNumber} of ${setCode} is already declared on line ${criterion.criterionOnlyLine}`);
      else if (criterion.indicators.length > 0)
        problem(
          'indicator_code',
          `criterion ${criterionNumber} of ${setCode} has indicator rows (line ${criterion.line}); a criterion-only row is only for a criterion without indicators`,
        );
      else criterion.criterionOnlyLine = line;
    } else {
      const firstLine = set.indicatorLines.get(code);
      if (firstLine !== undefined) problem('indicator_code', `duplicate indicator ${code} in set ${setCode} (first on line ${firstLine})`);
      else if (criterion.criterionOnlyLine !== null)
        problem(
          'indicator_code',
          `criterion ${criterionNumber} of ${setCode} is declared without indicators on line ${criterion.criterionOnlyLine}; remove that row to add indicators`,
        );
      if (rowOk) {
        set.indicatorLines.set(code, line);
        criterion.indicators.push({
          code,
          criterionNumber,
          nameVi,
          nameEn,
          valueType,
          unit,
          ruleText: ruleText || null,
          rule,
          placeholder,
          allowedValues,
          source,
          confidence,
          note,
        });
      }
    }
  }

  const result: CriteriaSetDef[] = [...sets.values()].map((s) => ({
    ...s.meta,
    validFromYear: Number(s.meta.phase.slice(0, 4)),
    validToYear: Number(s.meta.phase.slice(5, 9)),
    criteria: [...s.criteria.values()]
      .sort((a, b) => a.number - b.number)
      .map((c) => ({
        number: c.number,
        nameVi: c.nameVi,
        nameEn: c.nameEn,
        source: c.source,
        confidence: c.confidence,
        note: c.note,
        indicators: [...c.indicators].sort((a, b) => compareCodes(a.code, b.code)),
      })),
  }));
  return { sets: result, problems };
}

/**
 * Loads and validates the criteria file. Throws CriteriaFileError listing every problem (with
 * line, column number and column name) when the file is not valid.
 */
export function loadCriteriaSets(csvText: string): CriteriaSetDef[] {
  const { sets, problems } = readCriteriaFile(csvText);
  if (problems.length > 0) throw new CriteriaFileError(problems);
  return sets;
}

/** All indicators of a set, in criterion then code order. */
export function indicatorsOf(set: CriteriaSetDef): IndicatorDef[] {
  return set.criteria.flatMap((c) => c.indicators);
}

export function findIndicator(set: CriteriaSetDef, code: string): IndicatorDef | undefined {
  for (const c of set.criteria) for (const i of c.indicators) if (i.code === code) return i;
  return undefined;
}
