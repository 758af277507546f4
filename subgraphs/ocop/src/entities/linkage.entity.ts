import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** A linkage project or plan (dự án / kế hoạch liên kết, Decree 98/2018/NĐ-CP). */
@Entity({ tableName: 'linkage_project' })
export class LinkageProjectRecord {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', columnType: 'text' })
  name!: string;

  @Property({ type: 'string', columnType: 'text' })
  leadKind!: string;

  @Property({ type: 'string', columnType: 'text' })
  leadRef!: string;

  /** The key product (sản phẩm chủ lực) it is for, or null. */
  @Property({ type: 'string', columnType: 'text', nullable: true })
  keyProduct!: string | null;

  /** Raw-material zone area in hectares, null when the project has no zone. */
  @Property({ type: 'decimal', columnType: 'numeric(12,2)', nullable: true })
  rawMaterialAreaHa!: string | null;

  @Property({ type: 'string[]', columnType: 'text[]' })
  growingAreaCodes!: string[];

  @Property({ type: 'string', columnType: 'date' })
  startDate!: string;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  endDate!: string | null;

  @Property({ type: 'string[]', columnType: 'text[]' })
  contractRefs!: string[];

  @Property({ type: 'string[]', columnType: 'text[]' })
  digitalTechnologies!: string[];

  @Property({ type: 'string', columnType: 'text', nullable: true })
  approvalDecisionNumber!: string | null;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  approvalDecisionDate!: string | null;

  @Property({ type: 'boolean' })
  generated!: boolean;
}

/** A party to a linkage project and its role. */
@Entity({ tableName: 'linkage_participant' })
@Index({ name: 'linkage_participant_project_id_index', properties: ['projectId'] })
@Index({ name: 'linkage_participant_cooperative_id_index', properties: ['cooperativeId'] })
export class LinkageParticipantRecord {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'integer' })
  projectId!: number;

  @Property({ type: 'string', columnType: 'text' })
  kind!: string;

  @Property({ type: 'string', columnType: 'text' })
  role!: string;

  @Property({ type: 'string', columnType: 'text' })
  ref!: string;

  @Property({ type: 'integer', nullable: true })
  cooperativeId!: number | null;

  @Property({ type: 'integer', nullable: true })
  ownerId!: number | null;

  @Property({ type: 'boolean' })
  generated!: boolean;
}

/** A commune a linkage project covers (AdminUnit id, either list). */
@Entity({ tableName: 'linkage_commune' })
@Index({ name: 'linkage_commune_commune_id_index', properties: ['communeId'] })
export class LinkageCommuneRecord {
  @PrimaryKey({ type: 'integer' })
  projectId!: number;

  @PrimaryKey({ type: 'string', columnType: 'text' })
  communeId!: string;

  @Property({ type: 'boolean' })
  generated!: boolean;
}

/** A support item of a linkage project (Decree 98/2018 Art. 7): amounts in whole VND. */
@Entity({ tableName: 'linkage_support_item' })
@Index({ name: 'linkage_support_item_project_id_index', properties: ['projectId'] })
export class LinkageSupportItemRecord {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'integer' })
  projectId!: number;

  @Property({ type: 'string', columnType: 'text' })
  kind!: string;

  @Property({ type: 'decimal', columnType: 'numeric(5,2)' })
  sharePercent!: string;

  @Property({ type: 'bigint', columnType: 'bigint' })
  capVnd!: string;

  @Property({ type: 'bigint', columnType: 'bigint' })
  amountVnd!: string;

  @Property({ type: 'boolean' })
  generated!: boolean;
}
