import { BigIntType, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { PilotKindEnum, PilotStageEnum, PilotStatusEnum } from '../resolvers/types/enums';

/**
 * A pilot model (mô hình thí điểm), issue 11: the unit it is built in (kept as it was: a pilot built in a
 * 2024 commune keeps `<code>@2025-03-01`; today's unit comes from the lineage), kind, topic groups, approving
 * decision, status and stage. Its steps, funding lines and checklist are separate tables.
 */
@Entity({ tableName: 'pilot' })
@Index({ name: 'pilot_area_unit_id_index', properties: ['areaUnitId'] })
@Index({ name: 'pilot_unit_id_index', properties: ['unitId'] })
@ObjectType('PilotModel', {
  description:
    'A pilot model (mô hình thí điểm): smart NTM commune, e-commerce commune, smart village or district data pilot, with its lifecycle, funding and schedule.',
})
export class Pilot {
  @PrimaryKey({ type: 'string', columnType: 'text' })
  @Field(() => ID, {
    description:
      'Stable key: "FB-<commune code>" for the real first batch, "GEN-<province>-<kind>-<code>" for generated pilots, "P-…" for pilots created through the API.',
  })
  id!: string;

  @Property({ type: 'string', columnType: 'text' })
  @Field(() => PilotKindEnum, { description: 'Kind of pilot (loại mô hình).' })
  kind!: string;

  /** The AdminUnit key of the unit the pilot is built in, "<code>@<list>". */
  @Property({ type: 'string', columnType: 'text' })
  unitId!: string;

  @Property({ type: 'string', columnType: 'text' })
  unitLevel!: string;

  /** The unit's name when the pilot was recorded (the live name comes from admin-units through `unit`). */
  @Property({ type: 'string', columnType: 'text' })
  unitName!: string;

  /** The unit of the unit-profile replica that places the pilot in areas: the unit itself, or a village's commune. */
  @Property({ type: 'string', columnType: 'text' })
  areaUnitId!: string;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  provinceCode!: string | null;

  @Property({ type: 'string[]', columnType: 'text[]', nullable: true })
  @Field(() => [String], {
    nullable: true,
    description: 'Topic groups covered (nhóm nội dung), codes of data/topic-groups.csv; null when not known (the first batch).',
  })
  topicGroups!: string[] | null;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  approvalNumber!: string | null;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  approvalDate!: string | null;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  approvalAuthority!: string | null;

  @Property({ type: 'string', columnType: 'text' })
  @Field(() => PilotStatusEnum, { description: 'Status (trạng thái), separate from the stage.' })
  status!: string;

  /** Derived from the steps on every write (deriveStage), stored so lists filter by it in SQL. */
  @Property({ type: 'string', columnType: 'text' })
  @Field(() => PilotStageEnum, { description: 'Lifecycle stage (giai đoạn): the earliest phase with a step not completed, DONE when all are.' })
  stage!: string;

  /** The plan's own stated total (tổng kinh phí), VND; null when it states none. */
  @Property({ type: new BigIntType('bigint'), columnType: 'bigint', nullable: true })
  declaredTotal!: bigint | null;

  @Property({ type: 'boolean' })
  @Field({ description: 'True for generated (synthetic) pilots; false for real ones (the first batch) and those recorded through the API.' })
  generated!: boolean;

  @Property({ type: 'string', columnType: 'text' })
  @Field({ description: 'Where the record comes from.' })
  source!: string;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Remarks (e.g. what is not public).' })
  note!: string | null;

  @Property({ type: 'string', columnType: 'text' })
  @Field({ description: 'Who recorded the pilot (user id, or "seed").' })
  createdBy!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  @Field({ description: 'When the pilot was recorded.' })
  createdAt!: Date;

  @Property({ type: 'string', columnType: 'text' })
  @Field({ description: 'Who changed it last.' })
  updatedBy!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  @Field({ description: 'When it was changed last.' })
  updatedAt!: Date;
}
