import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { createLogger, maskErrors, serveGraphQL, type Logger, type RunningHttpServer } from '@ntm/kit';
import { readFileSync } from 'node:fs';
import { operationChecksPlugin } from './plugins/operation-checks';
import { queryLimitsPlugin } from './plugins/query-limits';
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
}

interface GatewayContext {
  requestId: string;
}

/**
 * The one endpoint clients use: Apollo Gateway over the committed supergraph, with error
 * masking, strict scalars and query limits, forwarding a request id to every subgraph.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningHttpServer> {
  const logger = options.logger ?? createLogger({ service: 'gateway' });
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource<GatewayContext>({
        url: options.subgraphUrls?.[name] ?? url,
        willSendRequest({ request, context }) {
          if (context.requestId) request.http?.headers.set('x-request-id', context.requestId);
        },
      }),
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: maskErrors(logger),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    plugins: [strictScalarsPlugin, operationChecksPlugin, queryLimitsPlugin()],
  });
  // serveGraphQL starts Apollo (after adding Fastify's drain plugin) and passes the request id.
  const running = await serveGraphQL({
    apollo,
    port: options.port,
    host: options.host,
    corsOrigin: options.corsOrigin ?? '*',
    logger,
    context: async ({ requestId }) => ({ requestId }),
  });
  logger.info('gateway listening', { url: running.url });
  return running;
}

export function readSupergraph(path: string): string {
  return readFileSync(path, 'utf8');
}
