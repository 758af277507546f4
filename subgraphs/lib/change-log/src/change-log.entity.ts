import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One row of a subgraph's change log (nhật ký thay đổi), of the shared shape (migration-sql.ts):
 * written only by the capture trigger, read with explicit SQL (reader.ts). Registered by each
 * subgraph that uses the shared table as it is, so that its migrations and entities agree.
 */
@Entity({ tableName: 'change_log' })
@Index({ name: 'change_log_xid_position_index', properties: ['xid', 'position'] })
export class ChangeLogRecord {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  position!: string;

  /** The writing transaction's id (xid8). */
  @Property({ type: 'string', columnType: 'xid8', defaultRaw: 'pg_current_xact_id()' })
  xid!: string;

  /** What changed: PILOT, OCOP_RATING, … */
  @Property({ type: 'string', columnType: 'text' })
  entity!: string;

  /** UPSERT, DELETE (tombstone) or RESET. */
  @Enum({ items: ['UPSERT', 'DELETE', 'RESET'], columnType: 'text' })
  op!: 'UPSERT' | 'DELETE' | 'RESET';

  /** The record's key as text. */
  @Property({ type: 'string', columnType: 'text', nullable: true })
  recordKey!: string | null;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  unitId!: string | null;

  /** The record after an upsert. */
  @Property({ type: 'json', columnType: 'jsonb', nullable: true })
  data!: unknown;

  @Property({ type: 'string', columnType: 'timestamptz', defaultRaw: 'now()' })
  changedAt!: string;
}
