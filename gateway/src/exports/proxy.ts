import type { FastifyInstance, FastifyRequest } from 'fastify';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** Response headers of an export passed on to the client. */
const PASSED_HEADERS = ['content-type', 'content-encoding', 'etag', 'cache-control', 'x-ntm-cursor', 'x-ntm-data-version', 'retry-after'];

export interface ExportProxyOptions {
  /** Base URL of the subgraph serving exports (its /graphql URL: the path is replaced). */
  subgraphGraphqlUrl: string;
  /** Headers that tell the subgraph who is asking: the verified identity (x-ntm-identity); may throw for a bad token (401). */
  identityHeaders?: (request: FastifyRequest) => Promise<Record<string, string>>;
}

/**
 * `GET /exports/*` on the gateway: streamed through to the criteria subgraph's
 * `/internal/exports/*` with backpressure (bytes are piped, never buffered; gzip is done once, by
 * the subgraph), with the caller's identity, Accept-Encoding and If-None-Match.
 */
export function registerExportProxy(app: FastifyInstance, options: ExportProxyOptions): void {
  const target = new URL(options.subgraphGraphqlUrl);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  app.get('/exports/*', async (request, reply) => {
    const rest = (request.params as { '*': string })['*'];
    if (!/^[a-z0-9-]{1,40}$/.test(rest))
      return reply
        .code(404)
        .send({ errors: [{ message: `no export "${rest.slice(0, 40)}"; see /exports/dictionary`, extensions: { code: 'NOT_FOUND' } }] });
    const queryAt = request.url.indexOf('?');
    const url = new URL(`/internal/exports/${rest}${queryAt >= 0 ? request.url.slice(queryAt) : ''}`, target);
    const headers: Record<string, string> = { 'x-request-id': String(request.id) };
    for (const name of ['accept-encoding', 'if-none-match']) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    try {
      Object.assign(headers, (await options.identityHeaders?.(request)) ?? {});
    } catch (error) {
      // A token that does not verify: refused here, as /graphql refuses it.
      const status = (error as { extensions?: { http?: { status?: number } } }).extensions?.http?.status ?? 401;
      return reply.code(status).send({ errors: [{ message: (error as Error).message, extensions: { code: 'UNAUTHENTICATED' } }] });
    }
    const upstream = await new Promise<IncomingMessage>((resolve, reject) => {
      const outgoing = send(url, { method: 'GET', headers }, resolve);
      outgoing.on('error', reject);
      outgoing.end();
    }).catch(() => null);
    if (!upstream) return reply.code(502).send({ errors: [{ message: 'the export service is not reachable', extensions: { code: 'BAD_GATEWAY' } }] });
    // The client went away: stop reading from the subgraph, which stops its COPY.
    reply.raw.on('close', () => upstream.destroy());
    reply.code(upstream.statusCode ?? 502);
    for (const name of PASSED_HEADERS) {
      const value = upstream.headers[name];
      if (typeof value === 'string') reply.header(name, value);
    }
    return reply.send(upstream);
  });
}
