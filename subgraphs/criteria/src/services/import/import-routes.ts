import { hasRole, type SubgraphRouteDeps, type User } from '@ntm/kit';
import { IMPORT_ROLES } from './import-authorization';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { MappingOverride } from '../../domain/import/column-mapping';
import { IMPORT_STRATEGIES, type ImportStrategy } from './import-commit';
import { unitResolver } from './import-context';
import { runDryRun } from './import-dry-run';

/** Largest file accepted (bytes), here and at the gateway. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** Header the gateway sends the file name in (the caller's identity comes as for /graphql). */
export const IMPORT_FILE_NAME_HEADER = 'x-ntm-file-name';

class TooLarge extends Error {}

const CODES: Record<number, string> = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 413: 'BAD_REQUEST' };
const refuse = (reply: FastifyReply, status: number, message: string, field?: string) =>
  reply.code(status).send({ errors: [{ message, extensions: { code: CODES[status] ?? 'BAD_USER_INPUT', ...(field ? { field } : {}) } }] });

interface ImportQuery {
  source?: string;
  year?: string;
  strategy?: string;
  mapping?: string;
  within?: string;
}

/** Reads and checks the upload's options; a message naming the field when one is wrong. */
export function importOptions(
  query: ImportQuery,
):
  | { source: string | null; year: number | null; within: string | null; strategy: ImportStrategy; override: MappingOverride | null }
  | { field: string; message: string } {
  const within = query.within?.trim() || null;
  if (within && !/^\d{2,5}$/.test(within))
    return { field: 'within', message: `within must be the code of a province, district or commune (e.g. "40"), got "${query.within}"` };
  const source = query.source?.trim() || null;
  if (source && (source.length > 200 || /\p{Cc}/u.test(source)))
    return { field: 'source', message: 'source must be a short name without control characters' };
  let year: number | null = null;
  if (query.year !== undefined && query.year !== '') {
    year = Number(query.year);
    if (!Number.isInteger(year) || year < 2010 || year > 2100)
      return { field: 'year', message: `year must be a whole year between 2010 and 2100, got "${query.year}"` };
  }
  const strategy = (query.strategy?.trim() || 'CREATE_AND_UPDATE') as ImportStrategy;
  if (!IMPORT_STRATEGIES.includes(strategy))
    return { field: 'strategy', message: `strategy must be one of ${IMPORT_STRATEGIES.join(', ')}, got "${query.strategy}"` };
  let override: MappingOverride | null = null;
  if (query.mapping) {
    try {
      override = JSON.parse(query.mapping) as MappingOverride;
      if (typeof override !== 'object' || override === null || Array.isArray(override)) throw new Error('not an object');
    } catch {
      return {
        field: 'mapping',
        message: 'mapping must be a JSON object such as {"columns": {"unitName": "Tên xã"}, "indicatorColumns": {"5": "8.4"}}',
      };
    }
  }
  return { source, year, within, strategy, override };
}

/**
 * The criteria subgraph's internal upload endpoint: `POST /imports` with the file as the raw body
 * (the gateway streams it on from its multipart upload). The body is streamed to a temporary file
 * (hashed on the way, at most 50 MB), a RUNNING job is recorded, 202 `{ id }` is answered, and the
 * dry run continues in the background.
 */
export async function importRoutes(app: FastifyInstance, deps: SubgraphRouteDeps): Promise<void> {
  // Build the name matchers of both lists once the server is up, so the first upload does not wait for them.
  app.addHook('onReady', async () => {
    void unitResolver(deps.orm.em.fork()).catch((error) =>
      deps.logger.warn('import name matchers not prebuilt', { message: (error as Error).message }),
    );
  });
  await app.register(async (scope) => {
    // The body stays a stream: never parsed, never buffered.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    scope.post<{ Querystring: ImportQuery }>(
      '/imports',
      { bodyLimit: MAX_IMPORT_BYTES + 1024 },
      async (request: FastifyRequest<{ Querystring: ImportQuery }>, reply) => {
        const body = request.body as Readable | undefined;
        // Only the gateway calls this, forwarding the signed-in user as it does for /graphql.
        let user: User | null;
        try {
          user = await deps.identify(request);
        } catch (error) {
          body?.resume();
          return refuse(reply, 401, (error as Error).message);
        }
        if (!user) {
          body?.resume();
          return refuse(reply, 401, 'uploading a file needs a signed-in user');
        }
        if (!hasRole(user, ...IMPORT_ROLES)) {
          body?.resume();
          return refuse(
            reply,
            403,
            `importing needs the role ${IMPORT_ROLES.join(' or ')}; "${user.sub}" has ${user.roles.join(', ') || 'no role of this graph'}`,
          );
        }
        const options = importOptions(request.query ?? {});
        if ('field' in options) {
          body?.resume();
          return refuse(reply, 400, options.message, options.field);
        }
        if (!body) return refuse(reply, 400, 'no file: send the file as the request body', 'file');
        const rawName = request.headers[IMPORT_FILE_NAME_HEADER];
        const fileName = (typeof rawName === 'string' ? decodeURIComponent(rawName) : '').slice(0, 255) || 'upload';
        const createdBy = user.sub;

        const dir = await mkdtemp(path.join(tmpdir(), 'ntm-import-'));
        const filePath = path.join(dir, 'file');
        const hash = createHash('sha256');
        let bytes = 0;
        const meter = new Transform({
          transform(chunk: Buffer, _enc, callback) {
            bytes += chunk.length;
            if (bytes > MAX_IMPORT_BYTES) return callback(new TooLarge());
            hash.update(chunk);
            callback(null, chunk);
          },
        });
        try {
          await pipeline(body, meter, createWriteStream(filePath));
        } catch (error) {
          await rm(dir, { recursive: true, force: true });
          if (error instanceof TooLarge) return refuse(reply, 413, `the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`, 'file');
          throw error;
        }
        if (bytes === 0) {
          await rm(dir, { recursive: true, force: true });
          return refuse(reply, 400, 'the file is empty', 'file');
        }
        const id = randomUUID();
        await deps.orm.em
          .fork()
          .getConnection()
          .execute(
            `insert into import_job (id, status, file_name, file_hash, file_bytes, source, year, within_code, strategy, created_by) values (?, 'RUNNING', ?, ?, ?, ?, ?, ?, ?, ?)`,
            [id, fileName, hash.digest('hex'), bytes, options.source, options.year, options.within, options.strategy, createdBy],
          );
        void runDryRun(deps.orm, deps.logger.child({ importId: id }), {
          jobId: id,
          filePath,
          fileBytes: bytes,
          source: options.source,
          year: options.year,
          within: options.within,
          override: options.override,
        }).finally(() => rm(dir, { recursive: true, force: true }));
        return reply.code(202).send({ id });
      },
    );
  });
}
