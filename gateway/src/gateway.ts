import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { createLogger, maskErrors, serveGraphQL, type Logger, type RunningHttpServer } from '@ntm/kit';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { operationChecksPlugin } from './plugins/operation-checks';
import { DEFAULT_LIMITS, limitsOptions, type GatewayLimits } from './plugins/limits';
import { persistedOperationsCache, persistedOperationsPlugin, type PersistedOperations } from './plugins/persisted-operations';
import { strictScalarsPlugin } from './plugins/strict-scalars';

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
  /** Request limits (depth, aliases, cost, sizes …); unset ones keep DEFAULT_LIMITS. */
  limits?: Partial<GatewayLimits>;
  /** Longest wait for one subgraph fetch, in ms (default 30 s); what timed out answers a masked error, the rest of the answer still comes back. */
  subgraphTimeoutMs?: number;
  /** When set, only these operations run (production allow-list; see plugins/persisted-operations.ts). */
  persistedOperations?: PersistedOperations;
}

/**
 * 30 s, the same as the subgraphs' statement timeout. Not 10 s: matching 20,000 names in one
 * request (a supported bulk call, in the e2e suite) takes about 10 s on a loaded 2-core machine.
 * A deployment with no such bulk calls can set SUBGRAPH_TIMEOUT_MS lower.
 */
export const DEFAULT_SUBGRAPH_TIMEOUT_MS = 30_000;

interface GatewayContext {
  requestId: string;
}

/**
 * The one endpoint clients use: Apollo Gateway over the committed supergraph, with error
 * masking, strict scalars and query limits, forwarding a request id to every subgraph.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningHttpServer> {
  const logger = options.logger ?? createLogger({ service: 'gateway' });
  const limits = limitsOptions({ ...DEFAULT_LIMITS, ...options.limits });
  const timeoutMs = options.subgraphTimeoutMs ?? DEFAULT_SUBGRAPH_TIMEOUT_MS;
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => {
      const source = new RemoteGraphQLDataSource<GatewayContext>({
        url: options.subgraphUrls?.[name] ?? url,
        willSendRequest({ request, context }) {
          if (context.requestId) request.http?.headers.set('x-request-id', context.requestId);
        },
      });
      // The default fetcher waits forever: bound each subgraph fetch (response and body) with an
      // AbortSignal, so a hung subgraph costs one masked error in the answer, not a held request.
      const fetcher = source.fetcher;
      source.fetcher = (input, init) => fetcher(input, { ...init, signal: AbortSignal.timeout(timeoutMs) } as typeof init);
      return source;
    },
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
  await apollo.start();
  const running = await serveGraphQL({
    apollo,
    port: options.port,
    host: options.host,
    corsOrigin: options.corsOrigin ?? '*',
    context: async ({ req }: { req: IncomingMessage }) => ({
      requestId: (req.headers['x-request-id'] as string | undefined) ?? randomUUID(),
    }),
  });
  logger.info('gateway listening', { url: running.url });
  return running;
}

export function readSupergraph(path: string): string {
  return readFileSync(path, 'utf8');
}
