/**
 * The change log's table and capture trigger (nhật ký thay đổi cho đồng bộ), as SQL for a
 * subgraph's migrations: each subgraph owns its data and so its own `change_log`, in its schema,
 * all of one shape and filled by one trigger function defined here.
 *
 * The trigger is statement-level over transition tables: one `INSERT … SELECT` per statement, in
 * the writer's transaction, whatever the write path (API, imports, loaders' COPY, a DBA's script).
 * An update that changes a record's key is a tombstone (DELETE) of the old key plus an UPSERT; a
 * delete is a tombstone; a TRUNCATE is one RESET row, which may cover every later write of the
 * entity in its transaction (so a reload of millions of rows is not logged row by row). Each row records the writing
 * transaction's id (xid8) beside its sequence position: readers deliver only transactions below the
 * oldest one still running (see reader.ts), because positions commit out of order.
 *
 * The function keeps the search_path of the migration that creates it (the subgraph's schema), so a
 * write from a session with another search_path is logged too.
 */

/** The columns every change log has, in order. */
export const CHANGE_LOG_COLUMNS = ['position', 'xid', 'entity', 'op', 'record_key', 'unit_id', 'data', 'changed_at'] as const;

/** `create table change_log` with the shared columns, and its (xid, position) index. */
export function changeLogTableSql(): string[] {
  return [
    `create table change_log (
       position bigserial primary key,
       xid xid8 not null default pg_current_xact_id(),
       entity text not null,
       op text not null check (op in ('UPSERT', 'DELETE', 'RESET')),
       record_key text null,
       unit_id text null,
       data jsonb null,
       changed_at timestamptz not null default now()
     )`,
    `create index change_log_xid_position_index on change_log (xid, position)`,
  ];
}

/**
 * The capture function. Its arguments (given once per trigger, in the migration):
 * 0 entity name; 1 the record's key as text, an SQL expression over the row `r`; 2 its unit id (or
 * `null`); 3 the data of an upsert (jsonb, e.g. `to_jsonb(r) - 'updated_by'`, or `null`);
 * 4 columns copied as they are into change_log columns of the same name on upserts (comma-separated,
 * for a log with columns of its own); 5 those copied on tombstones; 6 `covers` when a TRUNCATE's
 * RESET covers the rest of its transaction (the writes after it are not logged: for reloads of
 * millions of rows, whose pullers take a snapshot export), else empty (every write is logged, so the
 * log alone rebuilds the current state: see reader.ts).
 */
export const CAPTURE_FUNCTION_SQL = `
  create or replace function change_log_capture() returns trigger language plpgsql set search_path from current as $$
  declare
    v_entity constant text := TG_ARGV[0];
    v_key constant text := TG_ARGV[1];
    v_unit constant text := TG_ARGV[2];
    v_data constant text := TG_ARGV[3];
    v_copy constant text[] := coalesce(string_to_array(nullif(TG_ARGV[4], ''), ','), '{}');
    v_keep constant text[] := coalesce(string_to_array(nullif(TG_ARGV[5], ''), ','), '{}');
    v_covers constant boolean := TG_ARGV[6] = 'covers';
    copy_cols text; copy_vals text; keep_cols text; keep_vals text;
  begin
    if TG_OP = 'TRUNCATE' then
      insert into change_log (entity, op) values (v_entity, 'RESET');
      return null;
    end if;
    -- With 'covers', a RESET earlier in this transaction covers its later writes of the entity.
    if v_covers and exists (select 1 from change_log c where c.xid = pg_current_xact_id() and c.entity = v_entity and c.op = 'RESET') then
      return null;
    end if;
    select coalesce(string_agg(', ' || quote_ident(c), ''), ''), coalesce(string_agg(', r.' || quote_ident(c), ''), '')
      into copy_cols, copy_vals from unnest(v_copy) c;
    select coalesce(string_agg(', ' || quote_ident(c), ''), ''), coalesce(string_agg(', r.' || quote_ident(c), ''), '')
      into keep_cols, keep_vals from unnest(v_keep) c;
    if TG_OP = 'DELETE' then
      execute format('insert into change_log (entity, op, record_key, unit_id%s) select $1, ''DELETE'', %s, %s%s from old_rows r',
                     keep_cols, v_key, v_unit, keep_vals) using v_entity;
      return null;
    end if;
    if TG_OP = 'UPDATE' then
      -- The old key is gone when no new row has it: an anti-join on the keys (a hash anti-join for
      -- large statements; NOT IN would fall back to a nested scan once the keys outgrow work_mem).
      execute format('insert into change_log (entity, op, record_key, unit_id%s) select $1, ''DELETE'', r.change_log_key__, %s%s
                        from (select r.*, (%s) as change_log_key__ from old_rows r) r
                       where not exists (select 1 from (select (%s) as k from new_rows r) n where n.k = r.change_log_key__)',
                     keep_cols, v_unit, keep_vals, v_key, v_key) using v_entity;
    end if;
    execute format('insert into change_log (entity, op, record_key, unit_id, data%s) select $1, ''UPSERT'', %s, %s, %s%s from new_rows r',
                   copy_cols, v_key, v_unit, v_data, copy_vals) using v_entity;
    return null;
  end $$`;

/** What one table's changes are logged as. */
export interface CaptureSpec {
  /** The table written to. */
  table: string;
  /** Entity name in the log (PILOT, OCOP_RATING, …). */
  entity: string;
  /** The record's key as text, over the row `r` (e.g. `r.id::text`, `concat_ws('|', r.pilot_id, r.code)`). */
  key: string;
  /** The record's unit id over `r` (its area, for `within` filters), or `null`. */
  unit: string;
  /** The data of an upsert over `r` (jsonb); default `to_jsonb(r)`. */
  data?: string;
  /** Columns copied into change_log columns of the same name on upserts. */
  copy?: string[];
  /** Columns copied on tombstones. */
  keep?: string[];
  /** Log a TRUNCATE as one RESET (default true). */
  truncate?: boolean;
  /** The RESET covers the rest of its transaction: later writes of the entity in it are not logged (default false). */
  resetCoversTransaction?: boolean;
}

const IDENT = /^[a-z_][a-z0-9_]*$/;
const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** The statement-level triggers that log a table's writes through change_log_capture(). */
export function captureTriggersSql(spec: CaptureSpec): string[] {
  for (const name of [spec.table, ...(spec.copy ?? []), ...(spec.keep ?? [])])
    if (!IDENT.test(name)) throw new Error(`change log: not a plain identifier: ${name}`);
  if (!/^[A-Z_]+$/.test(spec.entity)) throw new Error(`change log: entity must be UPPER_CASE: ${spec.entity}`);
  const args = [
    spec.entity,
    spec.key,
    spec.unit,
    spec.data ?? 'to_jsonb(r)',
    (spec.copy ?? []).join(','),
    (spec.keep ?? []).join(','),
    spec.resetCoversTransaction ? 'covers' : '',
  ]
    .map(quote)
    .join(', ');
  const t = spec.table;
  const sql = [
    `create trigger ${t}_change_log_insert after insert on ${t} referencing new table as new_rows for each statement execute function change_log_capture(${args})`,
    `create trigger ${t}_change_log_update after update on ${t} referencing old table as old_rows new table as new_rows for each statement execute function change_log_capture(${args})`,
    `create trigger ${t}_change_log_delete after delete on ${t} referencing old table as old_rows for each statement execute function change_log_capture(${args})`,
  ];
  if (spec.truncate !== false)
    sql.push(`create trigger ${t}_change_log_truncate after truncate on ${t} for each statement execute function change_log_capture(${args})`);
  return sql;
}

/** Drops what captureTriggersSql created. */
export function dropCaptureTriggersSql(table: string): string[] {
  return ['insert', 'update', 'delete', 'truncate'].map((op) => `drop trigger if exists ${table}_change_log_${op} on ${table}`);
}

/** Logs the rows a table already holds as UPSERTs (when a change log is added to tables with data). */
export function backfillSql(spec: CaptureSpec): string {
  captureTriggersSql(spec);
  const copy = spec.copy ?? [];
  return `insert into change_log (entity, op, record_key, unit_id, data${copy.map((c) => `, ${c}`).join('')})
          select '${spec.entity}', 'UPSERT', ${spec.key}, ${spec.unit}, ${spec.data ?? 'to_jsonb(r)'}${copy.map((c) => `, r.${c}`).join('')}
            from ${spec.table} r`;
}

/**
 * Everything a subgraph's migration needs for a change log of the shared shape over some tables:
 * the table, the capture function, each table's triggers, and its rows so far as UPSERTs.
 */
export function changeLogMigrationSql(specs: CaptureSpec[]): string[] {
  return [...changeLogTableSql(), CAPTURE_FUNCTION_SQL, ...specs.flatMap((s) => captureTriggersSql(s)), ...specs.map(backfillSql)];
}

/** The reverse of changeLogMigrationSql. */
export function dropChangeLogSql(specs: CaptureSpec[]): string[] {
  return [
    ...specs.flatMap((s) => dropCaptureTriggersSql(s.table)),
    `drop function if exists change_log_capture()`,
    `drop table if exists change_log`,
  ];
}
