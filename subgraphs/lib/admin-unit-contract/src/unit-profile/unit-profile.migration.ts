import { Migration } from '@mikro-orm/migrations';

/**
 * The unit-profile replica's table. `if not exists`: the criteria subgraph created the same table
 * in its first migration before this package existed.
 */
export class Migration20261201000000_unit_profile extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table if not exists unit_profile (
        unit_id text primary key,
        code text not null,
        list_id text not null,
        level text not null,
        name text not null,
        ancestor_ids text[] not null default '{}',
        valid_from date null,
        valid_to date null,
        region text null,
        ethnic_minority_area boolean not null,
        mountainous boolean not null,
        island boolean not null,
        synced_at timestamptz not null default now()
      )`);
    this.addSql(`create index if not exists unit_profile_level_list_index on unit_profile (level, list_id)`);
    this.addSql(`create index if not exists unit_profile_ancestor_ids_index on unit_profile using gin (ancestor_ids)`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists unit_profile`);
  }
}

/** The lineage of pre-reform units: the current units each went into (a subtree on either list is one query). */
export class Migration20261201010000_unit_profile_successors extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table unit_profile add column if not exists successor_ids text[] not null default '{}'`);
    this.addSql(`create index if not exists unit_profile_successor_ids_index on unit_profile using gin (successor_ids)`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table unit_profile drop column if exists successor_ids`);
  }
}

/** Scopes of roles: the units whose scope contains each unit, on either official list (filled by the next pull). */
export class Migration20261201011000_unit_profile_scope extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table unit_profile add column if not exists scope_ids text[] not null default '{}'`);
    this.addSql(`create index if not exists unit_profile_scope_ids_index on unit_profile using gin (scope_ids)`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists unit_profile_scope_ids_index`);
    this.addSql(`alter table unit_profile drop column if exists scope_ids`);
  }
}

/** Commune groups of the 2026–2030 set, and units' kinds (filled by the next pull: the replica shape changed with them). */
export class Migration20261201090000_unit_profile_commune_group extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table unit_profile add column if not exists commune_group smallint null`);
    this.addSql(`alter table unit_profile add column if not exists kind text null`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table unit_profile drop column if exists kind`);
    this.addSql(`alter table unit_profile drop column if exists commune_group`);
  }
}

/** Add to a subgraph's migrations list (after its own, in this order: they depend on nothing of the subgraph's). */
export const unitProfileMigrations = [
  { name: 'Migration20261201000000_unit_profile', class: Migration20261201000000_unit_profile },
  { name: 'Migration20261201010000_unit_profile_successors', class: Migration20261201010000_unit_profile_successors },
  { name: 'Migration20261201011000_unit_profile_scope', class: Migration20261201011000_unit_profile_scope },
  { name: 'Migration20261201090000_unit_profile_commune_group', class: Migration20261201090000_unit_profile_commune_group },
];
