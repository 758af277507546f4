/**
 * A pilot model as a whole (mô hình thí điểm), and the checks a write must pass before anything is stored:
 * unit level (and list), topic groups, approving decision, steps, funding. Every refusal names its field.
 */
import type { Catalogue } from './catalogue';
import { summariseFunding, type FundingPlan } from './funding';
import {
  checkApproval,
  checkTopicGroups,
  checkUnitLevel,
  checkUnitList,
  KIND_RULES,
  type ApprovalDecision,
  type PilotKind,
  type PilotStatus,
  type UnitLevel,
} from './kinds';
import { validateSteps, type StepRecord } from './lifecycle';
import type { FieldError, IsoDate } from './types';

export interface PilotRecord {
  /** Stable key, e.g. `GEN-40-SC-17380` (generated) or `FB-14212` (first batch). */
  readonly key: string;
  readonly kind: PilotKind;
  /** The unit the pilot is built in, `<code>@<list>`; kept across the 2025 reform (today's unit comes from the lineage). */
  readonly unitId: string;
  readonly unitLevel: UnitLevel;
  readonly unitName: string;
  readonly provinceCode: string | null;
  /** Null when not known (the first batch); a new pilot must name them (checkTopicGroups). */
  readonly topicGroups: readonly string[] | null;
  readonly approval: ApprovalDecision | null;
  readonly status: PilotStatus;
  readonly steps: readonly StepRecord[];
  /** Null when the funding is not known (the first batch: not public). */
  readonly funding: FundingPlan | null;
  /** True for generated (synthetic) pilots; false for real ones. */
  readonly generated: boolean;
  /** Where the record comes from. */
  readonly source: string;
  readonly note: string | null;
}

/** Everything wrong with a pilot record, as of `today`; empty when it may be written. */
export function validatePilot(p: PilotRecord, catalogue: Catalogue, today: IsoDate): FieldError[] {
  const errors: FieldError[] = [];
  if (!KIND_RULES[p.kind]) return [{ field: 'kind', reason: `"${String(p.kind)}" is not a pilot kind` }];
  const level = checkUnitLevel(p.kind, { id: p.unitId, level: p.unitLevel });
  if (level) errors.push(level);
  const list = checkUnitList(p.kind, p.unitId);
  if (list) errors.push(list);
  if (p.topicGroups !== null) errors.push(...checkTopicGroups(p.kind, p.topicGroups, catalogue.topicGroups));
  if (p.approval) errors.push(...checkApproval(p.approval, today));
  if (p.status === 'APPROVED' && !p.approval) errors.push({ field: 'approval', reason: 'an APPROVED pilot needs its approving decision' });
  errors.push(...validateSteps(p.steps, catalogue.lifecycle, today));
  if (p.funding) errors.push(...summariseFunding(p.funding).problems.map((e) => ({ field: `funding.${e.field}`, reason: e.reason })));
  return errors;
}
