import type { MikroORM } from '@mikro-orm/postgresql';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import { createLogger, errorFields, type Logger } from './logger';
import { initORM, migrate, type OrmSettings } from './orm/init-orm';
import { startSubgraphServer } from './server/start-subgraph';
import { stopOnSignalsOrOrphaned } from './server/process-lifetime';
import type { RunningHttpServer } from './server/http-graphql';
import type { SubgraphContext } from './context';
import { kitEntities, kitMigrations } from './seed/seed-state.entity';
import { port as portSetting, postgresUrl, readEnv } from './env/read-env';
import { configureInternalAuth, IDENTITY_HEADER, verifyInternalIdentity } from './auth/internal-token';
import type { User } from './auth/identity';

/** INTERNAL_AUTH_SECRET: required, at least 32 characters (`npm start` generates one into the data folder). */
const internalSecret = (raw: string | undefined, name: string): string => {
  if (!raw || raw.length < 32)
    throw new Error(`${name} must be set to a secret of at least 32 characters shared with the gateway (npm start generates one)`);
  return raw;
};

/** Everything that makes one subgraph: its data, its schema, its loaders, its seed. */
export interface SubgraphModule<TLoaders = unknown, TServices = unknown> {
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
  /** The request's services (created first, on the request's EntityManager). */
  createServices?(ctx: Omit<SubgraphContext<TLoaders, TServices>, 'loaders' | 'services'>): TServices;
  /** The request's DataLoaders; their batch functions call the services. */
  createLoaders(ctx: Omit<SubgraphContext<TLoaders, TServices>, 'loaders'>): TLoaders;
  /**
   * HTTP routes beside /graphql (a file upload the gateway streams on, streamed exports), added
   * before the server listens; internal to the graph: only the gateway calls them. What a route
   * opens (pools, files) it closes in the returned function, called when the subgraph stops.
   */
  routes?(app: FastifyInstance, deps: SubgraphRouteDeps): Promise<(() => Promise<void>) | void> | (() => Promise<void>) | void;
  /** Idempotent seed of the default dataset. */
  seed?(orm: MikroORM, logger: Logger, peers: PeerUrls): Promise<void>;
  /**
   * Work that runs beside the server while it serves (e.g. keeping a replica current), started
   * after the server listens; the returned function stops it when the subgraph stops.
   */
  background?(deps: { orm: MikroORM; logger: Logger; peers: PeerUrls }): () => Promise<void>;
}

/** What a subgraph's HTTP routes receive. */
export interface SubgraphRouteDeps {
  orm: MikroORM;
  logger: Logger;
  /**
   * The user the gateway forwarded with the request (x-ntm-identity, as for /graphql): null for an
   * anonymous reader; throws UNAUTHENTICATED (401) when the identity is missing or not valid.
   */
  identify(request: FastifyRequest): Promise<User | null>;
  /** The database the subgraph runs on (routes may open their own pool on it or on a replica). */
  databaseUrl: string;
  /** The PostgreSQL schema the subgraph owns. */
  schema: string;
  /** Secret the gateway signs forwarded identities with: routes verify `x-ntm-identity` with it (verifyInternalIdentity). */
  internalAuthSecret: string;
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
  return (
    !!m && typeof m.name === 'string' && typeof m.schema === 'string' && typeof m.defaultPort === 'number' && typeof m.buildSchema === 'function'
  );
}

export interface RunOptions {
  databaseUrl: string;
  port: number;
  host?: string;
  /** Run the default seed after migrating (default true). */
  seed?: boolean;
  logger?: Logger;
  peers?: PeerUrls;
  /** Secret shared with the gateway (INTERNAL_AUTH_SECRET): requests without an identity signed with it get 401. */
  internalAuthSecret: string;
}

export interface RunningSubgraph {
  name: string;
  orm: MikroORM;
  server: RunningHttpServer;
  stop(): Promise<void>;
}

/** Connects, migrates, seeds, serves. Used by each subgraph's `main()` and by the end-to-end tests. */
export async function runSubgraph<TLoaders, TServices>(module: SubgraphModule<TLoaders, TServices>, options: RunOptions): Promise<RunningSubgraph> {
  const logger = options.logger ?? createLogger({ service: module.name });
  configureInternalAuth(options.internalAuthSecret);
  const orm = await initORM({
    databaseUrl: options.databaseUrl,
    schema: module.schema,
    // The kit's own tables (seed_state) come with every subgraph.
    entities: [...kitEntities, ...(module.entities ?? [])],
    migrations: [...kitMigrations, ...module.migrations],
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
            closeRoutes = await module.routes!(app, {
              orm,
              logger,
              databaseUrl: options.databaseUrl,
              schema: module.schema,
              internalAuthSecret: options.internalAuthSecret,
              identify: (request) => verifyInternalIdentity(options.internalAuthSecret, request.headers[IDENTITY_HEADER] as string | undefined),
            });
          }
        : undefined,
      name: module.name,
      schema,
      orm,
      logger,
      port: options.port,
      host: options.host,
      internalAuthSecret: options.internalAuthSecret,
      createServices: module.createServices?.bind(module),
      createLoaders: module.createLoaders.bind(module),
    });
    const stopBackground = module.background?.({ orm, logger, peers: options.peers ?? {} });
    return {
      name: module.name,
      orm,
      server,
      stop: async () => {
        if (stopBackground) await stopBackground();
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
 * SIGINT/SIGTERM or when its launcher is gone (server/process-lifetime.ts).
 */
export function runAsProcess<TLoaders, TServices>(module: SubgraphModule<TLoaders, TServices>, source: NodeJS.ProcessEnv = process.env): void {
  const logger = createLogger({ service: module.name });
  const start = async () => {
    const env = readEnv(
      {
        databaseUrl: ['DATABASE_URL', postgresUrl],
        port: [portVariableOf(module.name), portSetting(module.defaultPort)],
        internalAuthSecret: ['INTERNAL_AUTH_SECRET', internalSecret],
      },
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
      stopOnSignalsOrOrphaned((signal) => {
        logger.info('shutting down', { signal });
        running.stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      }, source);
    })
    .catch((error) => {
      logger.error('failed to start', errorFields(error));
      process.exit(1);
    });
}
