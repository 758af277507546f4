/**
 * The pilot-model reference data (`data/*.csv`), parsed and checked. Pure: takes the files' text.
 * Every row carries its source and the quoted Vietnamese line it comes from (see data/README.md).
 */
import { parse } from 'csv-parse/sync';
import type { PilotKind } from './kinds';
import { isIsoDate, type IsoDate } from './types';

/** A problem in a data file, with its line and column. */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: string,
    readonly reason: string,
  ) {
    super(`${file}, line ${line}, column ${column}: ${reason}`);
    this.name = 'DataFileError';
  }
}

/** Phases of a pilot's lifecycle (seed 001): thiết kế / triển khai / giám sát và đánh giá. */
export const PHASES = ['DESIGN', 'IMPLEMENTATION', 'MONITORING'] as const;
export type Phase = (typeof PHASES)[number];

/** One step of a pilot's lifecycle (seed 001), `data/lifecycle.csv`. */
export interface LifecycleStepDef {
  readonly phase: Phase;
  readonly order: number;
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string;
  /** Steps that must be completed before this one starts or completes. */
  readonly dependsOn: readonly string[];
  /** Completing the step needs a decision or document reference. */
  readonly evidenceRequired: boolean;
  /** The step of the central 7-step plan (seed 000) whose deadline applies. */
  readonly centralStep: number;
  readonly source: string;
  readonly quoteVi: string;
}

/** One step of the central 7-step plan (seed 000), `data/central-plan.csv`. */
export interface CentralStepDef {
  readonly step: number;
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly startsOn: IsoDate | null;
  /** Last day that counts as on time. */
  readonly deadline: IsoDate;
  readonly responsible: string;
  readonly source: string;
  readonly quoteVi: string;
  readonly note: string;
}

/** A topic group of a smart commune or a core content of an e-commerce commune (seed 001), `data/topic-groups.csv`. */
export interface TopicGroupDef {
  readonly kind: PilotKind;
  readonly order: number;
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly source: string;
  readonly quoteVi: string;
}

export type RequirementMeasure = 'BOOLEAN' | 'PERCENTAGE' | 'NUMBER';
export interface Threshold {
  readonly op: '=' | '>=';
  readonly value: number | boolean;
}

/** One smart-village requirement (seed 003 §III.5), `data/smart-village-requirements.csv`. */
export interface VillageRequirementDef {
  readonly order: number;
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly measure: RequirementMeasure;
  readonly threshold: Threshold;
  /** The threshold as written in the file, e.g. `>= 80`. */
  readonly thresholdText: string;
  readonly evidenceRequired: boolean;
  /** `IF_PRODUCTS`: only when the village has products of its own ("nếu có"). */
  readonly applies: 'ALWAYS' | 'IF_PRODUCTS';
  readonly source: string;
  readonly quoteVi: string;
  readonly note: string;
}

export interface Catalogue {
  readonly lifecycle: readonly LifecycleStepDef[];
  readonly centralPlan: readonly CentralStepDef[];
  readonly topicGroups: readonly TopicGroupDef[];
  readonly villageRequirements: readonly VillageRequirementDef[];
}

export const DATA_FILES = {
  lifecycle: 'lifecycle.csv',
  centralPlan: 'central-plan.csv',
  topicGroups: 'topic-groups.csv',
  villageRequirements: 'smart-village-requirements.csv',
} as const;

const COLUMNS = {
  lifecycle: ['phase', 'order', 'code', 'name_vi', 'name_en', 'depends_on', 'evidence_required', 'central_step', 'source', 'quote_vi'],
  centralPlan: ['step', 'code', 'name_vi', 'name_en', 'starts_on', 'deadline', 'responsible', 'source', 'quote_vi', 'note'],
  topicGroups: ['kind', 'order', 'code', 'name_vi', 'name_en', 'source', 'quote_vi'],
  villageRequirements: ['order', 'code', 'name_vi', 'name_en', 'measure', 'threshold', 'evidence_required', 'applies', 'source', 'quote_vi', 'note'],
} as const;

type Row<C extends readonly string[]> = { readonly line: number; readonly get: (column: C[number]) => string };

/** Parses a CSV with exactly `columns` (any order) into rows that know their line number. */
export function readCsv<C extends readonly string[]>(text: string, file: string, columns: C): Row<C>[] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      columns: (header: string[]) => {
        const missing = columns.filter((c) => !header.includes(c));
        const unknown = header.filter((h) => !(columns as readonly string[]).includes(h));
        const dup = header.find((h, i) => header.indexOf(h) !== i);
        if (missing.length) throw new DataFileError(file, 1, missing[0], `missing column (expected ${columns.join(', ')})`);
        if (unknown.length) throw new DataFileError(file, 1, unknown[0], 'unknown column');
        if (dup) throw new DataFileError(file, 1, dup, 'duplicate column');
        return header;
      },
      info: true,
      skip_empty_lines: true,
      bom: true,
    });
  } catch (e) {
    if (e instanceof DataFileError) throw e;
    const err = e as Error & { lines?: number };
    throw new DataFileError(file, err.lines ?? 0, '-', err.message);
  }
  return records.map(({ record, info }) => ({ line: info.lines, get: (c: C[number]) => (record[c] ?? '').trim() }));
}

function required<C extends readonly string[]>(file: string, row: Row<C>, column: C[number]): string {
  const v = row.get(column);
  if (v === '') throw new DataFileError(file, row.line, column, 'required');
  return v;
}
function positiveInt<C extends readonly string[]>(file: string, row: Row<C>, column: C[number]): number {
  const v = required(file, row, column);
  if (!/^[1-9]\d*$/.test(v)) throw new DataFileError(file, row.line, column, `"${v}" is not a positive integer`);
  return Number(v);
}
function bool<C extends readonly string[]>(file: string, row: Row<C>, column: C[number]): boolean {
  const v = required(file, row, column);
  if (v !== 'true' && v !== 'false') throw new DataFileError(file, row.line, column, `"${v}" is not true or false`);
  return v === 'true';
}
function oneOf<C extends readonly string[], T extends string>(file: string, row: Row<C>, column: C[number], allowed: readonly T[]): T {
  const v = required(file, row, column);
  if (!(allowed as readonly string[]).includes(v)) throw new DataFileError(file, row.line, column, `"${v}" is not one of ${allowed.join(', ')}`);
  return v as T;
}
function code<C extends readonly string[]>(file: string, row: Row<C>, column: C[number], seen: Set<string>): string {
  const v = required(file, row, column);
  if (!/^[A-Z][A-Z0-9_]*$/.test(v)) throw new DataFileError(file, row.line, column, `"${v}" is not an upper-case code`);
  if (seen.has(v)) throw new DataFileError(file, row.line, column, `duplicate code "${v}"`);
  seen.add(v);
  return v;
}
function date<C extends readonly string[]>(file: string, row: Row<C>, column: C[number], optional: boolean): IsoDate | null {
  const v = row.get(column);
  if (v === '' && optional) return null;
  if (!isIsoDate(v)) throw new DataFileError(file, row.line, column, `"${v}" is not a date YYYY-MM-DD`);
  return v;
}

export function parseLifecycle(text: string, file: string = DATA_FILES.lifecycle): LifecycleStepDef[] {
  const seen = new Set<string>();
  const steps: LifecycleStepDef[] = [];
  for (const row of readCsv(text, file, COLUMNS.lifecycle)) {
    const phase = oneOf(file, row, 'phase', PHASES);
    const order = positiveInt(file, row, 'order');
    const stepCode = code(file, row, 'code', seen);
    const deps =
      row.get('depends_on') === ''
        ? []
        : row
            .get('depends_on')
            .split('|')
            .map((d) => d.trim());
    for (const d of deps) {
      // A dependency must be on an earlier row: this keeps the graph acyclic and the file readable top-down.
      if (!steps.some((s) => s.code === d)) throw new DataFileError(file, row.line, 'depends_on', `"${d}" is not a step on an earlier row`);
    }
    const prev = steps.filter((s) => s.phase === phase);
    if (order !== prev.length + 1)
      throw new DataFileError(file, row.line, 'order', `expected ${prev.length + 1} (steps of a phase are numbered 1, 2, … in file order)`);
    if (steps.length && PHASES.indexOf(phase) < PHASES.indexOf(steps[steps.length - 1].phase))
      throw new DataFileError(file, row.line, 'phase', 'phases must appear in the order DESIGN, IMPLEMENTATION, MONITORING');
    steps.push({
      phase,
      order,
      code: stepCode,
      nameVi: required(file, row, 'name_vi'),
      nameEn: required(file, row, 'name_en'),
      dependsOn: deps,
      evidenceRequired: bool(file, row, 'evidence_required'),
      centralStep: positiveInt(file, row, 'central_step'),
      source: required(file, row, 'source'),
      quoteVi: required(file, row, 'quote_vi'),
    });
  }
  return steps;
}

export function parseCentralPlan(text: string, file: string = DATA_FILES.centralPlan): CentralStepDef[] {
  const seen = new Set<string>();
  const steps: CentralStepDef[] = [];
  for (const row of readCsv(text, file, COLUMNS.centralPlan)) {
    const step = positiveInt(file, row, 'step');
    if (step !== steps.length + 1) throw new DataFileError(file, row.line, 'step', `expected ${steps.length + 1}`);
    const startsOn = date(file, row, 'starts_on', true);
    const deadline = date(file, row, 'deadline', false)!;
    if (startsOn !== null && startsOn > deadline) throw new DataFileError(file, row.line, 'starts_on', 'after the deadline');
    steps.push({
      step,
      code: code(file, row, 'code', seen),
      nameVi: required(file, row, 'name_vi'),
      nameEn: required(file, row, 'name_en'),
      startsOn,
      deadline,
      responsible: required(file, row, 'responsible'),
      source: required(file, row, 'source'),
      quoteVi: required(file, row, 'quote_vi'),
      note: row.get('note'),
    });
  }
  return steps;
}

export function parseTopicGroups(text: string, file: string = DATA_FILES.topicGroups): TopicGroupDef[] {
  const seen = new Set<string>();
  const groups: TopicGroupDef[] = [];
  for (const row of readCsv(text, file, COLUMNS.topicGroups)) {
    const kind = oneOf(file, row, 'kind', ['SMART_COMMUNE', 'ECOMMERCE_COMMUNE'] as const);
    const order = positiveInt(file, row, 'order');
    const expected = groups.filter((g) => g.kind === kind).length + 1;
    if (order !== expected) throw new DataFileError(file, row.line, 'order', `expected ${expected}`);
    groups.push({
      kind,
      order,
      code: code(file, row, 'code', seen),
      nameVi: required(file, row, 'name_vi'),
      nameEn: required(file, row, 'name_en'),
      source: required(file, row, 'source'),
      quoteVi: required(file, row, 'quote_vi'),
    });
  }
  return groups;
}

const THRESHOLD = /^(=|>=) (true|false|\d+(?:\.\d+)?)$/;

export function parseVillageRequirements(text: string, file: string = DATA_FILES.villageRequirements): VillageRequirementDef[] {
  const seen = new Set<string>();
  const items: VillageRequirementDef[] = [];
  for (const row of readCsv(text, file, COLUMNS.villageRequirements)) {
    const order = positiveInt(file, row, 'order');
    if (order !== items.length + 1) throw new DataFileError(file, row.line, 'order', `expected ${items.length + 1}`);
    const itemCode = code(file, row, 'code', seen);
    const measure = oneOf(file, row, 'measure', ['BOOLEAN', 'PERCENTAGE', 'NUMBER'] as const);
    const thresholdText = required(file, row, 'threshold');
    const m = THRESHOLD.exec(thresholdText);
    if (!m) throw new DataFileError(file, row.line, 'threshold', `"${thresholdText}" is not "= <value>" or ">= <number>"`);
    const isBool = m[2] === 'true' || m[2] === 'false';
    if ((measure === 'BOOLEAN') !== isBool || (isBool && m[1] !== '='))
      throw new DataFileError(file, row.line, 'threshold', `"${thresholdText}" does not fit measure ${measure}`);
    const value = isBool ? m[2] === 'true' : Number(m[2]);
    if (measure === 'PERCENTAGE' && (value as number) > 100) throw new DataFileError(file, row.line, 'threshold', 'a percentage above 100');
    items.push({
      order,
      code: itemCode,
      nameVi: required(file, row, 'name_vi'),
      nameEn: required(file, row, 'name_en'),
      measure,
      threshold: { op: m[1] as '=' | '>=', value },
      thresholdText,
      evidenceRequired: bool(file, row, 'evidence_required'),
      applies: oneOf(file, row, 'applies', ['ALWAYS', 'IF_PRODUCTS'] as const),
      source: required(file, row, 'source'),
      quoteVi: required(file, row, 'quote_vi'),
      note: row.get('note'),
    });
  }
  return items;
}

/** Parses the four files and checks them against each other (every lifecycle step maps to a central step). */
export function parseCatalogue(texts: { lifecycle: string; centralPlan: string; topicGroups: string; villageRequirements: string }): Catalogue {
  const lifecycle = parseLifecycle(texts.lifecycle);
  const centralPlan = parseCentralPlan(texts.centralPlan);
  lifecycle.forEach((s, i) => {
    if (!centralPlan.some((c) => c.step === s.centralStep))
      throw new DataFileError(DATA_FILES.lifecycle, i + 2, 'central_step', `no step ${s.centralStep} in ${DATA_FILES.centralPlan}`);
  });
  return {
    lifecycle,
    centralPlan,
    topicGroups: parseTopicGroups(texts.topicGroups),
    villageRequirements: parseVillageRequirements(texts.villageRequirements),
  };
}
