import { approvalProblem, seesDrafts, unapprovalProblem, writeStatusProblem } from './value-workflow';

describe('value workflow', () => {
  it('lets writes set DRAFT and SUBMITTED, never APPROVED', () => {
    expect(writeStatusProblem('DRAFT')).toBeNull();
    expect(writeStatusProblem('SUBMITTED')).toBeNull();
    expect(writeStatusProblem('APPROVED')).toMatch(/approveIndicatorValues/);
  });

  it('approves only a SUBMITTED value, and not by the one who submitted it', () => {
    expect(approvalProblem({ status: 'SUBMITTED', recordedBy: 'editor-1' }, 'approver-1')).toBeNull();
    expect(approvalProblem({ status: 'SUBMITTED', recordedBy: 'approver-1' }, 'approver-1')).toMatch(/submitted by "approver-1"/);
    expect(approvalProblem({ status: 'DRAFT', recordedBy: 'editor-1' }, 'approver-1')).toMatch(/DRAFT/);
    expect(approvalProblem({ status: 'APPROVED', recordedBy: 'editor-1' }, 'approver-1')).toMatch(/already APPROVED/);
    expect(approvalProblem(undefined, 'approver-1')).toMatch(/no value/);
  });

  it('un-approves only an APPROVED value', () => {
    expect(unapprovalProblem({ status: 'APPROVED', recordedBy: 'x' })).toBeNull();
    expect(unapprovalProblem({ status: 'SUBMITTED', recordedBy: 'x' })).toMatch(/SUBMITTED, not APPROVED/);
    expect(unapprovalProblem(undefined)).toMatch(/no value/);
  });

  it('shows drafts to readers of everything and inside the reader’s units only', () => {
    expect(seesDrafts(null, true)).toBe(false);
    expect(seesDrafts(['EDITOR'], false)).toBe(false);
    expect(seesDrafts(['EDITOR'], true)).toBe(true);
    expect(seesDrafts(['MINISTRY'], false)).toBe(true);
    expect(seesDrafts(['ADMIN'], false)).toBe(true);
  });
});
