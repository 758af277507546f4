import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * An OCOP owner (chủ thể OCOP, QĐ 26/2026 Art. 2.3): cooperative, cooperative group, enterprise,
 * farm or household business. A cooperative or group owner points at its `cooperative` row.
 */
@Entity({ tableName: 'ocop_owner' })
@Index({ name: 'ocop_owner_commune_id_index', properties: ['communeId'] })
export class OcopOwnerRecord {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  /** COOPERATIVE, COOPERATIVE_GROUP, ENTERPRISE, FARM, HOUSEHOLD_BUSINESS. */
  @Property({ type: 'string', columnType: 'text' })
  ownerType!: string;

  @Property({ type: 'string', columnType: 'text' })
  name!: string;

  /** AdminUnit id of the commune it is registered in (either official list). */
  @Property({ type: 'string', columnType: 'text' })
  communeId!: string;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  establishedOn!: string | null;

  @Property({ type: 'integer', nullable: true })
  cooperativeId!: number | null;

  @Property({ type: 'boolean' })
  generated!: boolean;
}
