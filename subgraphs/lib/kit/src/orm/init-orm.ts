import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, type Options } from '@mikro-orm/postgresql';
import type { Migration } from '@mikro-orm/migrations';
import { types } from 'pg';
import type { Logger } from '../logger';

// Calendar dates stay strings (YYYY-MM-DD): a JS Date would shift them by the time zone.
types.setTypeParser(1082, (value: string) => value);

export interface OrmSettings {
  /** PostgreSQL connection URL. */
  databaseUrl: string;
  /** The PostgreSQL schema this subgraph owns; no other subgraph reads it. */
  schema: string;
  /** Entity classes. */
  entities: Options['entities'];
  /** Committed migrations, oldest first. */
  migrations: { name: string; class: new (...args: any[]) => Migration }[];
  /** Connection pool size (default 10). */
  poolMax?: number;
  logger?: Logger;
  /**
   * Longest a single SQL statement may run, in ms (0 = no limit); default DB_STATEMENT_TIMEOUT_MS
   * or 30 s. Bulk loads lift it for their own transaction (`set local statement_timeout = 0`).
   */
  statementTimeoutMs?: number;
  /** Extra MikroORM options, e.g. for tests. */
  overrides?: Partial<Options>;
}

/**
 * One ORM bootstrap for every subgraph, used by the app and by tests alike: its own PostgreSQL
 * schema (also first on the search_path, so set-based SQL names tables unqualified), committed
 * migrations, and a pool sized for the process.
 */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 30_000;

/** The statement timeout from the settings, else DB_STATEMENT_TIMEOUT_MS, else 30 s; refuses anything but a whole number ≥ 0. */
export function statementTimeoutMs(settings: Pick<OrmSettings, 'statementTimeoutMs'>, env: NodeJS.ProcessEnv = process.env): number {
  const raw = settings.statementTimeoutMs ?? (env.DB_STATEMENT_TIMEOUT_MS ? Number(env.DB_STATEMENT_TIMEOUT_MS) : DEFAULT_STATEMENT_TIMEOUT_MS);
  if (!Number.isSafeInteger(raw) || raw < 0)
    throw new Error(
      `DB_STATEMENT_TIMEOUT_MS must be a whole number of milliseconds ≥ 0, got "${settings.statementTimeoutMs ?? env.DB_STATEMENT_TIMEOUT_MS}"`,
    );
  return raw;
}

export async function initORM(settings: OrmSettings): Promise<MikroORM> {
  const { schema } = settings;
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  const timeout = statementTimeoutMs(settings);
  return MikroORM.init({
    clientUrl: settings.databaseUrl,
    schema,
    entities: settings.entities,
    extensions: [Migrator],
    discovery: { warnWhenNoEntities: false },
    allowGlobalContext: false,
    pool: { min: 0, max: settings.poolMax ?? 10 },
    // Per connection: the search path, and a statement timeout so no query holds a connection forever.
    driverOptions: { connection: { options: `-c search_path=${schema},public -c statement_timeout=${timeout}` } },
    migrations: {
      migrationsList: settings.migrations,
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      silent: true,
    },
    logger: (message) => settings.logger?.debug(message, { component: 'orm' }),
    ...settings.overrides,
  });
}

/** Creates the schema if needed and applies pending migrations; returns the names applied. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const schema = orm.config.get('schema');
  await orm.em.getConnection().execute(`create schema if not exists "${schema}"`);
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}
