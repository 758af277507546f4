import type { MikroORM } from '@mikro-orm/postgresql';
import type { GraphQLSchema } from 'graphql';
import { createLogger, errorFields, type Logger } from './logger';
import { initORM, migrate, type OrmSettings } from './orm/init-orm';
import { startSubgraphServer } from './server/start-subgraph';
import type { RunningHttpServer } from './server/http-graphql';
import type { SubgraphContext } from './context';

/** Everything that makes one subgraph: its data, its schema, its loaders, its seed. */
export interface SubgraphModule<TLoaders = unknown> {
  /** Name in the supergraph, e.g. "admin-units". */
  name: string;
  /** The PostgreSQL schema it owns. */
  schema: string;
  entities: OrmSettings['entities'];
  migrations: OrmSettings['migrations'];
  buildSchema(): Promise<GraphQLSchema>;
  createLoaders(ctx: Omit<SubgraphContext<TLoaders>, 'loaders'>): TLoaders;
  /** Idempotent seed of the default dataset. */
  seed?(orm: MikroORM, logger: Logger, peers: PeerUrls): Promise<void>;
}

/** GraphQL URLs of the other subgraphs, by name, for subgraphs that pull data over the API. */
export type PeerUrls = Record<string, string>;

export interface RunOptions {
  databaseUrl: string;
  port: number;
  host?: string;
  /** Run the default seed after migrating (default true). */
  seed?: boolean;
  logger?: Logger;
  peers?: PeerUrls;
}

export interface RunningSubgraph {
  name: string;
  orm: MikroORM;
  server: RunningHttpServer;
  stop(): Promise<void>;
}

/** Connects, migrates, seeds, serves. Used by each subgraph's `main()` and by the end-to-end tests. */
export async function runSubgraph<TLoaders>(module: SubgraphModule<TLoaders>, options: RunOptions): Promise<RunningSubgraph> {
  const logger = options.logger ?? createLogger({ service: module.name });
  const orm = await initORM({
    databaseUrl: options.databaseUrl,
    schema: module.schema,
    entities: module.entities,
    migrations: module.migrations,
    logger,
  });
  try {
    const applied = await migrate(orm);
    if (applied.length > 0) logger.info('migrations applied', { migrations: applied });
    if (options.seed !== false && module.seed) await module.seed(orm, logger, options.peers ?? {});
    const schema = await module.buildSchema();
    const server = await startSubgraphServer({
      name: module.name,
      schema,
      orm,
      logger,
      port: options.port,
      host: options.host,
      createLoaders: module.createLoaders,
    });
    return {
      name: module.name,
      orm,
      server,
      stop: async () => {
        await server.stop();
        await orm.close();
      },
    };
  } catch (error) {
    await orm.close();
    throw error;
  }
}

/** The `main()` of a subgraph process: env → run → stop cleanly on SIGINT/SIGTERM. */
export function mainOf<TLoaders>(module: SubgraphModule<TLoaders>, env: { databaseUrl: string; port: number; host?: string; peers?: PeerUrls }) {
  const logger = createLogger({ service: module.name });
  runSubgraph(module, { ...env, logger })
    .then((running) => {
      const shutdown = (signal: string) => {
        logger.info('shutting down', { signal });
        running.stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', () => shutdown('SIGINT'));
      process.once('SIGTERM', () => shutdown('SIGTERM'));
    })
    .catch((error) => {
      logger.error('failed to start', errorFields(error));
      process.exit(1);
    });
}
