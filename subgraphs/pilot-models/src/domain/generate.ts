/**
 * Pilot data: deterministic GENERATED pilots for Nghệ An (40) and Hà Tĩnh (42), and a reader for the
 * nine REAL first-batch pilot communes (`shared/data/pilots/first-batch.csv`).
 *
 * Generated pilots are synthetic — `generated: true`, decision numbers suffixed "(generated)" — and
 * are built from plain inputs the caller passes (communes with their eligibility facts, villages,
 * districts of the list the pilots are built in). No Math.random: every draw is a hash of the unit and
 * a purpose, so the same input always gives the same pilots.
 * - How many (GENERATED_TARGETS): Nghệ An's smart communes (10), smart villages (20) and district data
 *   pilots (7, within 6–8) follow its plan (seed 003 §II.2.4 and §III.5); its e-commerce communes and
 *   all of Hà Tĩnh's numbers are this generator's choice (no plan in the seeds).
 * - Where: a SMART_COMMUNE or ECOMMERCE_COMMUNE pilot only in a commune `evaluateEligibility` finds
 *   eligible for that kind on the given facts; one commune pilot per commune; villages and districts
 *   have no published conditions and are drawn by hash. Fewer eligible communes than the target give
 *   fewer pilots, reported in `shortfalls`. No MODERN_NTM_COMMUNE pilot is generated (target 0): no source
 *   names one, and its conditions (Appendix II of Decision 51/2025/QĐ-TTg) could not be read.
 * - When: every step has a planned date on the central plan's schedule (seed 000) and actual dates
 *   around it. One pilot in four of each province and kind (positions 1, 5, 9… in draw order) is
 *   deliberately BEHIND: its approval comes 4 days to 5 months after the 30/6/2023 deadline and it stalls at one
 *   step (left in progress), so its later steps are overdue once their deadline passes. Nothing is dated
 *   after `today`: later steps stay planned, or in progress when they have started.
 * - Funding: a total per kind (e.g. 3–6 billion VND for a smart commune), split by fixed source shares,
 *   in whole thousands of VND with the rounding remainder on the first line so the lines add up exactly
 *   to the declared total; disbursed = planned × completed steps / 14, rounded down to 1,000 VND.
 */
import { parse } from 'csv-parse/sync';
import type { Catalogue } from './catalogue';
import { evaluateEligibility, type EligibilityInputs } from './eligibility';
import type { FundingLine, FundingSource } from './funding';
import type { PilotKind } from './kinds';
import type { Evidence, StepRecord } from './lifecycle';
import type { PilotRecord } from './pilot';
import { addDays, maxDate, PilotInputError, type FieldError, type IsoDate } from './types';

export interface GeneratorCommune {
  readonly unitId: string;
  readonly code: string;
  readonly name: string;
  readonly provinceCode: string;
  readonly eligibility: EligibilityInputs;
}
export interface GeneratorVillage {
  readonly unitId: string;
  readonly code: string;
  readonly name: string;
  readonly provinceCode: string;
  readonly communeUnitId: string;
}
export interface GeneratorDistrict {
  readonly unitId: string;
  readonly code: string;
  readonly name: string;
  readonly provinceCode: string;
}
export interface GeneratorInput {
  readonly catalogue: Catalogue;
  readonly communes: readonly GeneratorCommune[];
  readonly villages: readonly GeneratorVillage[];
  readonly districts: readonly GeneratorDistrict[];
  /** Nothing is dated after this day. */
  readonly today: IsoDate;
  /** The year the eligibility facts are for (default 2023, when the pilots were chosen). */
  readonly eligibilityYear?: number;
}
export interface Shortfall {
  readonly provinceCode: string;
  readonly kind: PilotKind;
  readonly target: number;
  readonly generated: number;
}
export interface GeneratorOutput {
  readonly pilots: PilotRecord[];
  readonly shortfalls: Shortfall[];
}

export const GENERATED_PROVINCES: Readonly<Record<string, string>> = { '40': 'Nghệ An', '42': 'Hà Tĩnh' };
export const GENERATED_TARGETS: Readonly<Record<string, Readonly<Record<PilotKind, number>>>> = {
  // MODERN_NTM_COMMUNE: none, and the generator has no loop for the kind: no source names any such pilot.
  '40': { SMART_COMMUNE: 10, ECOMMERCE_COMMUNE: 3, SMART_VILLAGE: 20, DISTRICT_DATA_PILOT: 7, MODERN_NTM_COMMUNE: 0 },
  '42': { SMART_COMMUNE: 5, ECOMMERCE_COMMUNE: 2, SMART_VILLAGE: 10, DISTRICT_DATA_PILOT: 3, MODERN_NTM_COMMUNE: 0 },
};
const GENERATED_SOURCE = 'generated (synthetic) by @ntm/pilot-models generate.ts: not real data';
const KIND_ABBREV: Readonly<Record<PilotKind, string>> = {
  SMART_COMMUNE: 'SC',
  ECOMMERCE_COMMUNE: 'EC',
  SMART_VILLAGE: 'SV',
  DISTRICT_DATA_PILOT: 'DD',
  MODERN_NTM_COMMUNE: 'MC', // unused: no modern-commune pilot is generated
};

/** FNV-1a 32-bit hash of a string. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
/** A deterministic integer in [lo, hi] for `key`. */
function draw(key: string, lo: number, hi: number): number {
  return lo + (hash32(key) % (hi - lo + 1));
}

/** On-time completion: [planned date, maximum extra days], on the central plan's deadlines (seed 000). */
const ON_TIME: Readonly<Record<string, readonly [IsoDate, number]>> = {
  DESIGN_SURVEY: ['2022-11-10', 25], // step 2 deadline 2022-12-10
  DESIGN_PROPOSAL: ['2023-01-20', 20],
  DESIGN_CONSULTATION: ['2023-03-01', 20],
  DESIGN_FINALISE: ['2023-04-10', 20],
  DESIGN_APPROVAL: ['2023-05-15', 40], // step 4 deadline 2023-06-30
  IMPL_DETAILED_PLAN: ['2023-08-01', 30],
  IMPL_CONNECT_PROVIDERS: ['2023-10-15', 30],
  IMPL_INFRASTRUCTURE: ['2024-04-01', 60],
  IMPL_TRAINING: ['2024-10-01', 60],
  IMPL_INTEGRATION: ['2025-05-01', 60], // step 5 deadline 2025-12-31
  ME_FRAMEWORK: ['2023-07-15', 20],
  ME_PLAN: ['2023-09-01', 20],
  ME_CHECKS: ['2025-08-15', 30], // step 6 deadline 2025-12-31
  ME_LESSONS: ['2025-10-15', 45], // step 7 deadline 2025-12-31
};
const STALL_STEPS = ['DESIGN_APPROVAL', 'IMPL_CONNECT_PROVIDERS', 'IMPL_INFRASTRUCTURE', 'IMPL_TRAINING', 'IMPL_INTEGRATION'];

/** Source shares (bp) of a generated plan, per kind: generator choices, not from a source. */
const SHARES: Readonly<Record<PilotKind, readonly (readonly [FundingSource, number])[]>> = {
  SMART_COMMUNE: [
    ['CENTRAL', 4000],
    ['PROVINCE', 2000],
    ['DISTRICT', 1000],
    ['COMMUNE', 1000],
    ['ENTERPRISE', 1500],
    ['PEOPLE', 500],
  ],
  ECOMMERCE_COMMUNE: [
    ['CENTRAL', 3500],
    ['PROVINCE', 2000],
    ['DISTRICT', 1000],
    ['COMMUNE', 1000],
    ['ENTERPRISE', 2000],
    ['PEOPLE', 500],
  ],
  SMART_VILLAGE: [
    ['PROVINCE', 2000],
    ['DISTRICT', 1000],
    ['COMMUNE', 3000],
    ['ENTERPRISE', 1500],
    ['PEOPLE', 2500],
  ],
  DISTRICT_DATA_PILOT: [
    ['CENTRAL', 3000],
    ['PROVINCE', 3500],
    ['DISTRICT', 2500],
    ['ENTERPRISE', 1000],
  ],
  // PLACEHOLDER, unused (no modern-commune pilot is generated); no district budget after the 2025 reform.
  MODERN_NTM_COMMUNE: [
    ['CENTRAL', 4000],
    ['PROVINCE', 3000],
    ['COMMUNE', 1000],
    ['ENTERPRISE', 1500],
    ['PEOPLE', 500],
  ],
};
/** Total planned, millions of VND: generator choices. */
const TOTAL_MILLIONS: Readonly<Record<PilotKind, readonly [number, number]>> = {
  SMART_COMMUNE: [3000, 6000],
  ECOMMERCE_COMMUNE: [2000, 4000],
  SMART_VILLAGE: [200, 600],
  DISTRICT_DATA_PILOT: [1500, 3000],
  MODERN_NTM_COMMUNE: [0, 0], // PLACEHOLDER, unused: no modern-commune pilot is generated
};

function generatedSteps(catalogue: Catalogue, key: string, behind: boolean, today: IsoDate, approvalRef: () => Evidence): StepRecord[] {
  const delay = behind ? draw(`${key}:delay`, 50, 150) : 0; // approval (planned 2023-05-15, jitter ≤ 40 days) lands 2023-07-04 or later
  const stall = behind ? STALL_STEPS[draw(`${key}:stall`, 0, STALL_STEPS.length - 1)] : null;
  const out = new Map<string, StepRecord>();
  let delayed = false;
  for (const def of catalogue.lifecycle) {
    const [planned, jitter] =
      ON_TIME[def.code] ??
      (() => {
        throw new Error(`no generated schedule for step ${def.code}`);
      })();
    if (def.code === 'DESIGN_APPROVAL') delayed = true;
    const deps = def.dependsOn.map((d) => out.get(d)!);
    const blank: StepRecord = { code: def.code, plannedOn: planned, startedOn: null, completedOn: null, evidence: null };
    if (deps.some((d) => d.completedOn === null)) {
      out.set(def.code, blank);
      continue;
    }
    const target = addDays(planned, draw(`${key}:${def.code}`, 0, jitter) + (delayed ? delay : 0));
    const depDone = deps.reduce<IsoDate | null>((m, d) => maxDate(m, d.completedOn), null);
    const start = depDone === null ? addDays(target, -20) : addDays(depDone, 1);
    const completion = maxDate(target, start)!;
    const stalled = def.code === stall || (behind && def.code === 'ME_CHECKS');
    if (start > today) out.set(def.code, blank);
    else if (stalled || completion > today) out.set(def.code, { ...blank, startedOn: start });
    else {
      const evidence = !def.evidenceRequired
        ? null
        : def.code === 'DESIGN_APPROVAL'
          ? { ...approvalRef(), date: completion }
          : { kind: 'DOCUMENT' as const, reference: `${def.nameVi} (generated)`, date: completion };
      out.set(def.code, { ...blank, startedOn: start, completedOn: completion, evidence });
    }
  }
  return catalogue.lifecycle.map((d) => out.get(d.code)!);
}

function generatedFunding(kind: PilotKind, key: string, completed: number, steps: number): { lines: FundingLine[]; declaredTotal: bigint } {
  const [lo, hi] = TOTAL_MILLIONS[kind];
  const total = BigInt(draw(`${key}:total`, lo, hi)) * 1_000_000n;
  const shares = SHARES[kind];
  const planned = shares.map(([, bp]) => ((total * BigInt(bp)) / 10000n / 1000n) * 1000n);
  planned[0] = planned[0] + (total - planned.reduce((a, b) => a + b, 0n));
  const lines = shares.map(([source], i) => ({
    source,
    planned: planned[i],
    disbursed: ((planned[i] * BigInt(completed)) / BigInt(steps) / 1000n) * 1000n,
  }));
  return { lines, declaredTotal: total };
}

/** Ranks candidates by a hash of purpose and unit: a stable, input-order-independent draw. */
function ranked<T extends { unitId: string }>(items: readonly T[], purpose: string): T[] {
  return [...items].sort((a, b) => hash32(`${purpose}:${a.unitId}`) - hash32(`${purpose}:${b.unitId}`) || (a.unitId < b.unitId ? -1 : 1));
}

/** Generates the pilots of Nghệ An and Hà Tĩnh. Throws PilotInputError for malformed inputs. */
export function generatePilots(input: GeneratorInput): GeneratorOutput {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const [list, items] of [
    ['communes', input.communes],
    ['villages', input.villages],
    ['districts', input.districts],
  ] as const) {
    items.forEach((u, i) => {
      if (!u.unitId || !u.code) errors.push({ field: `${list}[${i}].unitId`, reason: 'unitId and code are required' });
      else if (seen.has(u.unitId)) errors.push({ field: `${list}[${i}].unitId`, reason: `${u.unitId} is listed twice` });
      seen.add(u.unitId);
    });
  }
  if (errors.length) throw new PilotInputError(errors);
  const year = input.eligibilityYear ?? 2023;
  const pilots: PilotRecord[] = [];
  const shortfalls: Shortfall[] = [];
  const communeNames = new Map(input.communes.map((c) => [c.unitId, c.name]));
  let decisionNo = 0;

  const build = (
    kind: PilotKind,
    unit: { unitId: string; code: string; name: string; provinceCode: string },
    behind: boolean,
    topicGroups: string[],
    authority: string,
    unitLevel: PilotRecord['unitLevel'],
  ): PilotRecord => {
    const key = `GEN-${unit.provinceCode}-${KIND_ABBREV[kind]}-${unit.code}`;
    decisionNo += 1;
    const number = `${1000 + decisionNo}/QĐ-UBND (generated)`;
    const steps = generatedSteps(input.catalogue, key, behind, input.today, () => ({ kind: 'DECISION', reference: number, authority }));
    const approvalStep = steps.find((s) => s.code === 'DESIGN_APPROVAL')!;
    const completed = steps.filter((s) => s.completedOn !== null).length;
    return {
      key,
      kind,
      unitId: unit.unitId,
      unitLevel,
      unitName: unit.name,
      provinceCode: unit.provinceCode,
      topicGroups,
      approval: approvalStep.completedOn ? { number, date: approvalStep.completedOn, authority } : null,
      status: approvalStep.completedOn ? 'APPROVED' : 'PROPOSED',
      steps,
      funding: generatedFunding(kind, key, completed, steps.length),
      generated: true,
      source: GENERATED_SOURCE,
      note: behind ? 'generated to be behind schedule' : null,
    };
  };
  const pickTopics = (kind: PilotKind, key: string, min: number): string[] => {
    const groups = input.catalogue.topicGroups.filter((g) => g.kind === kind);
    const n = draw(`${key}:topics`, min, groups.length);
    return ranked(
      groups.map((g) => ({ unitId: g.code })),
      `${key}:topic`,
    )
      .slice(0, n)
      .map((g) => g.unitId)
      .sort((a, b) => groups.findIndex((g) => g.code === a) - groups.findIndex((g) => g.code === b));
  };

  for (const [province, targets] of Object.entries(GENERATED_TARGETS)) {
    const provinceName = GENERATED_PROVINCES[province];
    const used = new Set<string>();
    for (const kind of ['SMART_COMMUNE', 'ECOMMERCE_COMMUNE'] as const) {
      const eligible = ranked(
        input.communes.filter(
          (c) => c.provinceCode === province && !used.has(c.unitId) && evaluateEligibility(kind, year, c.eligibility).eligible === true,
        ),
        kind,
      );
      const chosen = eligible.slice(0, targets[kind]);
      chosen.forEach((c, i) => {
        used.add(c.unitId);
        pilots.push(
          build(
            kind,
            c,
            i % 4 === 1,
            pickTopics(kind, `${province}:${c.code}`, kind === 'SMART_COMMUNE' ? 2 : 1),
            `UBND tỉnh ${provinceName}`,
            'COMMUNE',
          ),
        );
      });
      if (chosen.length < targets[kind]) shortfalls.push({ provinceCode: province, kind, target: targets[kind], generated: chosen.length });
    }
    const villages = ranked(
      input.villages.filter((v) => v.provinceCode === province),
      'SMART_VILLAGE',
    ).slice(0, targets.SMART_VILLAGE);
    villages.forEach((v, i) => {
      const commune = communeNames.get(v.communeUnitId);
      pilots.push(build('SMART_VILLAGE', v, i % 4 === 1, [], commune ? `UBND ${commune}` : 'UBND xã', 'VILLAGE'));
    });
    if (villages.length < targets.SMART_VILLAGE)
      shortfalls.push({ provinceCode: province, kind: 'SMART_VILLAGE', target: targets.SMART_VILLAGE, generated: villages.length });
    const districts = ranked(
      input.districts.filter((d) => d.provinceCode === province),
      'DISTRICT_DATA_PILOT',
    ).slice(0, targets.DISTRICT_DATA_PILOT);
    districts.forEach((d, i) => pilots.push(build('DISTRICT_DATA_PILOT', d, i % 4 === 1, [], `UBND tỉnh ${provinceName}`, 'DISTRICT')));
    if (districts.length < targets.DISTRICT_DATA_PILOT)
      shortfalls.push({ provinceCode: province, kind: 'DISTRICT_DATA_PILOT', target: targets.DISTRICT_DATA_PILOT, generated: districts.length });
  }
  return { pilots, shortfalls };
}

// ---------------------------------------------------------------------------------------------
// The real first batch
// ---------------------------------------------------------------------------------------------

export const FIRST_BATCH_COLUMNS = ['kind', 'commune_code_2025_03_01', 'commune_name', 'district_name', 'province_name'] as const;
/** The list the first-batch codes belong to (units in force until 2025-06-30). */
export const FIRST_BATCH_LIST = '2025-03-01';
const FIRST_BATCH_SOURCE =
  'shared/data/pilots/first-batch.csv (real): first centrally directed pilots chosen by MARD in 2023 (Decisions 969/QĐ-BNN-VPĐP of 16/3/2023 and 1824/QĐ-BNN-VPĐP of 11/5/2023), names from press reports';

/**
 * Reads the nine real first-batch pilot communes. They get `generated: false`, status SELECTED (named by
 * MARD; which of the two decisions named each is unknown, so `approval` is null), no step dates and no
 * funding: SOURCE.md says those are not public, and nothing is invented. Errors name the line and column.
 */
export function readFirstBatch(text: string, catalogue: Catalogue): PilotRecord[] {
  const errors: FieldError[] = [];
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, { columns: true, info: true, skip_empty_lines: true, bom: true });
  } catch (e) {
    throw new PilotInputError([{ field: 'first-batch.csv', reason: (e as Error).message }]);
  }
  const header = records.length ? Object.keys(records[0].record) : [];
  const missing = FIRST_BATCH_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length)
    throw new PilotInputError([
      { field: `first-batch.csv line 1, column ${missing[0]}`, reason: `missing column (expected ${FIRST_BATCH_COLUMNS.join(', ')})` },
    ]);
  const codes = new Set<string>();
  const pilots: PilotRecord[] = [];
  for (const { record, info } of records) {
    const at = (c: string) => `first-batch.csv line ${info.lines}, column ${c}`;
    const kind = (record.kind ?? '').trim();
    const code = (record.commune_code_2025_03_01 ?? '').trim();
    if (kind !== 'SMART_COMMUNE' && kind !== 'ECOMMERCE_COMMUNE')
      errors.push({ field: at('kind'), reason: `"${kind}" is not SMART_COMMUNE or ECOMMERCE_COMMUNE (the first batch had only communes)` });
    if (!/^\d{5}$/.test(code)) errors.push({ field: at('commune_code_2025_03_01'), reason: `"${code}" is not a five-digit commune code` });
    else if (codes.has(code)) errors.push({ field: at('commune_code_2025_03_01'), reason: `commune ${code} is listed twice` });
    codes.add(code);
    for (const c of ['commune_name', 'district_name', 'province_name'] as const)
      if (!(record[c] ?? '').trim()) errors.push({ field: at(c), reason: 'required' });
    if (errors.length) continue;
    pilots.push({
      key: `FB-${code}`,
      kind: kind as PilotKind,
      unitId: `${code}@${FIRST_BATCH_LIST}`,
      unitLevel: 'COMMUNE',
      unitName: record.commune_name.trim(),
      provinceCode: null,
      topicGroups: null,
      approval: null,
      status: 'SELECTED',
      steps: catalogue.lifecycle.map((d) => ({ code: d.code, plannedOn: null, startedOn: null, completedOn: null, evidence: null })),
      funding: null,
      generated: false,
      source: FIRST_BATCH_SOURCE,
      note: `${record.district_name.trim()}, ${record.province_name.trim()}. Topic groups, step dates, funding and stage are not public (SOURCE.md); not invented.`,
    });
  }
  if (errors.length) throw new PilotInputError(errors);
  return pilots;
}
