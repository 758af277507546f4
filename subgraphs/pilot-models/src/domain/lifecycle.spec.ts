import { readCatalogue } from '../data-files';
import { applyStep, deriveStage, initialSteps, scheduleOf, validateSteps, type StepAction, type StepRecord } from './lifecycle';

const catalogue = readCatalogue();
const { lifecycle } = catalogue;
const today = '2024-06-01';
const ctx = { lifecycle, today };

/** Applies actions in order, failing the test on the first refusal. */
function run(actions: StepAction[], steps: StepRecord[] = initialSteps(lifecycle), at = ctx): StepRecord[] {
  for (const a of actions) {
    const r = applyStep(steps, a, at);
    if (!r.ok) throw new Error(`${a.action} ${a.step}: ${JSON.stringify(r.errors)}`);
    steps = r.steps;
  }
  return steps;
}
const decision = { kind: 'DECISION' as const, reference: '1234/QĐ-UBND', date: '2023-06-20', authority: 'UBND tỉnh Nghệ An' };
const doc = { kind: 'DOCUMENT' as const, reference: 'Đề xuất mô hình' };
const DESIGN: StepAction[] = [
  { action: 'COMPLETE', step: 'DESIGN_SURVEY', date: '2022-12-01' },
  { action: 'START', step: 'DESIGN_PROPOSAL', date: '2022-12-02' },
  { action: 'COMPLETE', step: 'DESIGN_PROPOSAL', date: '2023-02-10' },
  { action: 'COMPLETE', step: 'DESIGN_CONSULTATION', date: '2023-03-10' },
  { action: 'COMPLETE', step: 'DESIGN_FINALISE', date: '2023-04-10', evidence: doc },
  { action: 'COMPLETE', step: 'DESIGN_APPROVAL', date: '2023-06-20', evidence: decision },
];

describe('the lifecycle file', () => {
  it('has 5 design, 5 implementation and 4 monitoring steps, each mapped to a central step', () => {
    const count = (p: string) => lifecycle.filter((s) => s.phase === p).length;
    expect([count('DESIGN'), count('IMPLEMENTATION'), count('MONITORING')]).toEqual([5, 5, 4]);
    expect(catalogue.centralPlan.map((c) => c.step)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(lifecycle.find((s) => s.code === 'DESIGN_APPROVAL')).toMatchObject({ centralStep: 4, evidenceRequired: true });
    expect(catalogue.centralPlan.find((c) => c.step === 4)!.deadline).toBe('2023-06-30');
  });
});

describe('applyStep', () => {
  it('moves a pilot through design in order, and derives the stage', () => {
    const steps = run(DESIGN);
    expect(deriveStage(steps, lifecycle)).toBe('IMPLEMENTATION');
    expect(steps.find((s) => s.code === 'DESIGN_APPROVAL')).toMatchObject({ startedOn: '2023-06-20', completedOn: '2023-06-20', evidence: decision });
    expect(deriveStage(initialSteps(lifecycle), lifecycle)).toBe('DESIGN');
  });

  it('does not change the steps it is given', () => {
    const steps = initialSteps(lifecycle);
    run([{ action: 'COMPLETE', step: 'DESIGN_SURVEY', date: '2022-12-01' }], steps);
    expect(steps.every((s) => s.completedOn === null)).toBe(true);
  });

  it('refuses a step completed before the one it depends on, naming the field', () => {
    const r = applyStep(initialSteps(lifecycle), { action: 'COMPLETE', step: 'DESIGN_PROPOSAL', date: '2023-01-01' }, ctx);
    expect(r).toEqual({ ok: false, errors: [{ field: 'step', reason: 'cannot complete DESIGN_PROPOSAL before DESIGN_SURVEY is completed' }] });
    const start = applyStep(run(DESIGN.slice(0, 3)), { action: 'START', step: 'IMPL_DETAILED_PLAN', date: '2023-03-01' }, ctx);
    expect(start.ok).toBe(false);
    if (!start.ok) expect(start.errors[0]).toEqual({ field: 'step', reason: 'cannot start IMPL_DETAILED_PLAN before DESIGN_APPROVAL is completed' });
  });

  it('refuses a date before the dependency was completed', () => {
    const r = applyStep(run(DESIGN.slice(0, 1)), { action: 'COMPLETE', step: 'DESIGN_PROPOSAL', date: '2022-11-30' }, ctx);
    expect(r).toEqual({ ok: false, errors: [{ field: 'date', reason: '2022-11-30 is before DESIGN_SURVEY was completed (2022-12-01)' }] });
  });

  it('refuses a completion before the step started', () => {
    const steps = run([...DESIGN.slice(0, 1), { action: 'START', step: 'DESIGN_PROPOSAL', date: '2022-12-20' }]);
    const r = applyStep(steps, { action: 'COMPLETE', step: 'DESIGN_PROPOSAL', date: '2022-12-10' }, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual([{ field: 'date', reason: '2022-12-10 is before DESIGN_PROPOSAL started (2022-12-20)' }]);
  });

  it('refuses a date in the future of the injected today, and accepts today itself', () => {
    const r = applyStep(initialSteps(lifecycle), { action: 'COMPLETE', step: 'DESIGN_SURVEY', date: '2024-06-02' }, ctx);
    expect(r).toEqual({ ok: false, errors: [{ field: 'date', reason: '2024-06-02 is in the future (today is 2024-06-01)' }] });
    expect(applyStep(initialSteps(lifecycle), { action: 'COMPLETE', step: 'DESIGN_SURVEY', date: '2024-06-01' }, ctx).ok).toBe(true);
  });

  it('refuses missing or empty evidence where the step needs it, and evidence dated after the step', () => {
    const before = run(DESIGN.slice(0, 5));
    const none = applyStep(before, { action: 'COMPLETE', step: 'DESIGN_APPROVAL', date: '2023-06-20' }, ctx);
    expect(none).toEqual({ ok: false, errors: [{ field: 'evidence', reason: 'completing DESIGN_APPROVAL needs a decision or document reference' }] });
    const empty = applyStep(
      before,
      { action: 'COMPLETE', step: 'DESIGN_APPROVAL', date: '2023-06-20', evidence: { kind: 'DECISION', reference: ' ' } },
      ctx,
    );
    expect(!empty.ok && empty.errors.map((e) => e.field)).toEqual(['evidence.reference']);
    const later = applyStep(
      before,
      { action: 'COMPLETE', step: 'DESIGN_APPROVAL', date: '2023-06-20', evidence: { ...decision, date: '2023-06-21' } },
      ctx,
    );
    expect(!later.ok && later.errors.map((e) => e.field)).toEqual(['evidence.date']);
  });

  it('refuses an unknown step, an invalid date and completing twice', () => {
    expect(applyStep(initialSteps(lifecycle), { action: 'START', step: 'NOPE', date: '2023-01-01' }, ctx)).toMatchObject({
      ok: false,
      errors: [{ field: 'step' }],
    });
    expect(applyStep(initialSteps(lifecycle), { action: 'START', step: 'DESIGN_SURVEY', date: '2023-02-30' }, ctx)).toEqual({
      ok: false,
      errors: [{ field: 'date', reason: '"2023-02-30" is not a date YYYY-MM-DD' }],
    });
    const r = applyStep(run(DESIGN.slice(0, 1)), { action: 'COMPLETE', step: 'DESIGN_SURVEY', date: '2022-12-05' }, ctx);
    expect(!r.ok && r.errors).toEqual([{ field: 'step', reason: 'DESIGN_SURVEY is already completed (on 2022-12-01)' }]);
  });

  it('lets monitoring start after the approval, alongside implementation', () => {
    const steps = run([
      ...DESIGN,
      { action: 'COMPLETE', step: 'ME_FRAMEWORK', date: '2023-07-01', evidence: doc },
      { action: 'START', step: 'IMPL_DETAILED_PLAN', date: '2023-07-02' },
    ]);
    expect(deriveStage(steps, lifecycle)).toBe('IMPLEMENTATION');
    const r = applyStep(steps, { action: 'START', step: 'ME_CHECKS', date: '2023-08-01' }, ctx);
    expect(!r.ok && r.errors.map((e) => e.reason)).toEqual([
      'cannot start ME_CHECKS before ME_PLAN is completed',
      'cannot start ME_CHECKS before IMPL_DETAILED_PLAN is completed',
    ]);
  });

  it('refuses planning a step before its dependency is planned', () => {
    const planned = initialSteps(lifecycle, { DESIGN_SURVEY: '2022-12-01' });
    expect(applyStep(planned, { action: 'PLAN', step: 'DESIGN_PROPOSAL', date: '2022-11-01' }, ctx)).toEqual({
      ok: false,
      errors: [{ field: 'date', reason: 'planned 2022-11-01, before DESIGN_SURVEY is planned (2022-12-01)' }],
    });
    expect(applyStep(planned, { action: 'PLAN', step: 'DESIGN_PROPOSAL', date: '2025-11-01' }, ctx).ok).toBe(true);
  });
});

describe('a full pilot', () => {
  const full = (): StepRecord[] => {
    const later = { lifecycle, today: '2026-01-15' };
    return run(
      [
        ...DESIGN,
        { action: 'COMPLETE', step: 'IMPL_DETAILED_PLAN', date: '2023-08-01', evidence: doc },
        { action: 'COMPLETE', step: 'IMPL_CONNECT_PROVIDERS', date: '2023-10-01' },
        { action: 'COMPLETE', step: 'IMPL_INFRASTRUCTURE', date: '2024-03-01' },
        { action: 'COMPLETE', step: 'IMPL_TRAINING', date: '2024-09-01' },
        { action: 'COMPLETE', step: 'IMPL_INTEGRATION', date: '2025-06-01' },
        { action: 'COMPLETE', step: 'ME_FRAMEWORK', date: '2023-07-01', evidence: doc },
        { action: 'COMPLETE', step: 'ME_PLAN', date: '2023-09-01', evidence: doc },
        { action: 'COMPLETE', step: 'ME_CHECKS', date: '2025-09-01' },
        { action: 'COMPLETE', step: 'ME_LESSONS', date: '2025-11-20', evidence: doc },
      ],
      initialSteps(lifecycle),
      later,
    );
  };

  it('is DONE, ON_SCHEDULE, and passes validateSteps', () => {
    const steps = full();
    expect(deriveStage(steps, lifecycle)).toBe('DONE');
    expect(validateSteps(steps, lifecycle, '2026-01-15')).toEqual([]);
    const s = scheduleOf(steps, catalogue, '2026-01-15');
    expect(s).toMatchObject({ status: 'ON_SCHEDULE', overdue: [], late: [], daysBehind: 0 });
    expect(s.steps.every((x) => x.timing === 'ON_TIME')).toBe(true);
  });

  it('marks a late approval LATE and unfinished steps OVERDUE once their deadline has passed', () => {
    const late = run(
      [...DESIGN.slice(0, 5), { action: 'COMPLETE', step: 'DESIGN_APPROVAL', date: '2023-07-10', evidence: decision }],
      initialSteps(lifecycle),
      { lifecycle, today: '2026-01-10' },
    );
    const mid = scheduleOf(late, catalogue, '2025-06-01');
    expect(mid).toMatchObject({ status: 'ON_SCHEDULE', late: ['DESIGN_APPROVAL'], overdue: [] });
    expect(mid.steps.find((x) => x.code === 'DESIGN_APPROVAL')).toMatchObject({ timing: 'LATE', daysLate: 10 });
    const after = scheduleOf(late, catalogue, '2026-01-10');
    expect(after.status).toBe('BEHIND');
    expect(after.overdue).toEqual([
      'IMPL_DETAILED_PLAN',
      'IMPL_CONNECT_PROVIDERS',
      'IMPL_INFRASTRUCTURE',
      'IMPL_TRAINING',
      'IMPL_INTEGRATION',
      'ME_FRAMEWORK',
      'ME_PLAN',
      'ME_CHECKS',
      'ME_LESSONS',
    ]);
    expect(after.daysBehind).toBe(10);
  });

  it('is UNKNOWN when no progress is recorded, and flags plans after a deadline', () => {
    const s = scheduleOf(initialSteps(lifecycle, { DESIGN_APPROVAL: '2023-08-01' }), catalogue, '2026-01-01');
    expect(s.status).toBe('UNKNOWN');
    expect(s.steps.find((x) => x.code === 'DESIGN_APPROVAL')!.plannedAfterDeadline).toBe(true);
  });

  it('validateSteps names the record and field of each inconsistency', () => {
    const steps = full().map((s) =>
      s.code === 'DESIGN_CONSULTATION'
        ? { ...s, startedOn: '2023-01-01' }
        : s.code === 'ME_LESSONS'
          ? { ...s, evidence: null }
          : s.code === 'IMPL_TRAINING'
            ? { ...s, completedOn: '2027-01-01' }
            : s,
    );
    expect(validateSteps(steps, lifecycle, '2026-01-15')).toEqual([
      { field: 'steps[2].startedOn', reason: '2023-01-01 is before DESIGN_PROPOSAL was completed (2023-02-10)' },
      { field: 'steps[8].completedOn', reason: '2027-01-01 is in the future (today is 2026-01-15)' },
      { field: 'steps[9].startedOn', reason: '2025-06-01 is before IMPL_TRAINING was completed (2027-01-01)' },
      { field: 'steps[13].evidence', reason: 'completing ME_LESSONS needs a decision or document reference' },
    ]);
    expect(validateSteps(full().slice(1), lifecycle, '2026-01-15')[0]).toEqual({ field: 'steps', reason: 'no record of step DESIGN_SURVEY' });
  });
});
