import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { FastifyInstance } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import { maskErrors } from '../errors';
import type { Logger } from '../logger';
import { serveGraphQL, type RunningHttpServer } from './http-graphql';
import { noNulPlugin } from './no-nul-plugin';
import { jitGateway } from './jit-executor';
import type { SubgraphContext } from '../context';
import { IDENTITY_HEADER, verifyInternalIdentity } from '../auth/internal-token';

export interface SubgraphServerOptions<TLoaders, TServices = unknown> {
  name: string;
  schema: GraphQLSchema;
  orm: MikroORM;
  logger: Logger;
  port: number;
  host?: string;
  /** Adds the subgraph's own HTTP routes before the server listens (SubgraphModule.routes). */
  configure?: (app: FastifyInstance) => Promise<void> | void;
  /** Secret shared with the gateway: every /graphql request must carry an identity signed with it (else 401). */
  internalAuthSecret: string;
  /** Fresh services for one request. */
  createServices?: (ctx: Omit<SubgraphContext<TLoaders, TServices>, 'loaders' | 'services'>) => TServices;
  /** Fresh DataLoaders for one request (they call the services). */
  createLoaders: (ctx: Omit<SubgraphContext<TLoaders, TServices>, 'loaders'>) => TLoaders;
}

/**
 * Serves one subgraph: Apollo Server with error masking, a per-request context (forked
 * EntityManager + DataLoaders + request id), health and readiness endpoints.
 */
export async function startSubgraphServer<TLoaders, TServices>(options: SubgraphServerOptions<TLoaders, TServices>): Promise<RunningHttpServer> {
  const logger = options.logger;
  const apollo = new ApolloServer<SubgraphContext<TLoaders, TServices>>({
    // graphql-jit instead of graphql-js's interpreter (issue 14: the province pull); Apollo Server 5
    // takes a custom executor only through its gateway option. NTM_GRAPHQL_EXECUTOR=graphql-js
    // turns it off (to compare, or if a query misbehaves under graphql-jit).
    ...(process.env.NTM_GRAPHQL_EXECUTOR === 'graphql-js' ? { schema: options.schema } : { gateway: jitGateway(options.schema) }),
    formatError: maskErrors(logger),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    csrfPrevention: false,
    // No cache-control hints are used in this graph; the plugin's per-field hook made Apollo wrap
    // every resolver (a province pull resolves ~200,000 fields).
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled(), noNulPlugin],
  });
  const running = await serveGraphQL({
    apollo,
    port: options.port,
    host: options.host,
    ready: async () => options.orm.isConnected(),
    configure: options.configure,
    logger,
    context: async ({ req, requestId }) => {
      const user = await verifyInternalIdentity(options.internalAuthSecret, req.headers[IDENTITY_HEADER] as string | undefined);
      const base = { em: options.orm.em.fork(), requestId, logger: logger.child({ requestId }), user };
      const withServices = { ...base, services: options.createServices?.(base) as TServices };
      return { ...withServices, loaders: options.createLoaders(withServices) };
    },
  });
  logger.info('subgraph listening', { subgraph: options.name, url: running.url });
  return running;
}
