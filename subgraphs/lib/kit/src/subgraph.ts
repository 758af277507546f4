import type { MikroORM } from '@mikro-orm/postgresql';
import type { FastifyInstance } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import { createLogger, errorFields, type Logger } from './logger';
import { initORM, migrate, type OrmSettings } from './orm/init-orm';
import { startSubgraphServer } from './server/start-subgraph';
import type { RunningHttpServer } from './server/http-graphql';
import type { SubgraphContext } from './context';
import { port as portSetting, postgresUrl, readEnv } from './env/read-env';

/** Everything that makes one subgraph: its data, its schema, its loaders, its seed. */
export interface SubgraphModule<TLoaders = unknown> {
  /** Name in the supergraph, e.g. "admin-units"; its variables are derived from it (`ADMIN_UNITS_PORT`, `ADMIN_UNITS_URL`). */
  name: string;
  /** The PostgreSQL schema it owns. */
  schema: string;
  /** Port of its own process under `npm start` (overridden by `<NAME>_PORT`). */
  defaultPort: number;
  /** Subgraphs whose public API it reads while starting (e.g. a replica it pulls); they start before it. */
  pullsFrom?: string[];
  entities: OrmSettings['entities'];
  migrations: OrmSettings['migrations'];
  buildSchema(): Promise<GraphQLSchema>;
  createLoaders(ctx: Omit<SubgraphContext<TLoaders>, 'loaders'>): TLoaders;
  /**
   * HTTP routes beside /graphql (e.g. streamed exports), added before the server listens. What a
   * route opens (pools, files) it closes in the returned function, called when the subgraph stops.
   */
  routes?(app: FastifyInstance, deps: SubgraphRouteDeps): Promise<(() => Promise<void>) | void> | (() => Promise<void>) | void;
  /** Idempotent seed of the default dataset. */
  seed?(orm: MikroORM, logger: Logger, peers: PeerUrls): Promise<void>;
}

/** What a subgraph's HTTP routes receive. */
export interface SubgraphRouteDeps {
  orm: MikroORM;
  logger: Logger;
  /** The database the subgraph runs on (routes may open their own pool on it or on a replica). */
  databaseUrl: string;
  /** The PostgreSQL schema the subgraph owns. */
  schema: string;
}

/** GraphQL URLs of the other subgraphs, by name, for subgraphs that pull data over the API. */
export type PeerUrls = Record<string, string>;

/** The prefix of a subgraph's environment variables: "admin-units" → "ADMIN_UNITS". */
export const envPrefixOf = (name: string): string => name.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
/** The variable that sets a subgraph's port: "admin-units" → "ADMIN_UNITS_PORT". */
export const portVariableOf = (name: string): string => `${envPrefixOf(name)}_PORT`;
/** The variable that tells others (the gateway, peers) a subgraph's GraphQL URL: "ADMIN_UNITS_URL". */
export const urlVariableOf = (name: string): string => `${envPrefixOf(name)}_URL`;

/** True for the object a subgraph package exports as `subgraph` (how the registry recognises one). */
export function isSubgraphModule(value: unknown): value is SubgraphModule<unknown> {
  const m = value as Partial<SubgraphModule<unknown>> | undefined;
  return !!m && typeof m.name === 'string' && typeof m.schema === 'string' && typeof m.defaultPort === 'number' && typeof m.buildSchema === 'function';
}

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
    let closeRoutes: (() => Promise<void>) | void = undefined;
    const server = await startSubgraphServer({
      configure: module.routes
        ? async (app) => {
            closeRoutes = await module.routes!(app, { orm, logger, databaseUrl: options.databaseUrl, schema: module.schema });
          }
        : undefined,
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
        if (closeRoutes) await closeRoutes();
        await orm.close();
      },
    };
  } catch (error) {
    await orm.close();
    throw error;
  }
}

/**
 * The `main()` of a subgraph process: its settings from the environment (`DATABASE_URL`,
 * `<NAME>_PORT`, `<PEER>_URL` for each subgraph it pulls from), then run, and stop cleanly on
 * SIGINT/SIGTERM.
 */
export function runAsProcess<TLoaders>(module: SubgraphModule<TLoaders>, source: NodeJS.ProcessEnv = process.env): void {
  const logger = createLogger({ service: module.name });
  const start = async () => {
    const env = readEnv(
      { databaseUrl: ['DATABASE_URL', postgresUrl], port: [portVariableOf(module.name), portSetting(module.defaultPort)] },
      source,
    );
    const peers: PeerUrls = {};
    for (const peer of module.pullsFrom ?? []) {
      const url = source[urlVariableOf(peer)];
      if (url) peers[peer] = url;
    }
    return runSubgraph(module, { ...env, peers, logger });
  };
  start()
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
