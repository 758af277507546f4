import { Migration } from '@mikro-orm/migrations';

/**
 * Commune group (xã nhóm, Decision 51/2025/QĐ-TTg) of the units of the current list, and the audit
 * trail of its corrections. The seed fills the columns (its generator version changed with them).
 */
export class Migration20261201090000_commune_group extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table admin_unit add column commune_group smallint null`);
    this.addSql(`alter table admin_unit add column commune_group_source text null`);
    this.addSql(`
      create table commune_group_correction (
        id serial primary key,
        unit_id text not null,
        from_group smallint null,
        from_source text null,
        to_group smallint not null,
        reason text not null,
        changed_by text not null,
        changed_at timestamptz not null default now()
      )`);
    this.addSql(`create index commune_group_correction_unit_index on commune_group_correction (unit_id, id)`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists commune_group_correction`);
    this.addSql(`alter table admin_unit drop column if exists commune_group_source`);
    this.addSql(`alter table admin_unit drop column if exists commune_group`);
  }
}
