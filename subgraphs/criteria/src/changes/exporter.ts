import { createHash } from 'node:crypto';
import { PassThrough, Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import {
  advanceCursor,
  changeWindowSql,
  CopyTextToNdjson,
  createExportPool,
  cursorAfterSnapshot,
  dataVersion,
  encodeCursor,
  ExportRefusal,
  parseSince,
  subtreeUnitIds,
  type ChangeCursor,
} from '@ntm/change-log';
import type { Pool, PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { ExportAccess, ExportRequest } from '../domain/changes/export-access';
import { listDateForYear } from '../domain/reporting-period';
import { changesSelect, copyStatement, EXPORT_COLUMN_KINDS, snapshotSelect, type ExportFilter } from './export-sql';

export { createExportPool, ExportRefusal };

export interface PreparedExport {
  /** The body, streamed from PostgreSQL with backpressure; gzip when asked. Null: not modified (the caller's ETag matches). */
  body: Readable | null;
  headers: Record<string, string>;
  /** Resolves when the body is written out (or the client left) and the connection is back in the pool. */
  done: Promise<void>;
}

const CONTENT_TYPE: Record<ExportRequest['format'], string> = {
  ndjson: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  dhis2: 'application/json; charset=utf-8',
  dhis2csv: 'text/csv; charset=utf-8',
};

/**
 * Writes each complete line of a COPY stream through, counting lines; NDJSON ends with a trailer
 * line (`{"type":"end","cursor":…,"count":…}`), DHIS2 JSON wraps the lines in `{"dataValues":[…]}`.
 * Holds back at most one newline: memory stays flat whatever the size.
 */
const COMMA_NEWLINE = Buffer.from(',\n');

class Framing extends Transform {
  count = 0;
  private pendingNewline = false;
  private started = false;
  constructor(
    private readonly mode: 'ndjson' | 'dhis2' | 'plain',
    private readonly trailer: () => string,
  ) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) this.count++;
    if (this.mode !== 'dhis2') {
      done(null, chunk);
      return;
    }
    // dhis2: newline-separated objects become comma-separated array items (on bytes: a chunk may
    // end inside a multi-byte character, and "\n" never occurs inside one).
    const parts: Buffer[] = [];
    if (!this.started) {
      this.started = true;
      parts.push(Buffer.from('{"dataValues":[\n'));
    }
    let from = 0;
    for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) {
      if (this.pendingNewline) parts.push(COMMA_NEWLINE);
      parts.push(chunk.subarray(from, at));
      this.pendingNewline = true;
      from = at + 1;
    }
    if (from < chunk.length) {
      if (this.pendingNewline) parts.push(COMMA_NEWLINE);
      this.pendingNewline = false;
      parts.push(chunk.subarray(from));
    }
    done(null, Buffer.concat(parts));
  }

  override _flush(done: TransformCallback): void {
    if (this.mode === 'plain') return done();
    if (this.mode === 'dhis2') return done(null, (this.started ? '\n' : '{"dataValues":[\n') + ']}\n');
    done(null, this.trailer());
  }
}

/** Streams exports of indicator values from the export pool. */
export class IndicatorValueExporter {
  constructor(private readonly pool: Pool) {}

  /**
   * Opens a REPEATABLE READ, READ ONLY transaction (one snapshot: a write that commits during the
   * export is wholly in or wholly out), works out the resume cursor from that snapshot — so it can
   * be sent as a header before the first row — and streams COPY … TO STDOUT.
   */
  async prepare(request: ExportRequest, access: ExportAccess, ifNoneMatch?: string): Promise<PreparedExport> {
    let since: ChangeCursor | null = null;
    if (request.since !== null) {
      const decoded = parseSince(request.since);
      if (!decoded.ok) throw new ExportRefusal(400, 'since', decoded.reason);
      since = decoded.cursor;
    }
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch {
      throw new ExportRefusal(503, 'export', 'every export connection is busy; try again in a minute');
    }
    let released = false;
    const release = (error?: Error) => {
      if (released) return;
      released = true;
      client.release(error);
    };
    try {
      await client.query('begin isolation level repeatable read read only');
      const { rows } = await client.query<{ snapshot: string; horizon: string }>(
        `select pg_current_snapshot()::text as snapshot, pg_snapshot_xmin(pg_current_snapshot())::text as horizon`,
      );
      const { snapshot, horizon } = rows[0];
      const filter: ExportFilter = {
        year: request.year,
        unitIds: await this.unitFilter(client, request, access),
        published: access.kind === 'PUBLISHED',
      };
      const nextCursor = since ? advanceCursor(since, null, horizon) : cursorAfterSnapshot(snapshot);
      const select = since
        ? changesSelect(request.format as 'ndjson' | 'csv', changeWindowSql(since, horizon), filter)
        : snapshotSelect(request.format, filter);
      const cursorText = encodeCursor(nextCursor);
      const version = await dataVersion(client, snapshot, horizon);
      const etag = `"${createHash('sha256')
        .update(JSON.stringify([version, request.format, request.year, request.within, request.since, access]))
        .digest('base64url')
        .slice(0, 32)}"`;

      const cacheControl = access.kind === 'PUBLISHED' ? 'public, max-age=60, must-revalidate' : 'private, no-cache';
      if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim() === etag)) {
        await client.query('commit');
        release();
        return {
          body: null,
          headers: { etag, 'x-ntm-cursor': cursorText, 'x-ntm-data-version': version, 'cache-control': cacheControl },
          done: Promise.resolve(),
        };
      }
      const copy = client.query(copyTo(copyStatement(select, request.format)));
      const framing: Framing = new Framing(
        request.format === 'ndjson' ? 'ndjson' : request.format === 'dhis2' ? 'dhis2' : 'plain',
        (): string => JSON.stringify({ type: 'end', cursor: cursorText, count: framing.count }) + '\n',
      );
      const body = new PassThrough({ highWaterMark: 1 << 16 });
      const stages: NodeJS.ReadWriteStream[] = [];
      if (request.format === 'ndjson') stages.push(new CopyTextToNdjson(EXPORT_COLUMN_KINDS));
      stages.push(framing);
      if (request.gzip) stages.push(createGzip({ level: 4 }));
      const done = (pipeline as (...streams: unknown[]) => Promise<void>)(copy, ...stages, body).then(
        async () => {
          await client.query('commit');
          release();
        },
        (error: Error) => {
          // The client left or PostgreSQL failed: drop this connection rather than reuse it mid-COPY.
          release(error);
          body.destroy(error);
        },
      );
      const headers: Record<string, string> = {
        'content-type': CONTENT_TYPE[request.format],
        'x-ntm-cursor': cursorText,
        'x-ntm-data-version': version,
        etag,
        'cache-control': cacheControl,
      };
      if (request.gzip) headers['content-encoding'] = 'gzip';
      return { body, headers, done };
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      release(error instanceof ExportRefusal ? undefined : (error as Error));
      throw error;
    }
  }

  /** Unit ids the rows must belong to: `within` ∩ the caller's scope; null when neither limits them. */
  private async unitFilter(client: PoolClient, request: ExportRequest, access: ExportAccess): Promise<string[] | null> {
    const date = request.year !== null ? listDateForYear(request.year) : new Date().toISOString().slice(0, 10);
    const lineage = request.year === null;
    const subtree = (refs: string[]) => subtreeUnitIds(client, refs, date, lineage);
    let units: string[] | null = null;
    if (request.within !== null) {
      units = await subtree([request.within]);
      if (units.length === 0) throw new ExportRefusal(400, 'within', `no unit "${request.within}" in the unit list in force on ${date}`);
    }
    if (access.kind === 'UNITS') {
      const scope = new Set(await subtree(access.units));
      if (units === null) units = [...scope];
      else {
        const inside = units.filter((u) => scope.has(u));
        if (inside.length === 0) throw new ExportRefusal(403, 'within', `"${request.within}" is outside your units (${access.units.join(', ')})`);
        units = inside;
      }
    }
    return units;
  }
}
