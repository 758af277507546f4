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
  /** Extra MikroORM options, e.g. for tests. */
  overrides?: Partial<Options>;
}

/**
 * One ORM bootstrap for every subgraph, used by the app and by tests alike: its own PostgreSQL
 * schema (also first on the search_path, so set-based SQL names tables unqualified), committed
 * migrations, and a pool sized for the process.
 */
export async function initORM(settings: OrmSettings): Promise<MikroORM> {
  const { schema } = settings;
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  return MikroORM.init({
    clientUrl: settings.databaseUrl,
    schema,
    entities: settings.entities,
    extensions: [Migrator],
    discovery: { warnWhenNoEntities: false },
    allowGlobalContext: false,
    pool: { min: 0, max: settings.poolMax ?? 10 },
    driverOptions: { connection: { options: `-c search_path=${schema},public` } },
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
