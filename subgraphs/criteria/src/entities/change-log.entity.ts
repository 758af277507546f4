import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One row of the change feed (nhật ký thay đổi cho đồng bộ), written only by the database's
 * shared capture trigger (Migration20261201100000_change_log_shared) and read with explicit SQL (changes/export-sql.ts).
 * Described here so that the schema is described once: not exposed as a GraphQL type (the feed's
 * type is IndicatorValueChangeEntry).
 */
@Entity({ tableName: 'change_log' })
@Index({ name: 'change_log_xid_position_index', properties: ['xid', 'position'] })
export class ChangeLogEntry {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  position!: string;

  /** The writing transaction's id (xid8). */
  @Property({ type: 'string', columnType: 'xid8', defaultRaw: 'pg_current_xact_id()' })
  xid!: string;

  @Enum({ items: ['INDICATOR_VALUE', 'RECOGNITION_DECISION'], columnType: 'text' })
  entity!: 'INDICATOR_VALUE' | 'RECOGNITION_DECISION';

  @Enum({ items: ['UPSERT', 'DELETE', 'RESET'], columnType: 'text' })
  op!: 'UPSERT' | 'DELETE' | 'RESET';

  @Property({ type: 'string', columnType: 'text', nullable: true })
  unitId!: string | null;

  @Property({ type: 'number', columnType: 'int', nullable: true })
  indicatorId!: number | null;

  @Property({ type: 'number', columnType: 'smallint', nullable: true })
  year!: number | null;

  /** The record's key as text (decisions: their id), as in every subgraph's change log (@ntm/change-log). */
  @Property({ type: 'string', columnType: 'text', nullable: true })
  recordKey!: string | null;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  value!: string | null;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  status!: string | null;

  @Property({ type: 'json', columnType: 'jsonb', nullable: true })
  data!: unknown;

  @Property({ type: 'string', columnType: 'timestamptz', defaultRaw: 'now()' })
  changedAt!: string;
}
