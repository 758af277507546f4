import { IDENTITY_HEADER, verifyInternalIdentity, type SubgraphRouteDeps } from '@ntm/kit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { PassThrough, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { Pool, type PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { CopyTextToNdjson, type FieldKind } from './copy-text-to-ndjson';
import { snapshotOf, type Queryable } from './reader';

/**
 * Streamed open-data exports beside the gateway (dữ liệu mở): each subgraph declares the exports
 * it serves at `/internal/exports/<name>` and lists them, with a description of every column, at
 * `/internal/exports`; the gateway routes `GET /exports/<name>` to the subgraph that lists it.
 * An export runs in one REPEATABLE READ, READ ONLY snapshot on the exports' own small pool,
 * streams `COPY … TO STDOUT` with backpressure, and answers 304 to an unchanged pull (ETag from
 * the data's version, worked out before a row is read).
 */

/** The licence of the graph's open data: a PLACEHOLDER until the Ministry decides. */
export const OPEN_DATA_LICENCE = {
  name: 'Creative Commons Attribution 4.0 International (CC BY 4.0)',
  url: 'https://creativecommons.org/licenses/by/4.0/',
  placeholder: true,
  note: 'PLACEHOLDER: proposed by this project, not yet decided by the Ministry (Bộ Nông nghiệp và Môi trường). Generated (synthetic) data says so in its columns and is not real data.',
} as const;

/** A refusal of an export request: HTTP status, the parameter at fault and why. */
export class ExportRefusal extends Error {
  constructor(
    readonly status: number,
    readonly field: string,
    reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

export interface ExportPoolSettings {
  /** Where exports read: DATABASE_REPLICA_URL when set, else the subgraph's database. */
  url: string;
  schema: string;
  /** Connections (default 3): at most this many exports run at once; more wait, then get 503. */
  max?: number;
  /** How long a request waits for a free export connection before 503 (ms, default 10 s). */
  waitMs?: number;
}

/** The exports' own connection pool: bulk reads never take a connection interactive users need. */
export function createExportPool(settings: ExportPoolSettings): Pool {
  if (!/^[a-z_][a-z0-9_]*$/.test(settings.schema)) throw new Error(`invalid schema ${settings.schema}`);
  return new Pool({
    connectionString: settings.url,
    max: settings.max ?? 3,
    connectionTimeoutMillis: settings.waitMs ?? 10_000,
    idleTimeoutMillis: 30_000,
    application_name: 'ntm-exports',
    options: `-c search_path=${settings.schema},public -c timezone=UTC`,
  });
}

/** The pool of a subgraph's exports, on the replica when DATABASE_REPLICA_URL is set. */
export function exportPoolOf(deps: Pick<SubgraphRouteDeps, 'databaseUrl' | 'schema' | 'logger'>): Pool {
  const pool = createExportPool({
    url: process.env.DATABASE_REPLICA_URL || deps.databaseUrl,
    schema: deps.schema,
    max: process.env.EXPORT_POOL_MAX ? Number(process.env.EXPORT_POOL_MAX) : undefined,
  });
  pool.on('error', (error) => deps.logger.warn('export pool connection failed', { error: error.message }));
  return pool;
}

/** Who asks for an export: the signed-in user the gateway forwarded (null: anonymous). */
export interface ExportCallerIdentity {
  sub: string;
  roles: string[];
  /** Scope: unit codes or ids. */
  units: string[];
}

export interface ExportColumn {
  key: string;
  kind: FieldKind;
  /** What the column holds (the data dictionary, từ điển dữ liệu). */
  description: string;
}

/** An export as the index lists it: what `GET /exports` shows and what the gateway routes by. */
export interface ExportIndexEntry {
  name: string;
  description: string;
  /** Query parameters besides format and gzip, each with what it does. */
  parameters: Record<string, string>;
  formats: string[];
  /** Who may pull it. */
  access: string;
  /** Every column, in order, with its description; empty for documents (the dictionary). */
  columns: Record<string, string>;
}

export interface DatasetContext {
  /** The export's transaction (REPEATABLE READ, READ ONLY). */
  q: Queryable;
  /** The query parameters (last value of each), already checked against `parameters`. */
  params: Record<string, string>;
  caller: ExportCallerIdentity | null;
  snapshot: string;
  horizon: string;
}

export interface PreparedDataset {
  /** The SELECT whose columns are `columns`, in order (validated or quoted values only: COPY takes no parameters). */
  select: string;
  /** The version of what the SELECT reads: the ETag and X-NTM-Data-Version are made from it. */
  version: string;
  /** For change pulls: the cursor to resume from (X-NTM-Cursor, and the NDJSON end line). */
  cursor?: string;
}

/** A streamed export a subgraph serves. */
export interface DatasetExport {
  name: string;
  description: string;
  parameters: Record<string, string>;
  access: string;
  columns: ExportColumn[];
  /** Builds the SELECT; throws ExportRefusal naming a bad parameter. */
  prepare(ctx: DatasetContext): Promise<PreparedDataset>;
}

export const DATASET_FORMATS = ['ndjson', 'csv'] as const;

export const indexEntryOf = (d: DatasetExport): ExportIndexEntry => ({
  name: d.name,
  description: d.description,
  parameters: d.parameters,
  formats: [...DATASET_FORMATS],
  access: d.access,
  columns: Object.fromEntries(d.columns.map((c) => [c.key, c.description])),
});

/** Reads format, gzip and the dataset's own parameters; an unknown or repeated-bad one is named. */
export function parseDatasetQuery(
  dataset: Pick<DatasetExport, 'parameters'>,
  query: Record<string, unknown>,
  acceptEncoding: string,
): { ok: true; format: 'ndjson' | 'csv'; gzip: boolean; params: Record<string, string> } | { ok: false; field: string; reason: string } {
  const params: Record<string, string> = {};
  const known = new Set(['format', 'gzip', ...Object.keys(dataset.parameters)]);
  for (const [name, raw] of Object.entries(query)) {
    if (!known.has(name)) return { ok: false, field: name, reason: `unknown parameter (known: ${[...known].join(', ')})` };
    const value = Array.isArray(raw) ? String(raw[raw.length - 1]) : String(raw);
    if (value !== '') params[name] = value;
  }
  const format = (params.format ?? 'ndjson').toLowerCase();
  if (!(DATASET_FORMATS as readonly string[]).includes(format))
    return { ok: false, field: 'format', reason: `must be one of ${DATASET_FORMATS.join(', ')}, got "${format.slice(0, 20)}"` };
  const gzipText = params.gzip;
  if (gzipText !== undefined && !['true', 'false', '1', '0'].includes(gzipText)) return { ok: false, field: 'gzip', reason: 'must be true or false' };
  const gzip = gzipText === 'true' || gzipText === '1' || (gzipText === undefined && /\bgzip\b/i.test(acceptEncoding));
  delete params.format;
  delete params.gzip;
  return { ok: true, format: format as 'ndjson' | 'csv', gzip, params };
}

/** Counts lines and, for NDJSON, ends with `{"type":"end","cursor":…,"count":…}`. */
class EndLine extends Transform {
  count = 0;
  constructor(private readonly trailer: ((count: number) => string) | null) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) this.count++;
    done(null, chunk);
  }
  override _flush(done: TransformCallback): void {
    done(null, this.trailer ? this.trailer(this.count) : undefined);
  }
}

const errorBody = (status: number, field: string, message: string) => ({
  errors: [{ message, extensions: { code: status === 403 ? 'FORBIDDEN' : status === 503 ? 'UNAVAILABLE' : 'BAD_USER_INPUT', field } }],
});

export interface ExportRoutesOptions {
  /** Streamed datasets served by this subgraph. */
  datasets: DatasetExport[];
  /** Exports served by routes of the subgraph's own (listed in the index only). */
  entries?: ExportIndexEntry[];
  /** The exports' pool (default: a new one, closed by the returned function). */
  pool?: Pool;
  /** The caller of a request (default: the identity the gateway signed; 401 without one). */
  callerOf?: (request: FastifyRequest) => Promise<ExportCallerIdentity | null>;
}

/** Where the gateway reaches a subgraph's exports (`GET /exports/*` there → here). */
export const INTERNAL_EXPORTS_PREFIX = '/internal/exports';

/**
 * Registers `/internal/exports` (the index: every export of this subgraph with its columns) and
 * `/internal/exports/<name>` for each dataset. Returns the function that closes the pool.
 */
export function registerExports(app: FastifyInstance, deps: SubgraphRouteDeps, options: ExportRoutesOptions): () => Promise<void> {
  const ownPool = options.pool ? null : exportPoolOf(deps);
  const pool = options.pool ?? ownPool!;
  const callerOf =
    options.callerOf ??
    ((request: FastifyRequest) => verifyInternalIdentity(deps.internalAuthSecret, request.headers[IDENTITY_HEADER] as string | undefined));
  const index = { licence: OPEN_DATA_LICENCE, exports: [...(options.entries ?? []), ...options.datasets.map(indexEntryOf)] };
  const names = new Set<string>();
  for (const e of index.exports) {
    if (!/^[a-z0-9-]{1,40}$/.test(e.name) || names.has(e.name)) throw new Error(`export name "${e.name}" is not a unique path segment`);
    names.add(e.name);
  }

  app.get(INTERNAL_EXPORTS_PREFIX, async (request, reply) => {
    try {
      await callerOf(request);
    } catch (error) {
      return reply.code(401).send({ errors: [{ message: (error as Error).message, extensions: { code: 'UNAUTHENTICATED' } }] });
    }
    return reply.header('cache-control', 'public, max-age=300').send(index);
  });

  for (const dataset of options.datasets) {
    app.get(`${INTERNAL_EXPORTS_PREFIX}/${dataset.name}`, async (request, reply) => {
      const parsed = parseDatasetQuery(dataset, request.query as Record<string, unknown>, String(request.headers['accept-encoding'] ?? ''));
      if (!parsed.ok) return reply.code(400).send(errorBody(400, parsed.field, `${parsed.field}: ${parsed.reason}`));
      let caller: ExportCallerIdentity | null;
      try {
        caller = await callerOf(request);
      } catch (error) {
        return reply.code(401).send({ errors: [{ message: (error as Error).message, extensions: { code: 'UNAUTHENTICATED' } }] });
      }
      let client: PoolClient;
      try {
        client = await pool.connect();
      } catch {
        return reply
          .code(503)
          .header('retry-after', '30')
          .send(errorBody(503, 'export', 'export: every export connection is busy; try again in a minute'));
      }
      let released = false;
      const release = (error?: Error) => {
        if (released) return;
        released = true;
        client.release(error);
      };
      try {
        await client.query('begin isolation level repeatable read read only');
        const { snapshot, horizon } = await snapshotOf(client);
        const prepared = await dataset.prepare({ q: client, params: parsed.params, caller, snapshot, horizon });
        const etag = `"${createHash('sha256')
          .update(JSON.stringify([prepared.version, dataset.name, parsed.format, Object.entries(parsed.params).sort(), prepared.cursor ?? null]))
          .digest('base64url')
          .slice(0, 32)}"`;
        reply.headers({ etag, 'x-ntm-data-version': prepared.version, 'cache-control': 'public, max-age=60, must-revalidate' });
        if (prepared.cursor) reply.header('x-ntm-cursor', prepared.cursor);
        const ifNoneMatch = request.headers['if-none-match'];
        if (typeof ifNoneMatch === 'string' && ifNoneMatch.split(',').some((t) => t.trim() === etag)) {
          await client.query('commit');
          release();
          return reply.code(304).send();
        }
        const statement =
          parsed.format === 'csv' ? `COPY (${prepared.select}) TO STDOUT WITH (FORMAT csv, HEADER)` : `COPY (${prepared.select}) TO STDOUT`;
        const copy = client.query(copyTo(statement));
        const stages: NodeJS.ReadWriteStream[] = [];
        if (parsed.format === 'ndjson') stages.push(new CopyTextToNdjson(dataset.columns));
        stages.push(
          new EndLine(parsed.format === 'ndjson' ? (count) => JSON.stringify({ type: 'end', cursor: prepared.cursor ?? null, count }) + '\n' : null),
        );
        if (parsed.gzip) {
          stages.push(createGzip({ level: 4 }));
          reply.header('content-encoding', 'gzip');
        }
        const body = new PassThrough({ highWaterMark: 1 << 16 });
        (pipeline as (...streams: unknown[]) => Promise<void>)(copy, ...stages, body).then(
          async () => {
            await client.query('commit');
            release();
          },
          (error: Error) => {
            release(error);
            body.destroy(error);
          },
        );
        reply.header('content-type', parsed.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
        return reply.send(body);
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        release(error instanceof ExportRefusal ? undefined : (error as Error));
        if (error instanceof ExportRefusal) return reply.code(error.status).send(errorBody(error.status, error.field, error.message));
        throw error;
      }
    });
  }
  return async () => {
    if (ownPool) await ownPool.end();
  };
}

/** A SubgraphModule `routes` hook serving these exports (and their index). */
export const exportRoutes =
  (options: ExportRoutesOptions) =>
  (app: FastifyInstance, deps: SubgraphRouteDeps): (() => Promise<void>) =>
    registerExports(app, deps, options);

/** A text literal for SQL that COPY can take (standard_conforming_strings: quotes doubled). */
export const textLiteral = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/**
 * A SELECT of rows computed in this process (roll-ups), so they stream through COPY like any other
 * export: each value a typed literal (text quoted, numbers checked finite, booleans), in `columns` order.
 */
export function rowsSelect(columns: readonly ExportColumn[], rows: readonly (readonly unknown[])[]): string {
  const cast = (kind: FieldKind) =>
    kind === 'number' ? 'numeric' : kind === 'boolean' ? 'boolean' : kind === 'json' ? 'jsonb' : kind === 'timestamp' ? 'timestamptz' : 'text';
  const literal = (value: unknown, column: ExportColumn): string => {
    if (value === null || value === undefined) return `null::${cast(column.kind)}`;
    if (column.kind === 'number') {
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`${column.key}: not a finite number: ${JSON.stringify(value)}`);
      return `${value}::numeric`;
    }
    if (column.kind === 'boolean') return value ? 'true' : 'false';
    if (column.kind === 'json') return `${textLiteral(JSON.stringify(value))}::jsonb`;
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return `${textLiteral(text)}::${cast(column.kind)}`;
  };
  const names = columns.map((c) => `"${c.key}"`).join(', ');
  if (rows.length === 0) return `select ${columns.map((c) => `null::${cast(c.kind)} as "${c.key}"`).join(', ')} where false`;
  const values = rows.map((row) => `(${columns.map((c, i) => literal(row[i], c)).join(', ')})`).join(',\n');
  return `select * from (values ${values}) as t(${names})`;
}
