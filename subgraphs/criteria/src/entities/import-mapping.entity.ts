import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** The column mapping last used for a source, reused for its next file. */
@Entity({ tableName: 'import_mapping' })
export class ImportMapping {
  @PrimaryKey({ type: 'string', columnType: 'text' })
  source!: string;

  @Property({ type: 'json', columnType: 'jsonb' })
  mapping!: unknown;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt!: Date;
}
