import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** One value of an imported file and the dry run's verdict on it (a report row). */
@Entity({ tableName: 'import_row' })
@Index({ name: 'import_row_job_status_index', properties: ['jobId', 'status'] })
export class ImportRow {
  @PrimaryKey({ type: 'string', columnType: 'text' })
  jobId!: string;

  /** 1-based row number in the file, as a spreadsheet shows it. */
  @PrimaryKey({ type: 'number', columnType: 'integer' })
  row!: number;

  /** Which value of the row (a wide row carries one per indicator column), from 0. */
  @PrimaryKey({ type: 'number', columnType: 'smallint' })
  item!: number;

  /** OK, WARNING or ERROR. */
  @Property({ type: 'string', columnType: 'text' })
  status!: string;

  /** [{ code, field, message }]. */
  @Property({ type: 'json', columnType: 'jsonb', defaultRaw: "'[]'" })
  reasons!: unknown;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  unitId!: string | null;

  /** The name matcher's status (EXACT, MATCHED, LINEAGE, AMBIGUOUS, UNMATCHED). */
  @Property({ type: 'string', columnType: 'text', nullable: true })
  matchStatus!: string | null;

  @Property({ type: 'double', columnType: 'double precision', nullable: true })
  matchScore!: number | null;

  /** [{ unitId, code, name, score }] for an ambiguous or unmatched unit. */
  @Property({ type: 'json', columnType: 'jsonb', nullable: true })
  candidates!: unknown;

  @Property({ type: 'number', columnType: 'integer', nullable: true })
  indicatorId!: number | null;

  @Property({ type: 'number', columnType: 'smallint', nullable: true })
  year!: number | null;

  /** The value in canonical text form. */
  @Property({ type: 'string', columnType: 'text', nullable: true })
  value!: string | null;

  @Property({ type: 'double', columnType: 'double precision', nullable: true })
  numericValue!: number | null;

  /** CREATE, UPDATE, UNCHANGED or REJECT (null while pending a choice). */
  @Property({ type: 'string', columnType: 'text', nullable: true })
  action!: string | null;

  /** The row this one repeats (a duplicate in the file). */
  @Property({ type: 'number', columnType: 'integer', nullable: true })
  duplicateOf!: number | null;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  rawUnit!: string | null;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  rawIndicator!: string | null;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  rawValue!: string | null;
}
