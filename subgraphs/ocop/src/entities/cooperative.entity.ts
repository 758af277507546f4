import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * A cooperative, cooperative group or cooperative union (hợp tác xã, tổ hợp tác, liên hiệp hợp tác xã;
 * Law 17/2023/QH15). `registrationKey` is the normalised registration number, unique.
 */
@Entity({ tableName: 'cooperative' })
@Unique({ name: 'cooperative_registration_key_unique', properties: ['registrationKey'] })
@Index({ name: 'cooperative_commune_id_index', properties: ['communeId'] })
export class CooperativeRecord {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', columnType: 'text' })
  legalForm!: string;

  @Property({ type: 'string', columnType: 'text' })
  registrationNumber!: string;

  @Property({ type: 'string', columnType: 'text' })
  registrationKey!: string;

  @Property({ type: 'string', columnType: 'text' })
  name!: string;

  /** Folded name (no diacritics, lower case) for search. */
  @Property({ type: 'string', columnType: 'text' })
  nameKey!: string;

  @Property({ type: 'string', columnType: 'text' })
  communeId!: string;

  @Property({ type: 'string', columnType: 'date' })
  foundedOn!: string;

  @Property({ type: 'integer' })
  members!: number;

  @Property({ type: 'string', columnType: 'text' })
  mainSector!: string;

  @Property({ type: 'string', columnType: 'text' })
  status!: string;

  @Property({ type: 'boolean' })
  generated!: boolean;
}
