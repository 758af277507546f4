import type { EntityManager } from '@mikro-orm/postgresql';
import { knexQueryable, MAX_CHANGES_PAGE, parseSince, readChangePage, subtreeUnitIds, type ChangePage } from '@ntm/change-log';
import { userInputError } from '@ntm/kit';
import type { ExportAccess } from '../domain/changes/export-access';
import { changesSelect } from './export-sql';

export { MAX_CHANGES_PAGE };

export interface ChangeRow {
  xid: string;
  op: string;
  position: string;
  unitId: string | null;
  unitCode: string | null;
  indicatorKey: string | null;
  year: number | null;
  value: string | null;
  status: string | null;
  changedAt: Date | string;
}

/**
 * Reads the change feed for small syncs, in one REPEATABLE READ, READ ONLY transaction: the
 * horizon (oldest transaction still running) and the rows come from the same snapshot (the
 * xid-safe reading is @ntm/change-log's readChangePage).
 */
export async function readChanges(
  em: EntityManager,
  since: string | null,
  within: string | null,
  first: number,
  access: ExportAccess,
): Promise<ChangePage<ChangeRow>> {
  if (!Number.isInteger(first) || first < 1 || first > MAX_CHANGES_PAGE)
    throw userInputError(`first: must be between 1 and ${MAX_CHANGES_PAGE}, got ${first}`, { field: 'first' });
  const decoded = parseSince(since);
  if (!decoded.ok) throw userInputError(`since: ${decoded.reason}`, { field: 'since' });
  const cursor = decoded.cursor;
  return em.getKnex().transaction(
    async (trx) => {
      const q = knexQueryable(trx);
      const today = new Date().toISOString().slice(0, 10);
      let unitIds: string[] | null = null;
      if (within !== null) {
        unitIds = await subtreeUnitIds(q, [within], today, true);
        if (unitIds.length === 0) throw userInputError(`within: no unit "${within}" in the unit list in force on ${today}`, { field: 'within' });
      }
      if (access.kind === 'UNITS') {
        const scope = new Set(await subtreeUnitIds(q, access.units, today, true));
        unitIds = unitIds === null ? [...scope] : unitIds.filter((u) => scope.has(u));
      }
      return readChangePage<ChangeRow>(q, cursor, first, (window, limit) =>
        changesSelect('rows', window, { year: null, unitIds, published: access.kind === 'PUBLISHED' }, limit),
      );
    },
    { isolationLevel: 'repeatable read', readOnly: true },
  );
}
