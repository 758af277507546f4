import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One import of a spreadsheet (nhập số liệu từ tệp): the dry run's job and report summary, then
 * the import record once committed (who, when, file name and hash, mapping, choices, counts).
 * Its report rows are `import_row`; values it wrote carry `source = "import:<id>"`.
 */
@Entity({ tableName: 'import_job' })
@Index({ name: 'import_job_area_ids_index', expression: 'create index "import_job_area_ids_index" on "import_job" using gin ("area_ids")' })
@Index({ name: 'import_job_file_hash_index', properties: ['fileHash'] })
export class ImportJob {
  /** A UUID. */
  @PrimaryKey({ type: 'string', columnType: 'text' })
  id!: string;

  /** RUNNING → READY (dry run done) → COMMITTED, or FAILED. */
  @Property({ type: 'string', columnType: 'text' })
  status!: string;

  /** Why the job failed (FAILED only). */
  @Property({ type: 'string', columnType: 'text', nullable: true })
  failure!: string | null;

  @Property({ type: 'string', columnType: 'text' })
  fileName!: string;

  /** SHA-256 of the file's bytes, hex. */
  @Property({ type: 'string', columnType: 'text' })
  fileHash!: string;

  @Property({ type: 'number', columnType: 'bigint' })
  fileBytes!: number;

  /** The sender's name for where the file comes from (its saved mapping is reused), e.g. "ha-tinh-2024". */
  @Property({ type: 'string', columnType: 'text', nullable: true })
  source!: string | null;

  /** The year of rows that carry none. */
  @Property({ type: 'number', columnType: 'smallint', nullable: true })
  year!: number | null;

  /** Code of the area the file is about: its names are matched among that area's units only. */
  @Property({ type: 'string', columnType: 'text', nullable: true })
  withinCode!: string | null;

  /** CREATE, UPDATE or CREATE_AND_UPDATE. */
  @Property({ type: 'string', columnType: 'text' })
  strategy!: string;

  /** The column mapping used (detected, saved or overridden). */
  @Property({ type: 'json', columnType: 'jsonb', nullable: true })
  mapping!: unknown;

  /** 0..1 while RUNNING. */
  @Property({ type: 'double', columnType: 'double precision', defaultRaw: '0' })
  progress!: number;

  /** Data rows read so far. */
  @Property({ type: 'number', columnType: 'integer', defaultRaw: '0' })
  rowsRead!: number;

  /** Counts of the dry run: rows, ok, warning, error, create, update, unchanged, reject. */
  @Property({ type: 'json', columnType: 'jsonb', nullable: true })
  counts!: unknown;

  /** Counts of the commit: create, update, unchanged, reject. */
  @Property({ type: 'json', columnType: 'jsonb', nullable: true })
  commitCounts!: unknown;

  /** The person's choices for ambiguous rows at commit: [{ row, unitCode }]. */
  @Property({ type: 'json', columnType: 'jsonb', nullable: true })
  choices!: unknown;

  /** Ids of the units the file's rows matched and their ancestors (GIN: imports of an area are one index scan). */
  @Property({ type: 'string[]', columnType: 'text[]', defaultRaw: "'{}'" })
  areaIds!: string[];

  @Property({ type: 'string', columnType: 'text', nullable: true })
  createdBy!: string | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  committedBy!: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  committedAt!: Date | null;
}
