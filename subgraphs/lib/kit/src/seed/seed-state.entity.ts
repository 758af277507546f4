import { EntitySchema } from '@mikro-orm/core';
import { Migration } from '@mikro-orm/migrations';

/**
 * One row per seed step of a subgraph: the fingerprint of the inputs it was last seeded from
 * (see `seedOnce`). Every subgraph schema has this table; the kit adds the entity and its
 * migration to each subgraph's lists.
 */
export class SeedState {
  /** Name of the seed step, e.g. "admin-units". */
  step!: string;
  /** Hash of the step's inputs and generator version. */
  fingerprint!: string;
  seededAt!: Date;
}

/**
 * SeedState's mapping, as an EntitySchema rather than decorators: decorator metadata lives in a
 * process-global store keyed by file path, which two module realms loading the kit (jest's test
 * sandbox beside its global setup) would share and corrupt; a schema object belongs to its realm.
 */
export const SeedStateSchema = new EntitySchema<SeedState>({
  class: SeedState,
  tableName: 'seed_state',
  properties: {
    step: { type: 'string', columnType: 'text', primary: true },
    fingerprint: { type: 'string', columnType: 'text' },
    seededAt: { type: 'timestamptz', defaultRaw: 'now()' },
  },
});

/**
 * The seed_state table. `if not exists`: before this migration, `seedOnce` created the table at
 * run time, so existing databases already have it.
 */
export class Migration20261201100000_seed_state extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists seed_state (step text primary key, fingerprint text not null, seeded_at timestamptz not null default now())`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists seed_state`);
  }
}

/** Entities every subgraph gets from the kit. */
export const kitEntities = [SeedStateSchema];
/** Migrations every subgraph gets from the kit (they depend on nothing of the subgraph's). */
export const kitMigrations = [{ name: 'Migration20261201100000_seed_state', class: Migration20261201100000_seed_state }];
