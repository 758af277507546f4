import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { GraphQLSchema } from 'graphql';
import { maskErrors } from '../errors';
import type { Logger } from '../logger';
import { serveGraphQL, type RunningHttpServer } from './http-graphql';
import type { SubgraphContext } from '../context';

export interface SubgraphServerOptions<TLoaders> {
  name: string;
  schema: GraphQLSchema;
  orm: MikroORM;
  logger: Logger;
  port: number;
  host?: string;
  /** Adds routes beside /graphql before listening (a module's `routes`). */
  configure?: (app: import('fastify').FastifyInstance) => Promise<void> | void;
  /** Fresh DataLoaders for one request. */
  createLoaders: (ctx: Omit<SubgraphContext<TLoaders>, 'loaders'>) => TLoaders;
}

/**
 * Serves one subgraph: Apollo Server with error masking, a per-request context (forked
 * EntityManager + DataLoaders + request id), health and readiness endpoints.
 */
export async function startSubgraphServer<TLoaders>(
  options: SubgraphServerOptions<TLoaders>,
): Promise<RunningHttpServer> {
  const logger = options.logger;
  const apollo = new ApolloServer<SubgraphContext<TLoaders>>({
    schema: options.schema,
    formatError: maskErrors(logger),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    csrfPrevention: false,
    // No cache-control hints are used in this graph; the plugin's per-field hook made Apollo wrap
    // every resolver (a province pull resolves ~200,000 fields).
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled()],
  });
  const running = await serveGraphQL({
    apollo,
    port: options.port,
    host: options.host,
    ready: async () => options.orm.isConnected(),
    logger,
    configure: options.configure,
    context: async ({ requestId }) => {
      const base = { em: options.orm.em.fork(), requestId, logger: logger.child({ requestId }) };
      return { ...base, loaders: options.createLoaders(base) };
    },
  });
  logger.info('subgraph listening', { subgraph: options.name, url: running.url });
  return running;
}
