import type { EntityManager } from '@mikro-orm/postgresql';
import { isInForce, toPgArray, today, type RowError, type User } from '@ntm/kit';
import { approvalProblem, unapprovalProblem, type WorkflowStatus } from '../domain/value-workflow';
import { FIRST_YEAR, LAST_YEAR, listDateForYear } from '../domain/reporting-period';
import type { CriteriaCatalog } from './catalog';
import { setChangeContext } from './value-audit';

/** One stored value, named as a spreadsheet row names it. */
export interface ValueKeyRow {
  unitCode: string;
  asOf?: string | null;
  indicatorCode: string;
  year: number;
}

interface Key {
  unitId: string;
  indicatorId: number;
  year: number;
}

/** Thrown inside the transaction to roll it back when a value changed between the check and the update. */
class ChangedMeanwhile extends Error {}

/**
 * Approval and un-approval of stored values, a batch at a time: every row is checked (the unit,
 * indicator and year name a stored value in the right state; an approver does not approve what
 * they submitted), then all rows change in one transaction — one UPDATE — or none. The audit
 * triggers record each change with the approver and the reason.
 */
export class ValueApprovalService {
  constructor(
    private readonly em: EntityManager,
    private readonly catalog: CriteriaCatalog,
  ) {}

  approve(rows: ValueKeyRow[], user: User): Promise<{ written: number; errors: RowError[] }> {
    return this.change(rows, user, 'SUBMITTED', 'APPROVED', null, (stored) => approvalProblem(stored, user.sub));
  }

  unapprove(rows: ValueKeyRow[], user: User, reason: string): Promise<{ written: number; errors: RowError[] }> {
    return this.change(rows, user, 'APPROVED', 'SUBMITTED', reason, unapprovalProblem);
  }

  private async change(
    rows: ValueKeyRow[],
    user: User,
    from: WorkflowStatus,
    to: WorkflowStatus,
    reason: string | null,
    problemOf: (stored: { status: WorkflowStatus; recordedBy: string } | undefined) => string | null,
  ): Promise<{ written: number; errors: RowError[] }> {
    const errors: RowError[] = [];
    const fail = (row: number, field: string, why: string) => errors.push({ row, field, reason: why });
    const keys = await this.resolve(rows, fail);
    const valid = keys.filter((k): k is Key => k !== null);
    const stored = new Map<string, { status: WorkflowStatus; recordedBy: string }>();
    if (valid.length > 0) {
      const found = await this.em
        .getConnection()
        .execute<{ indicator_id: number; year: number; unit_id: string; status: WorkflowStatus; recorded_by: string }[]>(
          `select v.indicator_id, v.year, v.unit_id, v.status, v.recorded_by from indicator_value v
           join unnest(?::int[], ?::smallint[], ?::text[]) as k(i, y, u) on v.indicator_id = k.i and v.year = k.y and v.unit_id = k.u`,
          [toPgArray(valid.map((k) => k.indicatorId)), toPgArray(valid.map((k) => k.year)), toPgArray(valid.map((k) => k.unitId))],
        );
      for (const f of found) stored.set(`${f.indicator_id}|${f.year}|${f.unit_id}`, { status: f.status, recordedBy: f.recorded_by });
    }
    const seen = new Map<string, number>();
    keys.forEach((k, i) => {
      if (!k) return;
      const id = `${k.indicatorId}|${k.year}|${k.unitId}`;
      const first = seen.get(id);
      if (first !== undefined) return fail(i, 'indicatorCode', `duplicate of row ${first}: the same unit, indicator and year`);
      seen.set(id, i);
      const problem = problemOf(stored.get(id));
      if (problem) fail(i, 'status', problem);
    });
    if (errors.length > 0) return { written: 0, errors: errors.sort((a, b) => a.row - b.row) };

    try {
      await this.em.transactional(async (tx) => {
        await setChangeContext(tx, user.sub, reason);
        const result = await tx.getConnection().execute(
          `update indicator_value v set status = ?
             from unnest(?::int[], ?::smallint[], ?::text[]) as k(i, y, u)
            where v.indicator_id = k.i and v.year = k.y and v.unit_id = k.u and v.status = ?`,
          [to, toPgArray(valid.map((k) => k.indicatorId)), toPgArray(valid.map((k) => k.year)), toPgArray(valid.map((k) => k.unitId)), from],
          'run',
          tx.getTransactionContext(),
        );
        if (((result as { affectedRows?: number }).affectedRows ?? valid.length) !== valid.length) throw new ChangedMeanwhile();
      });
    } catch (error) {
      if (!(error instanceof ChangedMeanwhile)) throw error;
      return {
        written: 0,
        errors: rows.map((_, row) => ({
          row,
          field: 'status',
          reason: 'a value of this batch changed meanwhile; nothing was changed, send the batch again',
        })),
      };
    }
    return { written: valid.length, errors: [] };
  }

  /** Unit, indicator and year of each row, or null with its error recorded. One statement for the batch's units. */
  private async resolve(rows: ValueKeyRow[], fail: (row: number, field: string, reason: string) => void): Promise<(Key | null)[]> {
    const units = await this.em
      .getConnection()
      .execute<{ unit_id: string; code: string; level: string; valid_from: string | null; valid_to: string | null }[]>(
        `select unit_id, code, level, valid_from, valid_to from unit_profile where code = any(?::text[])`,
        [toPgArray([...new Set(rows.map((r) => r.unitCode))])],
      );
    return rows.map((row, i) => {
      const asOf = row.asOf ?? today();
      if (!Number.isInteger(row.year) || row.year < FIRST_YEAR || row.year > LAST_YEAR) {
        fail(i, 'year', `year must be between ${FIRST_YEAR} and ${LAST_YEAR}, got ${row.year}`);
        return null;
      }
      const unit = units.find((u) => u.code === row.unitCode && isInForce(u.valid_from, u.valid_to, asOf));
      if (!unit) {
        fail(i, 'unitCode', `no commune or district with code "${row.unitCode}" in the unit list in force on ${asOf}`);
        return null;
      }
      const yearList = listDateForYear(row.year);
      if (!isInForce(unit.valid_from, unit.valid_to, yearList)) {
        fail(
          i,
          'year',
          `values for ${row.year} belong to the units in force on ${yearList}; unit "${row.unitCode}" as of ${asOf} is not one of them (set asOf to a date of that list, e.g. "${yearList}")`,
        );
        return null;
      }
      const indicator = this.catalog.resolve(row.indicatorCode, unit.level, row.year);
      if (!indicator) {
        fail(i, 'indicatorCode', `unknown indicator "${row.indicatorCode}" for a ${unit.level.toLowerCase()}`);
        return null;
      }
      return { unitId: unit.unit_id, indicatorId: indicator.id, year: row.year };
    });
  }
}
