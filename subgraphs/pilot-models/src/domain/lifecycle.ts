/**
 * A pilot's lifecycle as data (seed 001): 5 design steps, 5 implementation steps, 4 monitoring and
 * evaluation steps (`data/lifecycle.csv`), and the state machine that moves a pilot forward.
 *
 * Rules (each refusal names its field):
 * - a step starts or completes only after every step it depends on is COMPLETED (`step`);
 * - its date is a real date, not in the future (`date`; today is injected), not before the completion
 *   date of any step it depends on, and a completion is not before the step's own start (`date`);
 * - a step whose output is a written act needs evidence — a decision or document reference (`evidence`);
 * - a completed step cannot be started or completed again (`step`).
 * Dependencies (column depends_on): steps follow their numbering within a phase; implementation and
 * monitoring both begin after the design is approved (DESIGN_APPROVAL), because the central plan
 * (seed 000) runs building (step 5) and supervision (step 6) side by side in 2023–2025; periodic checks
 * need the detailed plan they check against, and the lessons need implementation finished.
 * These dependencies and which steps need evidence are this project's reading of seed 001, which
 * only numbers the steps (see data/README.md).
 *
 * Stage: the earliest phase that still has a step not COMPLETED (DESIGN → IMPLEMENTATION → MONITORING),
 * DONE when every step is COMPLETED. Monitoring runs alongside implementation, but a pilot is reported
 * in MONITORING only once implementation is complete, so the stage never goes backwards.
 *
 * Schedule against the central 7-step plan (seed 000), column central_step:
 * - DESIGN_SURVEY → step 2 (site selection, by 10/12/2022): the survey exists "để lựa chọn địa điểm";
 * - the other design steps → step 4 (approval of the economic-technical report / project, by 30/6/2023):
 *   they produce and approve the pilot's proposal;
 * - implementation steps → step 5 (building the pilot, 2023–2025, by 31/12/2025);
 * - ME_FRAMEWORK, ME_PLAN, ME_CHECKS → step 6 (guidance, inspection, supervision, by 31/12/2025);
 * - ME_LESSONS → step 7 (summary and evaluation, Q4/2025, by 31/12/2025).
 * Steps 1 (provinces register) and 3 (MARD issues guidance) are central tasks with no pilot step.
 * A step is ON_TIME if completed by its deadline, LATE if completed after it, OVERDUE if not completed
 * and the deadline has passed, PENDING otherwise. A pilot is BEHIND when any step is OVERDUE today,
 * ON_SCHEDULE otherwise, and UNKNOWN when no step has any actual date recorded (no progress known:
 * the absence of records is not evidence of delay — the case of the first batch, whose dates are not public).
 */
import type { Catalogue, CentralStepDef, LifecycleStepDef, Phase } from './catalogue';
import { daysBetween, isIsoDate, type FieldError, type IsoDate } from './types';

export const STEP_STATES = ['NOT_STARTED', 'IN_PROGRESS', 'COMPLETED'] as const;
export type StepState = (typeof STEP_STATES)[number];

/** A decision (quyết định) or another document (văn bản: plan, report, minutes) proving a step. */
export interface Evidence {
  readonly kind: 'DECISION' | 'DOCUMENT';
  /** Number or title, e.g. `1234/QĐ-UBND` or `Kế hoạch 56/KH-UBND`. */
  readonly reference: string;
  readonly date?: IsoDate | null;
  readonly authority?: string | null;
}

/** Where a pilot stands on one step. */
export interface StepRecord {
  readonly code: string;
  readonly plannedOn: IsoDate | null;
  readonly startedOn: IsoDate | null;
  readonly completedOn: IsoDate | null;
  readonly evidence: Evidence | null;
}

export function stepState(r: StepRecord): StepState {
  return r.completedOn !== null ? 'COMPLETED' : r.startedOn !== null ? 'IN_PROGRESS' : 'NOT_STARTED';
}

/** Every step of the catalogue, not started, with optional planned dates. */
export function initialSteps(lifecycle: readonly LifecycleStepDef[], planned: Readonly<Record<string, IsoDate>> = {}): StepRecord[] {
  return lifecycle.map((s) => ({ code: s.code, plannedOn: planned[s.code] ?? null, startedOn: null, completedOn: null, evidence: null }));
}

export type StepAction =
  | { readonly action: 'PLAN'; readonly step: string; readonly date: IsoDate }
  | { readonly action: 'START'; readonly step: string; readonly date: IsoDate }
  | { readonly action: 'COMPLETE'; readonly step: string; readonly date: IsoDate; readonly evidence?: Evidence | null };

export type StepResult = { readonly ok: true; readonly steps: StepRecord[] } | { readonly ok: false; readonly errors: FieldError[] };

function evidenceErrors(def: LifecycleStepDef, evidence: Evidence | null | undefined, date: IsoDate, field: string): FieldError[] {
  if (!evidence) return def.evidenceRequired ? [{ field, reason: `completing ${def.code} needs a decision or document reference` }] : [];
  const errors: FieldError[] = [];
  if (evidence.kind !== 'DECISION' && evidence.kind !== 'DOCUMENT')
    errors.push({ field: `${field}.kind`, reason: `"${String(evidence.kind)}" is not DECISION or DOCUMENT` });
  if (!evidence.reference?.trim()) errors.push({ field: `${field}.reference`, reason: 'the decision number or document title is required' });
  if (evidence.date != null) {
    if (!isIsoDate(evidence.date)) errors.push({ field: `${field}.date`, reason: `"${evidence.date}" is not a date YYYY-MM-DD` });
    else if (evidence.date > date)
      errors.push({ field: `${field}.date`, reason: `the evidence is dated ${evidence.date}, after the step's completion on ${date}` });
  }
  return errors;
}

/**
 * Applies one action to a pilot's steps. Returns the new steps (the input is not changed) or every
 * reason for refusal; nothing is written on refusal.
 */
export function applyStep(
  steps: readonly StepRecord[],
  action: StepAction,
  ctx: { readonly lifecycle: readonly LifecycleStepDef[]; readonly today: IsoDate },
): StepResult {
  const def = ctx.lifecycle.find((s) => s.code === action.step);
  if (!def)
    return {
      ok: false,
      errors: [{ field: 'step', reason: `unknown step "${action.step}" (one of ${ctx.lifecycle.map((s) => s.code).join(', ')})` }],
    };
  const byCode = new Map(steps.map((s) => [s.code, s]));
  const current = byCode.get(def.code);
  if (!current) return { ok: false, errors: [{ field: 'step', reason: `the pilot has no record of step ${def.code}` }] };
  if (!isIsoDate(action.date)) return { ok: false, errors: [{ field: 'date', reason: `"${action.date}" is not a date YYYY-MM-DD` }] };
  const errors: FieldError[] = [];
  const deps = def.dependsOn.map((d) => byCode.get(d) ?? { code: d, plannedOn: null, startedOn: null, completedOn: null, evidence: null });

  if (action.action === 'PLAN') {
    if (stepState(current) === 'COMPLETED') errors.push({ field: 'step', reason: `${def.code} is already completed` });
    for (const d of deps) {
      if (d.plannedOn !== null && action.date < d.plannedOn)
        errors.push({ field: 'date', reason: `planned ${action.date}, before ${d.code} is planned (${d.plannedOn})` });
    }
    return errors.length
      ? { ok: false, errors }
      : { ok: true, steps: steps.map((s) => (s.code === def.code ? { ...s, plannedOn: action.date } : s)) };
  }

  const state = stepState(current);
  const verb = action.action === 'START' ? 'start' : 'complete';
  if (state === 'COMPLETED') errors.push({ field: 'step', reason: `${def.code} is already completed (on ${current.completedOn})` });
  else if (action.action === 'START' && state === 'IN_PROGRESS')
    errors.push({ field: 'step', reason: `${def.code} is already in progress (since ${current.startedOn})` });
  for (const d of deps) {
    if (d.completedOn === null) errors.push({ field: 'step', reason: `cannot ${verb} ${def.code} before ${d.code} is completed` });
    else if (action.date < d.completedOn)
      errors.push({ field: 'date', reason: `${action.date} is before ${d.code} was completed (${d.completedOn})` });
  }
  if (action.date > ctx.today) errors.push({ field: 'date', reason: `${action.date} is in the future (today is ${ctx.today})` });
  if (action.action === 'COMPLETE') {
    if (current.startedOn !== null && action.date < current.startedOn)
      errors.push({ field: 'date', reason: `${action.date} is before ${def.code} started (${current.startedOn})` });
    errors.push(...evidenceErrors(def, action.evidence, action.date, 'evidence'));
  }
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    steps: steps.map((s) => {
      if (s.code !== def.code) return s;
      if (action.action === 'START') return { ...s, startedOn: action.date };
      // Completing a step never started records the start on the same day.
      return { ...s, startedOn: s.startedOn ?? action.date, completedOn: action.date, evidence: action.evidence ?? s.evidence };
    }),
  };
}

/**
 * Checks a whole set of step records (for loading data): one record per step, and each record as
 * `applyStep` would have accepted it. Fields are named `steps[i].…` by the record's position.
 */
export function validateSteps(steps: readonly StepRecord[], lifecycle: readonly LifecycleStepDef[], today: IsoDate): FieldError[] {
  const errors: FieldError[] = [];
  const index = new Map<string, number>();
  steps.forEach((s, i) => {
    if (!lifecycle.some((d) => d.code === s.code)) errors.push({ field: `steps[${i}].code`, reason: `unknown step "${s.code}"` });
    else if (index.has(s.code)) errors.push({ field: `steps[${i}].code`, reason: `step ${s.code} is recorded twice` });
    else index.set(s.code, i);
  });
  for (const def of lifecycle) {
    const i = index.get(def.code);
    if (i === undefined) {
      errors.push({ field: 'steps', reason: `no record of step ${def.code}` });
      continue;
    }
    const s = steps[i];
    const f = `steps[${i}]`;
    for (const [col, v] of [
      ['plannedOn', s.plannedOn],
      ['startedOn', s.startedOn],
      ['completedOn', s.completedOn],
    ] as const) {
      if (v !== null && !isIsoDate(v)) errors.push({ field: `${f}.${col}`, reason: `"${v}" is not a date YYYY-MM-DD` });
      else if (v !== null && col !== 'plannedOn' && v > today)
        errors.push({ field: `${f}.${col}`, reason: `${v} is in the future (today is ${today})` });
    }
    if (s.completedOn !== null && s.startedOn === null)
      errors.push({ field: `${f}.startedOn`, reason: `${def.code} is completed but has no start date` });
    if (s.completedOn !== null && s.startedOn !== null && s.completedOn < s.startedOn)
      errors.push({ field: `${f}.completedOn`, reason: `${s.completedOn} is before ${def.code} started (${s.startedOn})` });
    const acted = s.startedOn ?? s.completedOn;
    for (const d of def.dependsOn) {
      const dep = steps[index.get(d) ?? -1];
      const depDone = dep?.completedOn ?? null;
      if (acted !== null && depDone === null) errors.push({ field: `${f}.startedOn`, reason: `${def.code} started before ${d} is completed` });
      else if (acted !== null && depDone !== null && acted < depDone)
        errors.push({ field: `${f}.startedOn`, reason: `${acted} is before ${d} was completed (${depDone})` });
      if (s.plannedOn !== null && dep?.plannedOn != null && s.plannedOn < dep.plannedOn)
        errors.push({ field: `${f}.plannedOn`, reason: `planned ${s.plannedOn}, before ${d} is planned (${dep.plannedOn})` });
    }
    if (s.completedOn !== null) errors.push(...evidenceErrors(def, s.evidence, s.completedOn, `${f}.evidence`));
  }
  return errors;
}

export const STAGES = ['DESIGN', 'IMPLEMENTATION', 'MONITORING', 'DONE'] as const;
/** Giai đoạn: thiết kế, triển khai, giám sát và đánh giá, hoàn thành. */
export type Stage = (typeof STAGES)[number];

/** The earliest phase with a step not completed, or DONE. */
export function deriveStage(steps: readonly StepRecord[], lifecycle: readonly LifecycleStepDef[]): Stage {
  const done = new Set(steps.filter((s) => s.completedOn !== null).map((s) => s.code));
  for (const phase of ['DESIGN', 'IMPLEMENTATION', 'MONITORING'] as const satisfies readonly Phase[]) {
    if (lifecycle.some((d) => d.phase === phase && !done.has(d.code))) return phase;
  }
  return 'DONE';
}

export type StepTiming = 'ON_TIME' | 'LATE' | 'OVERDUE' | 'PENDING';
export type ScheduleStatus = 'ON_SCHEDULE' | 'BEHIND' | 'UNKNOWN';

export interface StepSchedule {
  readonly code: string;
  readonly centralStep: number;
  readonly deadline: IsoDate;
  readonly timing: StepTiming;
  /** Days past the deadline: at completion (LATE) or today (OVERDUE); 0 otherwise. */
  readonly daysLate: number;
  /** The step is planned for after its deadline. */
  readonly plannedAfterDeadline: boolean;
}

export interface Schedule {
  readonly status: ScheduleStatus;
  readonly steps: readonly StepSchedule[];
  /** The OVERDUE steps' codes (what makes the pilot BEHIND). */
  readonly overdue: readonly string[];
  /** The steps completed after their deadline. */
  readonly late: readonly string[];
  /** The largest daysLate of an OVERDUE step, 0 if none. */
  readonly daysBehind: number;
}

/** The pilot's schedule against the central plan on `today`. */
export function scheduleOf(steps: readonly StepRecord[], catalogue: Pick<Catalogue, 'lifecycle' | 'centralPlan'>, today: IsoDate): Schedule {
  const central = new Map<number, CentralStepDef>(catalogue.centralPlan.map((c) => [c.step, c]));
  const out: StepSchedule[] = [];
  for (const def of catalogue.lifecycle) {
    const rec = steps.find((s) => s.code === def.code);
    const deadline = central.get(def.centralStep)!.deadline;
    const done = rec?.completedOn ?? null;
    let timing: StepTiming;
    let daysLate = 0;
    if (done !== null) {
      timing = done <= deadline ? 'ON_TIME' : 'LATE';
      daysLate = Math.max(0, daysBetween(deadline, done));
    } else if (today > deadline) {
      timing = 'OVERDUE';
      daysLate = daysBetween(deadline, today);
    } else timing = 'PENDING';
    out.push({
      code: def.code,
      centralStep: def.centralStep,
      deadline,
      timing,
      daysLate,
      plannedAfterDeadline: rec?.plannedOn != null && rec.plannedOn > deadline,
    });
  }
  const anyProgress = steps.some((s) => s.startedOn !== null || s.completedOn !== null);
  const overdue = out.filter((s) => s.timing === 'OVERDUE');
  return {
    status: !anyProgress ? 'UNKNOWN' : overdue.length ? 'BEHIND' : 'ON_SCHEDULE',
    steps: out,
    overdue: overdue.map((s) => s.code),
    late: out.filter((s) => s.timing === 'LATE').map((s) => s.code),
    daysBehind: overdue.reduce((m, s) => Math.max(m, s.daysLate), 0),
  };
}
