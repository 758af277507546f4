import { Migration } from '@mikro-orm/migrations';

/** Official unit lists and their units, with subtree and search indexes. */
export class Migration20261123000000_units extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table unit_list (
        id text primary key,
        name text not null,
        valid_from date null,
        valid_to date null,
        source text not null
      )`);
    this.addSql(`
      create table admin_unit (
        id text primary key,
        code text not null,
        list_id text not null references unit_list (id),
        name text not null,
        short_name text not null,
        english_name text null,
        level text not null check (level in ('PROVINCE', 'DISTRICT', 'COMMUNE', 'VILLAGE')),
        kind text not null,
        parent_id text null references admin_unit (id) deferrable initially deferred,
        ancestor_ids text[] not null default '{}',
        valid_from date null,
        valid_to date null,
        search_key text not null,
        generated boolean not null default false,
        region text null,
        ethnic_minority_area boolean not null default false,
        mountainous boolean not null default false,
        island boolean not null default false,
        area_attributes_source text not null,
        constraint admin_unit_list_code_unique unique (list_id, code)
      )`);
    this.addSql(`create index admin_unit_list_id_index on admin_unit (list_id)`);
    this.addSql(`create index admin_unit_parent_id_index on admin_unit (parent_id, code)`);
    this.addSql(`create index admin_unit_code_index on admin_unit (code)`);
    this.addSql(`create index admin_unit_ancestor_ids_index on admin_unit using gin (ancestor_ids)`);
    this.addSql(`create index admin_unit_list_level_index on admin_unit (list_id, level, code)`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists admin_unit`);
    this.addSql(`drop table if exists unit_list`);
  }
}
