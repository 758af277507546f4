/**
 * The approval workflow of reported values (quy trình phê duyệt số liệu), after DHIS2's data
 * approval: DRAFT (nháp) → SUBMITTED (đã gửi) → APPROVED (đã duyệt). Editors write DRAFT and
 * SUBMITTED values; only an approver who did not submit a value approves it; an approver returns
 * an approved value to SUBMITTED with a reason. Pure rules; the services apply them to stored rows.
 */
export type WorkflowStatus = 'DRAFT' | 'SUBMITTED' | 'APPROVED';
export type WorkflowRole = 'EDITOR' | 'APPROVER' | 'MINISTRY' | 'ADMIN';

/** Who writes values (setIndicatorValues, imports) inside their units. */
export const WRITE_ROLES: WorkflowRole[] = ['EDITOR', 'ADMIN'];
/** Who approves and un-approves values inside their units. */
export const APPROVE_ROLES: WorkflowRole[] = ['APPROVER', 'ADMIN'];
/** Who records recognition decisions inside their units. */
export const DECISION_ROLES: WorkflowRole[] = ['APPROVER', 'ADMIN'];
/** Who reads DRAFT values everywhere (others: only inside their units). */
export const READ_ALL_DRAFTS_ROLES: WorkflowRole[] = ['MINISTRY', 'ADMIN'];

/** Why a write may not set this status, or null when it may. */
export function writeStatusProblem(status: WorkflowStatus): string | null {
  return status === 'APPROVED'
    ? 'APPROVED is given only by approveIndicatorValues, by an APPROVER who did not submit the value; write DRAFT or SUBMITTED'
    : null;
}

export interface StoredState {
  status: WorkflowStatus;
  /** Who recorded (submitted) the stored value. */
  recordedBy: string;
}

/** Why `approver` may not approve this stored value, or null when they may. */
export function approvalProblem(stored: StoredState | undefined, approver: string): string | null {
  if (!stored) return 'no value is stored for this unit, indicator and year';
  if (stored.status === 'APPROVED') return 'the value is already APPROVED';
  if (stored.status === 'DRAFT') return 'the value is DRAFT; it must be SUBMITTED before it is approved';
  if (stored.recordedBy === approver) return `the value was submitted by "${approver}"; another approver must approve it`;
  return null;
}

/** Why this stored value may not be returned from APPROVED to SUBMITTED, or null when it may. */
export function unapprovalProblem(stored: StoredState | undefined): string | null {
  if (!stored) return 'no value is stored for this unit, indicator and year';
  if (stored.status !== 'APPROVED') return `the value is ${stored.status}, not APPROVED`;
  return null;
}

/** Whether a reader sees DRAFT values of a unit: readers of everything, or users whose scope covers it. Anonymous readers never do. */
export function seesDrafts(roles: readonly WorkflowRole[] | null, coversUnit: boolean): boolean {
  if (!roles) return false;
  return roles.some((r) => READ_ALL_DRAFTS_ROLES.includes(r)) || coversUnit;
}
