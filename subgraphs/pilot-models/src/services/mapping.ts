import type { Evidence, FundingPlan, FundingSource, StepRecord } from '../domain';
import type { Pilot } from '../entities/pilot.entity';
import type { FundingLineRow, PilotStepRow } from '../entities/pilot-parts.entity';

/** A stored step as the domain sees it. */
export function toStepRecord(row: PilotStepRow): StepRecord {
  const evidence: Evidence | null = row.evidenceReference
    ? {
        kind: (row.evidenceKind ?? 'DOCUMENT') as Evidence['kind'],
        reference: row.evidenceReference,
        date: row.evidenceDate,
        authority: row.evidenceAuthority,
      }
    : null;
  return { code: row.code, plannedOn: row.plannedOn, startedOn: row.startedOn, completedOn: row.completedOn, evidence };
}

/** A step record as table columns. */
export function stepColumns(pilotId: string, s: StepRecord, actor: string): Record<string, unknown> {
  return {
    pilot_id: pilotId,
    code: s.code,
    planned_on: s.plannedOn,
    started_on: s.startedOn,
    completed_on: s.completedOn,
    evidence_kind: s.evidence?.kind ?? null,
    evidence_reference: s.evidence?.reference ?? null,
    evidence_date: s.evidence?.date ?? null,
    evidence_authority: s.evidence?.authority ?? null,
    updated_by: actor,
  };
}

/** The stored funding lines as a plan (null when the pilot has none: funding not known). */
export function toFundingPlan(pilot: Pilot, rows: readonly FundingLineRow[]): FundingPlan | null {
  if (!rows.length) return null;
  const order = ['CENTRAL', 'PROVINCE', 'DISTRICT', 'COMMUNE', 'ENTERPRISE', 'PEOPLE'];
  const lines = [...rows]
    .sort((a, b) => order.indexOf(a.source) - order.indexOf(b.source))
    .map((r) => ({ source: r.source as FundingSource, planned: BigInt(r.planned), disbursed: BigInt(r.disbursed) }));
  return { lines, declaredTotal: pilot.declaredTotal === null ? null : BigInt(pilot.declaredTotal) };
}
