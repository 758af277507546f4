/**
 * The opaque cursor of the change feed (vị trí đồng bộ). A change is ordered by (xid, position):
 * the id of the transaction that wrote it (PostgreSQL xid8, a 64-bit number that never wraps)
 * and its sequence position. A cursor says "every change up to (xid, position) is yours"; after a
 * snapshot export it also carries the export's snapshot ("xmin:xmax:xip,…"), so that changes of
 * transactions the export already saw are not sent again.
 */
export interface ChangeCursor {
  /** Transaction id of the last change delivered, as decimal text (xid8). */
  xid: string;
  /** Position of the last change delivered within (xid, position) order, as decimal text; "0" = before any of xid. */
  position: string;
  /** A pg_snapshot whose visible transactions were already delivered (by an export); absent after a plain pull. */
  snapshot?: string;
}

/** The cursor before every change: a pull from it returns the whole history. */
export const START_CURSOR: ChangeCursor = { xid: '0', position: '0' };

const PREFIX = 'c1.';
const DECIMAL = /^(0|[1-9][0-9]{0,19})$/;
/** pg_snapshot's text form: xmin:xmax:xip1,xip2,… (all decimal). */
const SNAPSHOT = /^(0|[1-9][0-9]{0,19}):(0|[1-9][0-9]{0,19}):((0|[1-9][0-9]{0,19})(,(0|[1-9][0-9]{0,19}))*)?$/;
const MAX_XID8 = 18446744073709551615n;
const MAX_BIGINT = 9223372036854775807n;

/** Encodes a cursor as an opaque, URL-safe string. */
export function encodeCursor(cursor: ChangeCursor): string {
  const parts = [cursor.xid, cursor.position, ...(cursor.snapshot ? [cursor.snapshot] : [])];
  return PREFIX + Buffer.from(parts.join('|'), 'utf8').toString('base64url');
}

/** Decodes a cursor, or says why it is not one (the caller names the field in its error). */
export function decodeCursor(text: string): { ok: true; cursor: ChangeCursor } | { ok: false; reason: string } {
  const bad = (reason: string) => ({ ok: false as const, reason });
  if (!text.startsWith(PREFIX) || text.length > 4096) return bad('not a cursor of this feed (use the cursor a previous pull or export returned)');
  const decoded = Buffer.from(text.slice(PREFIX.length), 'base64url').toString('utf8');
  const [xid, position, snapshot, ...rest] = decoded.split('|');
  if (rest.length > 0 || xid === undefined || position === undefined) return bad('malformed cursor');
  if (!DECIMAL.test(xid) || BigInt(xid) > MAX_XID8) return bad('malformed cursor (transaction id)');
  if (!DECIMAL.test(position) || BigInt(position) > MAX_BIGINT) return bad('malformed cursor (position)');
  if (snapshot !== undefined) {
    if (!SNAPSHOT.test(snapshot)) return bad('malformed cursor (snapshot)');
    const [xmin, xmax] = snapshot
      .split(':')
      .slice(0, 2)
      .map((n) => BigInt(n));
    if (xmin > xmax || xmax > MAX_XID8) return bad('malformed cursor (snapshot bounds)');
  }
  return { ok: true, cursor: snapshot === undefined ? { xid, position } : { xid, position, snapshot } };
}

/** xmax of a pg_snapshot text: every transaction at or above it was still running or not started. */
export function snapshotXmax(snapshot: string): bigint {
  return BigInt(snapshot.split(':')[1]);
}

/**
 * The cursor after a pull: past the last change delivered, or — when the pull reached the horizon
 * (no change below it is left) — at the horizon itself, so that the next pull does not scan again
 * what a filtered pull skipped. The export snapshot is kept only while it can still matter (some
 * transaction at or above the cursor may have been visible to it).
 */
export function advanceCursor(from: ChangeCursor, last: { xid: string; position: string } | null, horizon: string | null): ChangeCursor {
  let next: ChangeCursor = last ? { xid: last.xid, position: last.position } : { xid: from.xid, position: from.position };
  if (horizon !== null && compare(next, { xid: horizon, position: '0' }) < 0) next = { xid: horizon, position: '0' };
  if (from.snapshot && BigInt(next.xid) < snapshotXmax(from.snapshot)) next.snapshot = from.snapshot;
  return next;
}

/** Orders cursors by (xid, position). */
export function compare(a: { xid: string; position: string }, b: { xid: string; position: string }): number {
  const x = BigInt(a.xid) - BigInt(b.xid);
  if (x !== 0n) return x < 0n ? -1 : 1;
  const p = BigInt(a.position) - BigInt(b.position);
  return p === 0n ? 0 : p < 0n ? -1 : 1;
}

/** The cursor at the end of a snapshot export: every transaction below the snapshot's xmin, and those it saw. */
export function cursorAfterSnapshot(snapshot: string): ChangeCursor {
  const xmin = snapshot.split(':')[0];
  return { xid: xmin, position: '0', snapshot };
}
