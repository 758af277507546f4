import { ApolloServer, HeaderMap, type BaseContext, type ContextFunction } from '@apollo/server';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const MAX_BODY_BYTES = 10 * 1024 * 1024;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw Object.assign(new Error('request body too large'), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

export interface HttpGraphQLOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  context: ContextFunction<[{ req: IncomingMessage }], TContext>;
  /** Answers GET /health (liveness) and GET /ready (readiness). */
  ready?: () => Promise<boolean>;
  port: number;
  host?: string;
  /** Allowed browser origin for CORS ("*" for any); no CORS headers when absent. */
  corsOrigin?: string;
  /** Extra GET endpoints answering JSON, by path (the gateway's /.well-known/jwks.json). */
  jsonRoutes?: Record<string, () => unknown>;
}

export interface RunningHttpServer {
  server: Server;
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * A plain node:http server around Apollo Server's HTTP API: POST/GET /graphql, GET /health and
 * GET /ready. No framework: the subgraphs need nothing else.
 */
export async function serveGraphQL<TContext extends BaseContext>(
  options: HttpGraphQLOptions<TContext>,
): Promise<RunningHttpServer> {
  const { apollo } = options;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (options.corsOrigin) {
      res.setHeader('access-control-allow-origin', options.corsOrigin);
      res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
      res.setHeader('access-control-allow-headers', 'content-type, authorization, x-request-id, apollo-require-preflight');
      res.setHeader('access-control-max-age', '600');
      if (req.method === 'OPTIONS') {
        res.statusCode = 204;
        return res.end();
      }
    }
    try {
      if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok' });
      if (url.pathname === '/ready') {
        const ok = options.ready ? await options.ready() : true;
        return sendJson(res, ok ? 200 : 503, { status: ok ? 'ready' : 'not ready' });
      }
      const route = req.method === 'GET' ? options.jsonRoutes?.[url.pathname] : undefined;
      if (route) return sendJson(res, 200, route());
      if (url.pathname !== '/graphql') return sendJson(res, 404, { error: 'not found; the API is at /graphql' });
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const text = req.method === 'POST' ? await readBody(req) : '';
      // PostgreSQL text cannot hold NUL; say so here rather than fail deep inside a query.
      if (text.includes('\\u0000') || text.includes('\u0000') || url.search.includes('%00')) {
        return sendJson(res, 400, { errors: [{ message: 'strings may not contain the NUL character (\\u0000)', extensions: { code: 'BAD_REQUEST' } }] });
      }
      let body: unknown = text;
      if (text && (headers.get('content-type') ?? '').includes('application/json')) {
        try {
          body = JSON.parse(text);
        } catch {
          return sendJson(res, 400, { errors: [{ message: 'request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
        }
      }
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: () => options.context({ req }),
      });
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') {
        res.end(response.body.string);
      } else {
        for await (const chunk of response.body.asyncIterator) res.write(chunk);
        res.end();
      }
    } catch (error) {
      const status = (error as { status?: number }).status ?? 500;
      if (!res.headersSent) {
        sendJson(res, status, {
          errors: [{ message: status === 413 ? 'request body too large' : 'Internal server error', extensions: { code: status === 413 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR' } }],
        });
      } else {
        res.end();
      }
    }
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: `http://${options.host ?? '127.0.0.1'}:${port}/graphql`,
    stop: async () => {
      await apollo.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
