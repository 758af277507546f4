import { exportPoolOf, INTERNAL_EXPORTS_PREFIX, registerExports, type DatasetExport } from '@ntm/change-log';
import { IDENTITY_HEADER, verifyInternalIdentity, type SubgraphRouteDeps } from '@ntm/kit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { exportAccess, parseExportRequest, type ExportCaller } from '../domain/changes/export-access';
import { DATA_DICTIONARY, INDICATOR_VALUE_EXPORTS } from './data-dictionary';
import { ExportRefusal, IndicatorValueExporter } from './exporter';

export { INTERNAL_EXPORTS_PREFIX };

export interface ExportRouteOptions {
  /**
   * The caller of a request; null for an anonymous reader. Default: the identity the gateway
   * verified and forwarded (x-ntm-identity, signed with INTERNAL_AUTH_SECRET); a request without a
   * valid one is refused with 401, as /graphql is — exports are reached through the gateway only.
   */
  callerOf?: (request: FastifyRequest) => Promise<ExportCaller | null>;
  /** Streamed datasets besides indicator values (reference data and roll-ups). */
  datasets?: DatasetExport[];
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
  const pool = exportPoolOf(deps);
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

  // The index of this subgraph's exports (what the gateway routes by) and the streamed datasets.
  registerExports(app, deps, {
    pool,
    entries: INDICATOR_VALUE_EXPORTS,
    datasets: options.datasets ?? [],
    callerOf: options.callerOf,
  });

  app.get(`${INTERNAL_EXPORTS_PREFIX}/dictionary`, async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=3600').send(DATA_DICTIONARY),
  );

  return async () => {
    await pool.end();
  };
}
