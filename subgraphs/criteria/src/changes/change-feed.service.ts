import type { EntityManager } from '@mikro-orm/postgresql';
import { userInputError } from '@ntm/kit';
import { advanceCursor, decodeCursor, encodeCursor, START_CURSOR, type ChangeCursor } from '../domain/changes/change-cursor';
import type { ExportAccess } from '../domain/changes/export-access';
import { changesSelect, SUBTREE_SQL } from './export-sql';

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

export interface ChangePage {
  changes: (ChangeRow & { cursor: string })[];
  endCursor: string;
  hasNextPage: boolean;
}

/** Largest page of the GraphQL feed; bulk pulls use GET /exports/indicator-values?since=. */
export const MAX_CHANGES_PAGE = 1000;

/**
 * Reads the change feed for small syncs, in one REPEATABLE READ, READ ONLY transaction: the
 * horizon (oldest transaction still running) and the rows come from the same snapshot.
 */
export async function readChanges(
  em: EntityManager,
  since: string | null,
  within: string | null,
  first: number,
  access: ExportAccess,
): Promise<ChangePage> {
  if (!Number.isInteger(first) || first < 1 || first > MAX_CHANGES_PAGE)
    throw userInputError(`first: must be between 1 and ${MAX_CHANGES_PAGE}, got ${first}`, { field: 'first' });
  let cursor: ChangeCursor = START_CURSOR;
  if (since !== null && since !== '0') {
    const decoded = decodeCursor(since);
    if (!decoded.ok) throw userInputError(`since: ${decoded.reason}`, { field: 'since' });
    cursor = decoded.cursor;
  }
  const knex = em.getKnex();
  return knex.transaction(
    async (trx) => {
      const horizon = ((await trx.raw(`select pg_snapshot_xmin(pg_current_snapshot())::text as horizon`)).rows[0] as { horizon: string }).horizon;
      const today = new Date().toISOString().slice(0, 10);
      const subtree = async (refs: string[]) => {
        const params = [refs.filter((r) => r.includes('@')), refs.filter((r) => !r.includes('@')), today, true];
        const bindings: unknown[] = [];
        const sql = SUBTREE_SQL.replace(/\$(\d)/g, (_, n: string) => {
          bindings.push(params[Number(n) - 1]);
          return '?';
        });
        const rows = (await trx.raw(sql, bindings as never[])).rows as { unit_id: string }[];
        return rows.map((r) => r.unit_id);
      };
      let unitIds: string[] | null = null;
      if (within !== null) {
        unitIds = await subtree([within]);
        if (unitIds.length === 0) throw userInputError(`within: no unit "${within}" in the unit list in force on ${today}`, { field: 'within' });
      }
      if (access.kind === 'UNITS') {
        const scope = new Set(await subtree(access.units));
        unitIds = unitIds === null ? [...scope] : unitIds.filter((u) => scope.has(u));
      }
      const literal = (v: string) => `'${v.replace(/'/g, "''")}'`;
      const sql = changesSelect('rows', cursor, horizon, { year: null, unitIds, published: access.kind === 'PUBLISHED' }, literal, first + 1);
      const rows = (await trx.raw(sql)).rows as ChangeRow[];
      const page = rows.slice(0, first);
      const hasNextPage = rows.length > first;
      const changes = page.map((r) => ({ ...r, cursor: encodeCursor(advanceCursor(cursor, { xid: r.xid, position: r.position }, null)) }));
      const last = page.length ? page[page.length - 1] : null;
      const end = advanceCursor(cursor, last && { xid: last.xid, position: last.position }, hasNextPage ? null : horizon);
      return { changes, endCursor: encodeCursor(end), hasNextPage };
    },
    { isolationLevel: 'repeatable read', readOnly: true },
  );
}
