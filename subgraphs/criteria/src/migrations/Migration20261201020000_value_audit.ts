import { Migration } from '@mikro-orm/migrations';

/**
 * The audit of reported values: `indicator_value_change`, one row per changed value, written by
 * statement-level triggers over the changed rows (transition tables), so every write path — the
 * API, approvals, imports — is audited in its own transaction with one INSERT … SELECT per
 * statement. Who and why come from the transaction's settings `ntm.actor` and `ntm.reason`
 * (set by the services with set_config(…, true)); a write without an actor (the generated
 * synthetic datasets, loaded by the seed) is not audited.
 */
export class Migration20261201020000_value_audit extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table indicator_value_change (
        id bigserial primary key,
        indicator_id int not null,
        year smallint not null,
        unit_id text not null,
        changed_at timestamptz not null default now(),
        changed_by text not null,
        from_value text null,
        to_value text not null,
        from_status text null,
        to_status text not null,
        source text not null,
        reason text null
      )`);
    this.addSql(`create index indicator_value_change_key_index on indicator_value_change (unit_id, indicator_id, year, changed_at)`);
    this.addSql(`
      create function indicator_value_audit_insert() returns trigger language plpgsql as $$
      begin
        if coalesce(current_setting('ntm.actor', true), '') = '' then return null; end if;
        insert into indicator_value_change (indicator_id, year, unit_id, changed_by, from_value, to_value, from_status, to_status, source, reason)
        select n.indicator_id, n.year, n.unit_id, current_setting('ntm.actor', true), null, n.value, null, n.status, n.source,
               nullif(current_setting('ntm.reason', true), '')
          from inserted_rows n;
        return null;
      end $$`);
    this.addSql(`
      create function indicator_value_audit_update() returns trigger language plpgsql as $$
      begin
        if coalesce(current_setting('ntm.actor', true), '') = '' then return null; end if;
        insert into indicator_value_change (indicator_id, year, unit_id, changed_by, from_value, to_value, from_status, to_status, source, reason)
        select n.indicator_id, n.year, n.unit_id, current_setting('ntm.actor', true), o.value, n.value, o.status, n.status, n.source,
               nullif(current_setting('ntm.reason', true), '')
          from updated_rows n
          join previous_rows o on o.indicator_id = n.indicator_id and o.year = n.year and o.unit_id = n.unit_id;
        return null;
      end $$`);
    this.addSql(`
      create trigger indicator_value_audit_insert after insert on indicator_value
        referencing new table as inserted_rows for each statement execute function indicator_value_audit_insert()`);
    this.addSql(`
      create trigger indicator_value_audit_update after update on indicator_value
        referencing old table as previous_rows new table as updated_rows for each statement execute function indicator_value_audit_update()`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists indicator_value_audit_update on indicator_value`);
    this.addSql(`drop trigger if exists indicator_value_audit_insert on indicator_value`);
    this.addSql(`drop function if exists indicator_value_audit_update()`);
    this.addSql(`drop function if exists indicator_value_audit_insert()`);
    this.addSql(`drop table if exists indicator_value_change`);
  }
}
