import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';

/**
 * One correction of a unit's commune group (xã nhóm) by an ADMIN: the audit trail, and what a
 * re-seed re-applies on top of the generated groups (the latest correction of a unit wins). No
 * foreign key to admin_unit: a re-seed truncates the units, and the corrections must outlive it.
 */
@Entity({ tableName: 'commune_group_correction' })
@Index({ name: 'commune_group_correction_unit_index', properties: ['unitId', 'id'] })
@ObjectType({ description: "A change of a unit's commune group made by an ADMIN (audited; the latest one is in force)." })
export class CommuneGroupCorrection {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  /** The corrected unit, "<code>@<list>". */
  @Property({ type: 'string', columnType: 'text' })
  unitId!: string;

  @Property({ type: 'smallint', nullable: true })
  @Field(() => Int, { nullable: true, description: 'The group before the change (null: none).' })
  fromGroup!: number | null;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Where the group before the change came from (GENERATED:<rule> or CORRECTED).' })
  fromSource!: string | null;

  @Property({ type: 'smallint' })
  @Field(() => Int, { description: 'The group set by the change.' })
  toGroup!: number;

  @Property({ type: 'string', columnType: 'text' })
  @Field({ description: 'Why, as the ADMIN wrote it (e.g. the provincial decision that assigns the group).' })
  reason!: string;

  @Property({ type: 'string', columnType: 'text' })
  @Field({ description: 'The signed-in user who made the change (token subject).' })
  changedBy!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  @Field(() => Date, { description: 'When the change was made.' })
  changedAt!: Date;
}
