import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * One OCOP rating decision (quyết định công nhận), kept forever: expired and revoked ratings stay in
 * the history. `validUntil` is the last day of the 36 months (QĐ 26/2026 Art. 4.3); `validThrough`
 * adds a late re-rating filer's extension (Art. 12.3) — equal to `validUntil` when there is none.
 */
@Entity({ tableName: 'ocop_rating' })
@Index({ name: 'ocop_rating_product_id_index', properties: ['productId', 'decidedOn'] })
export class OcopRatingRecord {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'integer' })
  productId!: number;

  @Property({ type: 'smallint' })
  stars!: number;

  @Property({ type: 'decimal', columnType: 'numeric(5,2)' })
  score!: string;

  @Property({ type: 'decimal', columnType: 'numeric(5,2)' })
  partA!: string;

  @Property({ type: 'decimal', columnType: 'numeric(5,2)' })
  partB!: string;

  @Property({ type: 'decimal', columnType: 'numeric(5,2)' })
  partC!: string;

  @Property({ type: 'string', columnType: 'text' })
  classSystem!: string;

  @Property({ type: 'string', columnType: 'text' })
  productSetCode!: string;

  @Property({ type: 'string', columnType: 'text' })
  decisionNumber!: string;

  @Property({ type: 'string', columnType: 'date' })
  decidedOn!: string;

  /** MINISTRY, PROVINCE or DISTRICT: stored as data, never derived from the stars. */
  @Property({ type: 'string', columnType: 'text' })
  authorityLevel!: string;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  authorityUnitCode!: string | null;

  @Property({ type: 'string', columnType: 'text' })
  authorityName!: string;

  @Property({ type: 'string', columnType: 'date' })
  validUntil!: string;

  @Property({ type: 'string', columnType: 'date' })
  validThrough!: string;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  reRatingFiledOn!: string | null;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  reRatingDecidedOn!: string | null;

  @Property({ type: 'boolean' })
  generated!: boolean;
}

/** Revocation of a rating (thu hồi, QĐ 26/2026 Art. 8): at most one per rating. */
@Entity({ tableName: 'ocop_revocation' })
@Unique({ name: 'ocop_revocation_rating_id_unique', properties: ['ratingId'] })
export class OcopRevocationRecord {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'integer' })
  ratingId!: number;

  @Property({ type: 'string', columnType: 'date' })
  revokedOn!: string;

  /** A key of REVOCATION_GROUNDS (Art. 8.1). */
  @Property({ type: 'string', columnType: 'text' })
  ground!: string;

  @Property({ type: 'string', columnType: 'text' })
  reason!: string;

  @Property({ type: 'string', columnType: 'text' })
  decisionNumber!: string;

  @Property({ type: 'string', columnType: 'text' })
  authorityLevel!: string;

  @Property({ type: 'string', columnType: 'text' })
  authorityName!: string;

  @Property({ type: 'boolean' })
  generated!: boolean;
}
