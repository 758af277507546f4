import { createHash } from 'node:crypto';
import { advanceCursor, decodeCursor, encodeCursor, START_CURSOR, type ChangeCursor } from './cursor';

/**
 * Reading a change log safely under concurrent writes (đọc nhật ký thay đổi). Positions are handed
 * out before commit and commit out of order, so a pull returns only rows of transactions below the
 * oldest one still running when its snapshot was taken (the horizon,
 * `pg_snapshot_xmin(pg_current_snapshot())`), ordered by (xid, position): a change that commits
 * later with an earlier position is never passed over. Every function here expects to run inside
 * one REPEATABLE READ transaction, so that the horizon and the rows come from the same snapshot.
 */

/** Something that runs SQL with $1… parameters: a pg Client/PoolClient, or knexQueryable(trx). */
export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

/** A knex transaction as a Queryable ($n parameters become knex's ? bindings). */
export function knexQueryable(trx: { raw(sql: string, bindings: never[]): PromiseLike<{ rows: unknown[] }> }): Queryable {
  return {
    async query<R>(sql: string, params: unknown[] = []) {
      const bindings: unknown[] = [];
      const text = sql.replace(/\$(\d+)/g, (_, n: string) => {
        bindings.push(params[Number(n) - 1]);
        return '?';
      });
      const result = await trx.raw(text, bindings as never[]);
      return { rows: result.rows as R[] };
    },
  };
}

const DIGITS = /^\d+$/;
const SNAPSHOT = /^\d+:\d+:[\d,]*$/;

function digits(value: string | number): string {
  const text = String(value);
  if (!DIGITS.test(text)) throw new Error(`not a decimal number: ${text}`);
  return text;
}

/**
 * The predicates (over the change log aliased `c`) of the changes after `cursor` up to `horizon`:
 * every value is validated (decimal digits, a snapshot's digits and separators), so the text can go
 * into COPY, which takes no bind parameters.
 */
export function changeWindowSql(cursor: ChangeCursor, horizon: string): string[] {
  const where = [`c.xid < '${digits(horizon)}'::xid8`, `(c.xid, c.position) > ('${digits(cursor.xid)}'::xid8, ${digits(cursor.position)}::bigint)`];
  if (cursor.snapshot) {
    if (!SNAPSHOT.test(cursor.snapshot)) throw new Error(`not a snapshot: ${cursor.snapshot}`);
    where.push(`not pg_visible_in_snapshot(c.xid, '${cursor.snapshot}'::pg_snapshot)`);
  }
  return where;
}

/** The horizon and the snapshot of the current transaction. */
export async function snapshotOf(q: Queryable): Promise<{ horizon: string; snapshot: string }> {
  const { rows } = await q.query<{ horizon: string; snapshot: string }>(
    `select pg_snapshot_xmin(pg_current_snapshot())::text as horizon, pg_current_snapshot()::text as snapshot`,
  );
  return rows[0];
}

/** Reads `since` (a cursor, "0" or null for the start); the reason names no field (the caller does). */
export function parseSince(since: string | null | undefined): { ok: true; cursor: ChangeCursor } | { ok: false; reason: string } {
  if (since === null || since === undefined || since === '' || since === '0') return { ok: true, cursor: START_CURSOR };
  return decodeCursor(since);
}

/** A change row as a reader selects it: at least its transaction id and position, as text. */
export interface PositionedRow {
  xid: string;
  position: string;
}

export interface ChangePage<R> {
  /** The changes of the page, each with the cursor to resume after it. */
  changes: (R & { cursor: string })[];
  /** Pass as `since` for the next pull; moves on even when the page is empty (to the horizon). */
  endCursor: string;
  hasNextPage: boolean;
}

/** Largest page of a GraphQL change feed; bulk pulls use GET /exports/<name>?since=. */
export const MAX_CHANGES_PAGE = 1000;

/**
 * One page of changes after `cursor`: `select(window, limit)` returns the SELECT of rows (with
 * `xid` and `position` as text) that satisfy the window predicates, ordered by c.xid, c.position,
 * limited to `limit`. Run inside a REPEATABLE READ transaction.
 */
export async function readChangePage<R extends PositionedRow>(
  q: Queryable,
  cursor: ChangeCursor,
  first: number,
  select: (window: string[], limit: number) => string,
): Promise<ChangePage<R>> {
  if (!Number.isInteger(first) || first < 1 || first > MAX_CHANGES_PAGE)
    throw new RangeError(`must be between 1 and ${MAX_CHANGES_PAGE}, got ${first}`);
  const { horizon } = await snapshotOf(q);
  const rows = (await q.query<R>(select(changeWindowSql(cursor, horizon), first + 1))).rows;
  const page = rows.slice(0, first);
  const hasNextPage = rows.length > first;
  const changes = page.map((r) => ({ ...r, cursor: encodeCursor(advanceCursor(cursor, { xid: r.xid, position: r.position }, null)) }));
  const last = page.length ? page[page.length - 1] : null;
  const end = advanceCursor(cursor, last && { xid: last.xid, position: last.position }, hasNextPage ? null : horizon);
  return { changes, endCursor: encodeCursor(end), hasNextPage };
}

/**
 * The version of the data a snapshot sees, for ETags and X-NTM-Data-Version: the last change below
 * the snapshot's horizon plus the last change of every transaction above it that the snapshot
 * sees. The change log only grows, so any commit that changed data changes this string.
 */
export async function dataVersion(q: Queryable, snapshot: string, horizon: string): Promise<string> {
  const { rows } = await q.query<{ below: string | null; above: string | null }>(
    `select (select xid::text || ':' || position from change_log where xid < $1::xid8 order by xid desc, position desc limit 1) as below,
            (select string_agg(xid::text || ':' || last, ',' order by xid) from (
               select xid, max(position) as last from change_log
                where xid >= $1::xid8 and pg_visible_in_snapshot(xid, $2::pg_snapshot) group by xid) a) as above`,
    [horizon, snapshot],
  );
  return createHash('sha256')
    .update(`${rows[0].below ?? ''}|${rows[0].above ?? ''}`)
    .digest('base64url')
    .slice(0, 24);
}

/**
 * The units under some roots, over the unit-profile replica every subgraph holds: roots by id, or
 * by code on the list in force on `date`; with `lineage`, also the pre-reform units whose successors
 * are under them (a pull without a year spans both lists). Parameters: ids, codes, date, lineage.
 */
export const SUBTREE_SQL = `
  with roots as (
    select unit_id from unit_profile
     where unit_id = any($1::text[])
        or (code = any($2::text[]) and (valid_from is null or valid_from <= $3::date) and (valid_to is null or valid_to >= $3::date))
  ), tree as (
    select u.unit_id from unit_profile u
     where u.unit_id in (select unit_id from roots) or u.ancestor_ids && array(select unit_id from roots)
  )
  select unit_id from tree
  union
  select u.unit_id from unit_profile u where $4::boolean and u.successor_ids && array(select unit_id from tree)`;

/** Unit ids under `refs` (codes or ids) on the list in force on `date`. */
export async function subtreeUnitIds(q: Queryable, refs: string[], date: string, lineage: boolean): Promise<string[]> {
  const ids = refs.filter((r) => r.includes('@'));
  const codes = refs.filter((r) => !r.includes('@'));
  const { rows } = await q.query<{ unit_id: string }>(SUBTREE_SQL, [ids, codes, date, lineage]);
  return rows.map((r) => r.unit_id);
}

/** A unit reference as `within` takes it: a code ("40") or an id ("40@2025-03-01"). */
export const UNIT_REF = /^[0-9A-Za-z]{1,10}(@\d{4}-\d{2}-\d{2})?$/;

/** A text[] literal for SQL that COPY can take (no bind parameters): ids are quoted and escaped. */
export function textArraySql(values: readonly string[]): string {
  const inner = values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',');
  return `'${`{${inner}}`.replace(/'/g, "''")}'::text[]`;
}
