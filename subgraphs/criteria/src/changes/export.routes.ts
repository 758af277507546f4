import { IDENTITY_HEADER, verifyInternalIdentity, type SubgraphRouteDeps } from '@ntm/kit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { exportAccess, parseExportRequest, type ExportCaller } from '../domain/changes/export-access';
import { DATA_DICTIONARY } from './data-dictionary';
import { createExportPool, ExportRefusal, IndicatorValueExporter } from './exporter';

/** Where the gateway reaches the exports of this subgraph (`GET /exports/*` there → `/internal/exports/*` here). */
export const INTERNAL_EXPORTS_PREFIX = '/internal/exports';

export interface ExportRouteOptions {
  /**
   * The caller of a request; null for an anonymous reader. Default: the identity the gateway
   * verified and forwarded (x-ntm-identity, signed with INTERNAL_AUTH_SECRET); a request without a
   * valid one is refused with 401, as /graphql is — exports are reached through the gateway only.
   */
  callerOf?: (request: FastifyRequest) => Promise<ExportCaller | null>;
}

const errorBody = (status: number, field: string, message: string) => ({
  errors: [{ message, extensions: { code: status === 403 ? 'FORBIDDEN' : status === 503 ? 'UNAVAILABLE' : 'BAD_USER_INPUT', field } }],
});

/**
 * The criteria subgraph's export routes: streamed indicator values (snapshot or changes since a
 * cursor), the data dictionary and licence. Their own connection pool, on the read replica when
 * DATABASE_REPLICA_URL is set, so exports never take a connection from interactive users.
 */
export function registerExportRoutes(app: FastifyInstance, deps: SubgraphRouteDeps, options: ExportRouteOptions = {}): () => Promise<void> {
  const pool = createExportPool({
    url: process.env.DATABASE_REPLICA_URL || deps.databaseUrl,
    schema: deps.schema,
    max: process.env.EXPORT_POOL_MAX ? Number(process.env.EXPORT_POOL_MAX) : undefined,
  });
  pool.on('error', (error) => deps.logger.warn('export pool connection failed', { error: error.message }));
  const exporter = new IndicatorValueExporter(pool);
  const callerOf =
    options.callerOf ??
    ((request: FastifyRequest) => verifyInternalIdentity(deps.internalAuthSecret, request.headers[IDENTITY_HEADER] as string | undefined));

  app.get(`${INTERNAL_EXPORTS_PREFIX}/indicator-values`, async (request, reply) => {
    const parsed = parseExportRequest(request.query as Record<string, unknown>, String(request.headers['accept-encoding'] ?? ''));
    if (!parsed.ok) return reply.code(400).send(errorBody(400, parsed.field, `${parsed.field}: ${parsed.reason}`));
    let caller: ExportCaller | null;
    try {
      caller = await callerOf(request);
    } catch (error) {
      return reply.code(401).send({ errors: [{ message: (error as Error).message, extensions: { code: 'UNAUTHENTICATED' } }] });
    }
    const access = exportAccess(caller, parsed.request.publishedOnly);
    try {
      const prepared = await exporter.prepare(parsed.request, access, request.headers['if-none-match']);
      reply.headers(prepared.headers);
      if (!prepared.body) return reply.code(304).send();
      prepared.done.catch(() => undefined);
      return reply.send(prepared.body);
    } catch (error) {
      if (error instanceof ExportRefusal) {
        if (error.status === 503) reply.header('retry-after', '30');
        return reply.code(error.status).send(errorBody(error.status, error.field, error.message));
      }
      throw error;
    }
  });

  app.get(`${INTERNAL_EXPORTS_PREFIX}/dictionary`, async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=3600').send(DATA_DICTIONARY),
  );

  return async () => {
    await pool.end();
  };
}
