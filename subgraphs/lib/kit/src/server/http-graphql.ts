import type { ApolloServer, BaseContext } from '@apollo/server';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import cors from '@fastify/cors';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest, type HTTPMethods } from 'fastify';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorFields, type Logger } from '../logger';
import { requestIdFrom } from './request-id';

/** Largest request body accepted (bytes); larger bodies are answered with 413. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** What the context function receives for one GraphQL request. */
export interface GraphQLContextArgs {
  /** The Node request (headers, socket). */
  req: IncomingMessage;
  /** Fastify's request (anything hooks decorated it with, e.g. an authenticated caller). */
  request: FastifyRequest;
  reply: FastifyReply;
  /** The caller's `x-request-id` when it is a sensible id, else a fresh UUID. */
  requestId: string;
}

export interface HttpGraphQLOptions<TContext extends BaseContext> {
  /**
   * The Apollo Server, not yet started: serveGraphQL adds the Fastify drain plugin (stopping
   * Apollo closes the HTTP server after in-flight requests) and starts it. An Apollo Server already
   * started is accepted too; stop() then closes Fastify before stopping Apollo.
   */
  apollo: ApolloServer<TContext>;
  context: (args: GraphQLContextArgs) => Promise<TContext>;
  /** Answers GET /health (liveness) and GET /ready (readiness). */
  ready?: () => Promise<boolean>;
  port: number;
  host?: string;
  /** Allowed browser origin for CORS ("*" for any); no CORS headers when absent. */
  corsOrigin?: string;
  /** Where unexpected errors reaching the HTTP layer are logged; nothing is logged when absent. */
  logger?: Logger;
  /**
   * Called before listening, after /graphql, /health and /ready exist: add routes, hooks
   * (authentication) or plugins (rate limits) here.
   */
  configure?: (app: FastifyInstance) => Promise<void> | void;
}

export interface RunningHttpServer {
  server: Server;
  /** The Fastify instance serving the endpoint. */
  app: FastifyInstance;
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** A refusal of a client's request, answered with HTTP 400 and this message. */
export class BadHttpRequest extends Error {
  readonly statusCode = 400;
}

/** The body of every HTTP-level error: GraphQL's error shape, so clients read one format. */
export function httpErrorBody(message: string, code: string): { errors: { message: string; extensions: { code: string } }[] } {
  return { errors: [{ message, extensions: { code } }] };
}

const NUL_MESSAGE = 'strings may not contain the NUL character (\\u0000)';
const CODE_BY_STATUS: Record<number, string> = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 429: 'RATE_LIMITED' };

/** GraphQL over any method but OPTIONS, which belongs to CORS when it is on (Apollo answers 405 to the rest). */
const GRAPHQL_METHODS: HTTPMethods[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Parses a /graphql body: refuses NUL characters, parses JSON bodies, leaves others as text for Apollo to judge. */
function parseGraphQLBody(request: FastifyRequest, text: string): unknown {
  // PostgreSQL text cannot hold NUL; say so here rather than fail deep inside a query.
  if (text.includes('\\u0000') || text.includes('\u0000')) throw new BadHttpRequest(NUL_MESSAGE);
  if (text && (request.headers['content-type'] ?? '').includes('application/json')) {
    try {
      return JSON.parse(text);
    } catch {
      throw new BadHttpRequest('request body is not valid JSON');
    }
  }
  return text;
}

/**
 * Apollo Server on Fastify: POST/GET /graphql, GET /health (liveness) and GET /ready (readiness,
 * 503 when not ready); bodies over 10 MB answer 413, NUL characters 400; every error answers a
 * JSON body without internals. Fastify's own logger is off: callers log with their own logger.
 */
export async function serveGraphQL<TContext extends BaseContext>(options: HttpGraphQLOptions<TContext>): Promise<RunningHttpServer> {
  const { apollo, logger } = options;
  const host = options.host ?? '127.0.0.1';
  const app = Fastify({
    logger: false,
    bodyLimit: MAX_BODY_BYTES,
    keepAliveTimeout: 65_000,
    genReqId: (req) => requestIdFrom(req.headers['x-request-id']),
  });

  let drainsWithApollo = true;
  try {
    apollo.addPlugin(fastifyApolloDrainPlugin(app));
  } catch {
    drainsWithApollo = false; // started by the caller already
  }
  if (drainsWithApollo) await apollo.start();

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = typeof error?.statusCode === 'number' ? error.statusCode : 500;
    if (error instanceof BadHttpRequest) return reply.code(400).send(httpErrorBody(error.message, 'BAD_REQUEST'));
    if (status === 413) return reply.code(413).send(httpErrorBody('request body too large', 'BAD_REQUEST'));
    // An unparseable Content-Type is a client mistake like any other: 400, as Apollo answers.
    if (status === 415) return reply.code(400).send(httpErrorBody(error.message, 'BAD_REQUEST'));
    if (status >= 400 && status < 500) return reply.code(status).send(httpErrorBody(error.message, CODE_BY_STATUS[status] ?? 'BAD_REQUEST'));
    logger?.error('HTTP request failed', { requestId: request.id, method: request.method, url: request.url, ...errorFields(error) });
    return reply.code(500).send(httpErrorBody('Internal server error', 'INTERNAL_SERVER_ERROR'));
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: 'not found; the API is at /graphql' }));

  if (options.corsOrigin) {
    await app.register(cors, {
      origin: options.corsOrigin,
      methods: ['GET', 'POST', 'OPTIONS'],
      allowedHeaders: ['content-type', 'authorization', 'x-request-id', 'apollo-require-preflight'],
      maxAge: 600,
      // Any OPTIONS request is a preflight (204), with or without the preflight headers.
      strictPreflight: false,
    });
  }

  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/ready', async (request, reply) => {
    let ok = false;
    try {
      ok = options.ready ? await options.ready() : true;
    } catch (error) {
      logger?.warn('readiness check failed', { requestId: request.id, ...errorFields(error) });
    }
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ready' : 'not ready' });
  });

  // /graphql in its own scope: its body parser (raw text, NUL refusal, JSON) does not apply to
  // routes added by `configure`, which keep Fastify's parsers.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string' }, (request, body, done) => {
      try {
        done(null, parseGraphQLBody(request, body as string));
      } catch (error) {
        done(error as Error, undefined);
      }
    });
    scope.route<{ Reply: string }>({
      method: options.corsOrigin ? GRAPHQL_METHODS : [...GRAPHQL_METHODS, 'OPTIONS'],
      url: '/graphql',
      onRequest: async (request) => {
        const queryAt = request.url.indexOf('?');
        if (queryAt >= 0 && request.url.slice(queryAt).includes('%00')) throw new BadHttpRequest(NUL_MESSAGE);
      },
      handler: fastifyApolloHandler(apollo, {
        context: (request, reply) => options.context({ req: request.raw, request, reply, requestId: request.id }),
      }),
    });
  });

  await options.configure?.(app);
  await app.listen({ port: options.port, host });
  const port = (app.server.address() as AddressInfo).port;
  return {
    server: app.server,
    app,
    port,
    url: `http://${host}:${port}/graphql`,
    stop: async () => {
      if (drainsWithApollo) {
        await apollo.stop(); // the drain plugin closes Fastify, letting in-flight requests finish
      } else {
        await app.close();
        await apollo.stop();
      }
    },
  };
}
