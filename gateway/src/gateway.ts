import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { createLogger, IDENTITY_HEADER, maskErrors, serveGraphQL, type Logger, type RunningHttpServer, type User } from '@ntm/kit';
import { subgraphFetcher } from './plugins/subgraph-fetcher';
import { operationChecksPlugin } from './plugins/operation-checks';
import { DEFAULT_LIMITS, limitsOptions, type GatewayLimits } from './plugins/limits';
import { persistedOperationsCache, persistedOperationsPlugin, type PersistedOperations } from './plugins/persisted-operations';
import { strictScalarsPlugin } from './plugins/strict-scalars';
import { registerExportProxy } from './exports/proxy';
import { installResultShaping } from './execution/install';
import { declaredSubgraphs, declaredSubgraphUrl } from './supergraph';
import { createAuthenticator, type GatewayAuthSettings } from './auth';
import { importAuthenticator, registerImportRoutes, type UploadAuthenticator } from './imports';

export interface GatewayOptions {
  /** The composed supergraph SDL (schema/supergraph.graphql). */
  supergraphSdl: string;
  /** Subgraph name → URL, overriding the URLs written in the supergraph. */
  subgraphUrls?: Record<string, string>;
  port: number;
  host?: string;
  /** Browser origin allowed by CORS; default "*" (a public, read-mostly graph). */
  corsOrigin?: string;
  logger?: Logger;
  /** Sign-in: token verification and the secret the forwarded identity is signed with. */
  auth: GatewayAuthSettings;
  /** Request limits (depth, aliases, cost, sizes …); unset ones keep DEFAULT_LIMITS. */
  limits?: Partial<GatewayLimits>;
  /** Longest wait for one subgraph fetch, in ms (default 30 s); what timed out answers a masked error, the rest of the answer still comes back. */
  subgraphTimeoutMs?: number;
  /** When set, only these operations run (production allow-list; see plugins/persisted-operations.ts). */
  persistedOperations?: PersistedOperations;
  /** Who may upload a file to POST /imports (default: the gateway's sign-in, as for /graphql). */
  importAuthenticator?: UploadAuthenticator;
}

/**
 * 30 s, the same as the subgraphs' statement timeout. Not 10 s: matching 20,000 names in one
 * request (a supported bulk call, in the e2e suite) takes about 10 s on a loaded 2-core machine.
 * A deployment with no such bulk calls can set SUBGRAPH_TIMEOUT_MS lower.
 */
export const DEFAULT_SUBGRAPH_TIMEOUT_MS = 30_000;

// @apollo/gateway reports usage to Apollo's cloud and probes cloud metadata addresses
// (169.254.169.254) unless told not to. A national data platform sends nothing anywhere by default.
process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';

interface GatewayContext {
  requestId: string;
  /** The verified user; null for an anonymous reader. */
  user: User | null;
  /** The identity forwarded to every subgraph (x-ntm-identity), signed with the internal secret. */
  identity: string;
}

/**
 * The one endpoint clients use: Apollo Gateway over the committed supergraph, with error
 * masking, strict scalars and query limits, forwarding a request id to every subgraph.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningHttpServer> {
  const logger = options.logger ?? createLogger({ service: 'gateway' });
  const auth = createAuthenticator(options.auth);
  const limits = limitsOptions({ ...DEFAULT_LIMITS, ...options.limits });
  // One fetcher (one keep-alive connection pool) for every subgraph; each fetch, response and body,
  // is bounded, so a hung subgraph costs one masked error in the answer, not a held request.
  const fetcher = subgraphFetcher({ timeoutMs: options.subgraphTimeoutMs ?? DEFAULT_SUBGRAPH_TIMEOUT_MS });
  // Post-processing of answers (see execution/result-shaping.ts): a quarter of a province pull's time in Apollo's own.
  installResultShaping(logger);
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource<GatewayContext>({
        url: options.subgraphUrls?.[name] ?? url,
        fetcher,
        willSendRequest({ request, context }) {
          if (context.requestId) request.http?.headers.set('x-request-id', context.requestId);
          if (context.identity) request.http?.headers.set(IDENTITY_HEADER, context.identity);
        },
      }),
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: maskErrors(logger),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    ...(options.persistedOperations ? { persistedQueries: { cache: persistedOperationsCache(options.persistedOperations) } } : {}),
    plugins: [
      strictScalarsPlugin,
      operationChecksPlugin,
      ...limits.plugins,
      ...(options.persistedOperations ? [persistedOperationsPlugin(options.persistedOperations)] : []),
    ],
  });
  // serveGraphQL starts Apollo (after adding Fastify's drain plugin) and passes the request id.
  const running = await serveGraphQL({
    apollo,
    port: options.port,
    host: options.host,
    corsOrigin: options.corsOrigin ?? '*',
    logger,
    // The embedded issuer's public keys, for clients and for anyone checking a token; file imports
    // streamed on to the criteria subgraph (which owns the values), and bulk pulls and open data
    // (GET /exports/*) streamed back from the subgraph that declares each export — all behind the same sign-in.
    configure: async (app) => {
      if (auth.publicJwks) app.get('/.well-known/jwks.json', async () => auth.publicJwks);
      const criteriaUrl = options.subgraphUrls?.criteria ?? declaredSubgraphUrl(options.supergraphSdl, 'criteria');
      if (criteriaUrl) {
        await registerImportRoutes(app, { criteriaUrl, authenticate: options.importAuthenticator ?? importAuthenticator(auth), logger });
      }
      // GET /exports/<name>: to the subgraph whose export index lists it.
      registerExportProxy(app, {
        subgraphUrls: Object.fromEntries(declaredSubgraphs(options.supergraphSdl).map((s) => [s.name, options.subgraphUrls?.[s.name] ?? s.url])),
        identityHeaders: async (request) => ({ [IDENTITY_HEADER]: await auth.forward(await auth.authenticate(request.headers.authorization)) }),
        serviceHeaders: async () => ({ [IDENTITY_HEADER]: await auth.forward(null) }),
      });
    },
    context: async ({ req, requestId }) => {
      const user = await auth.authenticate(req.headers.authorization);
      return { requestId, user, identity: await auth.forward(user) };
    },
  });
  logger.info('gateway listening', { url: running.url });
  return running;
}

export { readSupergraph, subgraphNamesOf } from './supergraph';
