import { Migration } from '@mikro-orm/migrations';

/**
 * The change feed (nhật ký thay đổi cho đồng bộ): one row per changed indicator value or recognition
 * decision, written by statement-level triggers over transition tables — one INSERT … SELECT per
 * statement, in the transaction of the change, whatever the write path (API, approvals, imports,
 * the synthetic loader's COPY). Deletions are tombstones (op DELETE). A TRUNCATE of the values is
 * one RESET row, and covers every later write of its transaction (the national reload is not
 * logged row by row: 4.8 M log rows made that load several times slower): a puller that meets a RESET drops
 * what it holds, takes a snapshot export and continues from that export's cursor.
 *
 * Each row records the writing transaction's id (`xid`, xid8) beside its sequence `position`.
 * Positions are handed out before commit, so they commit out of order; a reader therefore returns
 * only rows whose transaction is below the oldest one still running
 * (`pg_snapshot_xmin(pg_current_snapshot())`), ordered by (xid, position): nothing that could
 * still commit is passed over. See `domain/changes/change-cursor.ts`.
 *
 * The trigger functions keep the search_path of the migration (the subgraph's schema), so that a
 * write from a session with another search_path (psql, a DBA's script) is logged too.
 */
export class Migration20261201030000_change_log extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table change_log (
        position bigserial primary key,
        xid xid8 not null default pg_current_xact_id(),
        entity text not null check (entity in ('INDICATOR_VALUE', 'RECOGNITION_DECISION')),
        op text not null check (op in ('UPSERT', 'DELETE', 'RESET')),
        unit_id text null,
        indicator_id int null,
        year smallint null,
        record_id int null,
        value text null,
        status text null,
        data jsonb null,
        changed_at timestamptz not null default now()
      )`);
    this.addSql(`create index change_log_xid_position_index on change_log (xid, position)`);
    // Indicator values: inserted, updated (a changed key is a DELETE of the old key), deleted, truncated.
    this.addSql(`
      create function change_log_value_insert() returns trigger language plpgsql set search_path from current as $$
      begin
        if exists (select 1 from change_log where xid = pg_current_xact_id() and entity = 'INDICATOR_VALUE' and op = 'RESET') then return null; end if;
        insert into change_log (entity, op, unit_id, indicator_id, year, value, status)
        select 'INDICATOR_VALUE', 'UPSERT', n.unit_id, n.indicator_id, n.year, n.value, n.status from new_rows n;
        return null;
      end $$`);
    this.addSql(`
      create function change_log_value_update() returns trigger language plpgsql set search_path from current as $$
      begin
        if exists (select 1 from change_log where xid = pg_current_xact_id() and entity = 'INDICATOR_VALUE' and op = 'RESET') then return null; end if;
        insert into change_log (entity, op, unit_id, indicator_id, year)
        select 'INDICATOR_VALUE', 'DELETE', o.unit_id, o.indicator_id, o.year from old_rows o
         where not exists (select 1 from new_rows n where n.indicator_id = o.indicator_id and n.year = o.year and n.unit_id = o.unit_id);
        insert into change_log (entity, op, unit_id, indicator_id, year, value, status)
        select 'INDICATOR_VALUE', 'UPSERT', n.unit_id, n.indicator_id, n.year, n.value, n.status from new_rows n;
        return null;
      end $$`);
    this.addSql(`
      create function change_log_value_delete() returns trigger language plpgsql set search_path from current as $$
      begin
        if exists (select 1 from change_log where xid = pg_current_xact_id() and entity = 'INDICATOR_VALUE' and op = 'RESET') then return null; end if;
        insert into change_log (entity, op, unit_id, indicator_id, year)
        select 'INDICATOR_VALUE', 'DELETE', o.unit_id, o.indicator_id, o.year from old_rows o;
        return null;
      end $$`);
    this.addSql(`
      create function change_log_value_truncate() returns trigger language plpgsql set search_path from current as $$
      begin
        insert into change_log (entity, op) values ('INDICATOR_VALUE', 'RESET');
        return null;
      end $$`);
    this.addSql(
      `create trigger change_log_value_insert after insert on indicator_value referencing new table as new_rows for each statement execute function change_log_value_insert()`,
    );
    this.addSql(
      `create trigger change_log_value_update after update on indicator_value referencing old table as old_rows new table as new_rows for each statement execute function change_log_value_update()`,
    );
    this.addSql(
      `create trigger change_log_value_delete after delete on indicator_value referencing old table as old_rows for each statement execute function change_log_value_delete()`,
    );
    this.addSql(
      `create trigger change_log_value_truncate after truncate on indicator_value for each statement execute function change_log_value_truncate()`,
    );
    // Recognition decisions (quyết định công nhận): the whole decision as data.
    this.addSql(`
      create function change_log_decision_upsert() returns trigger language plpgsql set search_path from current as $$
      begin
        insert into change_log (entity, op, unit_id, record_id, data)
        select 'RECOGNITION_DECISION', 'UPSERT', n.unit_id, n.id,
               jsonb_build_object('setCode', n.set_code, 'decisionNumber', n.decision_number, 'decidedOn', n.decided_on,
                                  'authority', n.authority, 'generated', n.generated)
          from new_rows n;
        return null;
      end $$`);
    this.addSql(`
      create function change_log_decision_delete() returns trigger language plpgsql set search_path from current as $$
      begin
        insert into change_log (entity, op, unit_id, record_id)
        select 'RECOGNITION_DECISION', 'DELETE', o.unit_id, o.id from old_rows o;
        return null;
      end $$`);
    this.addSql(
      `create trigger change_log_decision_insert after insert on recognition_decision referencing new table as new_rows for each statement execute function change_log_decision_upsert()`,
    );
    this.addSql(
      `create trigger change_log_decision_update after update on recognition_decision referencing new table as new_rows for each statement execute function change_log_decision_upsert()`,
    );
    this.addSql(
      `create trigger change_log_decision_delete after delete on recognition_decision referencing old table as old_rows for each statement execute function change_log_decision_delete()`,
    );
  }

  override async down(): Promise<void> {
    for (const [trigger, table] of [
      ['change_log_value_insert', 'indicator_value'],
      ['change_log_value_update', 'indicator_value'],
      ['change_log_value_delete', 'indicator_value'],
      ['change_log_value_truncate', 'indicator_value'],
      ['change_log_decision_insert', 'recognition_decision'],
      ['change_log_decision_update', 'recognition_decision'],
      ['change_log_decision_delete', 'recognition_decision'],
    ]) {
      this.addSql(`drop trigger if exists ${trigger} on ${table}`);
    }
    for (const fn of [
      'change_log_value_insert',
      'change_log_value_update',
      'change_log_value_delete',
      'change_log_value_truncate',
      'change_log_decision_upsert',
      'change_log_decision_delete',
    ]) {
      this.addSql(`drop function if exists ${fn}()`);
    }
    this.addSql(`drop table if exists change_log`);
  }
}
