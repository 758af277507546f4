import { BigIntType, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** Where a pilot stands on one lifecycle step: planned and actual dates, evidence (a decision or document). */
@Entity({ tableName: 'pilot_step' })
export class PilotStepRow {
  @PrimaryKey({ type: 'string', columnType: 'text' })
  pilotId!: string;

  @PrimaryKey({ type: 'string', columnType: 'text' })
  code!: string;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  plannedOn!: string | null;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  startedOn!: string | null;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  completedOn!: string | null;

  /** DECISION or DOCUMENT. */
  @Property({ type: 'string', columnType: 'text', nullable: true })
  evidenceKind!: string | null;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  evidenceReference!: string | null;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  evidenceDate!: string | null;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  evidenceAuthority!: string | null;

  @Property({ type: 'string', columnType: 'text' })
  updatedBy!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt!: Date;
}

/** One funding line of a pilot (nguồn kinh phí): planned and disbursed VND, whole numbers. */
@Entity({ tableName: 'funding_line' })
export class FundingLineRow {
  @PrimaryKey({ type: 'string', columnType: 'text' })
  pilotId!: string;

  /** CENTRAL, PROVINCE, DISTRICT, COMMUNE, ENTERPRISE or PEOPLE. */
  @PrimaryKey({ type: 'string', columnType: 'text' })
  source!: string;

  @Property({ type: new BigIntType('bigint'), columnType: 'bigint' })
  planned!: bigint;

  @Property({ type: new BigIntType('bigint'), columnType: 'bigint' })
  disbursed!: bigint;

  @Property({ type: 'string', columnType: 'text' })
  updatedBy!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt!: Date;
}

/** One item of a smart-village pilot's checklist (seed 003 §III.5): its value and evidence. */
@Entity({ tableName: 'village_checklist_item' })
export class VillageChecklistItemRow {
  @PrimaryKey({ type: 'string', columnType: 'text' })
  pilotId!: string;

  /** A code of data/smart-village-requirements.csv. */
  @PrimaryKey({ type: 'string', columnType: 'text' })
  code!: string;

  /** The value as text: "true"/"false" or a number; null when not known. */
  @Property({ type: 'string', columnType: 'text', nullable: true })
  value!: string | null;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  evidenceReference!: string | null;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  source!: string | null;

  @Property({ type: 'string', columnType: 'text' })
  updatedBy!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt!: Date;
}

/** The record of every write: which pilot, what, by whom, when. */
@Entity({ tableName: 'pilot_change' })
@Index({ name: 'pilot_change_pilot_id_index', properties: ['pilotId'] })
export class PilotChange {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', columnType: 'text' })
  pilotId!: string;

  /** CREATE, STEP, FUNDING, APPROVE, CHECKLIST. */
  @Property({ type: 'string', columnType: 'text' })
  action!: string;

  @Property({ type: 'json', columnType: 'jsonb' })
  detail!: unknown;

  @Property({ type: 'string', columnType: 'text' })
  actor!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  at!: Date;
}
