import { Migration } from '@mikro-orm/migrations';

/**
 * Spreadsheet imports: the job and import record (`import_job`), the dry run's report rows
 * (`import_row`, written with COPY), and the column mapping saved per source (`import_mapping`).
 */
export class Migration20261201030000_imports extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table import_job (
        id text primary key,
        status text not null,
        failure text null,
        file_name text not null,
        file_hash text not null,
        file_bytes bigint not null,
        source text null,
        year smallint null,
        within_code text null,
        strategy text not null,
        mapping jsonb null,
        progress double precision not null default 0,
        rows_read integer not null default 0,
        counts jsonb null,
        commit_counts jsonb null,
        choices jsonb null,
        area_ids text[] not null default '{}',
        created_by text null,
        created_at timestamptz not null default now(),
        finished_at timestamptz null,
        committed_by text null,
        committed_at timestamptz null
      )`);
    this.addSql(`create index import_job_area_ids_index on import_job using gin (area_ids)`);
    this.addSql(`create index import_job_file_hash_index on import_job (file_hash)`);
    this.addSql(`
      create table import_row (
        job_id text not null,
        row integer not null,
        item smallint not null,
        status text not null,
        reasons jsonb not null default '[]',
        unit_id text null,
        match_status text null,
        match_score double precision null,
        candidates jsonb null,
        indicator_id integer null,
        year smallint null,
        value text null,
        numeric_value double precision null,
        action text null,
        duplicate_of integer null,
        raw_unit text null,
        raw_indicator text null,
        raw_value text null,
        primary key (job_id, row, item)
      )`);
    this.addSql(`create index import_row_job_status_index on import_row (job_id, status)`);
    this.addSql(`
      create table import_mapping (
        source text primary key,
        mapping jsonb not null,
        updated_at timestamptz not null default now()
      )`);
  }

  override async down(): Promise<void> {
    for (const table of ['import_mapping', 'import_row', 'import_job']) this.addSql(`drop table if exists ${table}`);
  }
}
