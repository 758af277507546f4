import type { FastifyInstance, FastifyRequest } from 'fastify';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { ExportDirectory, type IndexFetcher } from './directory';

/** Response headers of an export passed on to the client. */
const PASSED_HEADERS = ['content-type', 'content-encoding', 'etag', 'cache-control', 'x-ntm-cursor', 'x-ntm-data-version', 'retry-after'];

export interface ExportProxyOptions {
  /** Every subgraph's GraphQL URL by name (the path is replaced): each lists its exports at /internal/exports. */
  subgraphUrls: Record<string, string>;
  /** Headers that tell the subgraph who is asking: the verified identity (x-ntm-identity); may throw for a bad token (401). */
  identityHeaders?: (request: FastifyRequest) => Promise<Record<string, string>>;
  /** Headers of the gateway's own anonymous requests (reading the subgraphs' export indexes). */
  serviceHeaders?: () => Promise<Record<string, string>>;
  /** Reads one subgraph's index (default: GET <subgraph>/internal/exports). */
  fetchIndex?: IndexFetcher;
}

const notFound = (name: string) => ({
  errors: [{ message: `no export "${name.slice(0, 40)}"; GET /exports lists every export`, extensions: { code: 'NOT_FOUND' } }],
});

/** GET a URL and resolve with the response (status and streamed body), or null when unreachable. */
function get(url: URL, headers: Record<string, string>): Promise<IncomingMessage | null> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<IncomingMessage>((resolve, reject) => {
    const outgoing = send(url, { method: 'GET', headers }, resolve);
    outgoing.on('error', reject);
    outgoing.end();
  }).catch(() => null);
}

/** The default index reader: GET <subgraph>/internal/exports, JSON, within 5 s. */
export const httpIndexFetcher =
  (serviceHeaders?: () => Promise<Record<string, string>>): IndexFetcher =>
  async (graphqlUrl) => {
    const res = await fetch(new URL('/internal/exports', graphqlUrl), {
      headers: (await serviceHeaders?.()) ?? {},
      signal: AbortSignal.timeout(5000),
    });
    if (res.status === 404) return null;
    if (!res.ok) throw new Error(`index answered ${res.status}`);
    return (await res.json()) as Awaited<ReturnType<IndexFetcher>>;
  };

/**
 * `GET /exports/<name>` on the gateway: streamed through to `/internal/exports/<name>` of the
 * subgraph whose index lists that export (no export is named here: each subgraph declares its
 * own), with backpressure (bytes are piped, never buffered; gzip is done once, by the subgraph),
 * with the caller's identity, Accept-Encoding and If-None-Match. `GET /exports` answers the merged
 * index: every export, its subgraph, parameters, formats, access and a description of every column.
 */
export function registerExportProxy(app: FastifyInstance, options: ExportProxyOptions): ExportDirectory {
  const directory = new ExportDirectory(options.subgraphUrls, options.fetchIndex ?? httpIndexFetcher(options.serviceHeaders));

  const index = async (_request: FastifyRequest, reply: import('fastify').FastifyReply) => {
    const merged = await directory.index();
    return reply.header('cache-control', 'public, max-age=60').send(merged);
  };
  app.get('/exports', index);
  app.get('/exports/', index);

  app.get('/exports/*', async (request, reply) => {
    const rest = (request.params as { '*': string })['*'];
    if (!/^[a-z0-9-]{1,40}$/.test(rest)) return reply.code(404).send(notFound(rest));
    const route = await directory.resolve(rest);
    if (!route) return reply.code(404).send(notFound(rest));
    const queryAt = request.url.indexOf('?');
    const url = new URL(`/internal/exports/${rest}${queryAt >= 0 ? request.url.slice(queryAt) : ''}`, route.url);
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
    const upstream = await get(url, headers);
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
  return directory;
}
