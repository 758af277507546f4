import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { CriteriaSet } from './criteria-set.entity';
import { Criterion } from './criterion.entity';
import { Field, Int, ObjectType } from 'type-graphql';
import { ValueType } from './enums';

/** A numbered indicator (chỉ tiêu) of a criterion, with its threshold rule. */
@Entity({ tableName: 'indicator' })
@Unique({ name: 'indicator_set_code_unique', properties: ['setCode', 'code'] })
@ObjectType({ description: 'A numbered indicator (chỉ tiêu) of a criterion, e.g. 8.4, with its threshold rule.' })
export class Indicator {
  @PrimaryKey({ type: 'number' })
  id!: number;

  @ManyToOne(() => CriteriaSet, {
    fieldName: 'set_code',
    foreignKeyName: 'indicator_set_code_fkey',
    mapToPk: true,
    deleteRule: 'cascade',
    updateRule: 'no action',
  })
  @Field({ description: 'Set this indicator belongs to.' })
  setCode!: string;

  /** Its criterion (foreign key to criterion, deleted with it). */
  @ManyToOne(() => Criterion, {
    fieldName: 'criterion_id',
    foreignKeyName: 'indicator_criterion_id_fkey',
    mapToPk: true,
    deleteRule: 'cascade',
    updateRule: 'no action',
  })
  criterionId!: number;

  @Field(() => Int, { description: 'Number of its criterion.' })
  criterionNumber!: number;

  @Property({ type: 'string', columnType: 'text' })
  @Field({ description: 'Code within the set, e.g. "8.4". The same code can mean different things in different sets.' })
  code!: string;

  @Field({ description: 'Unambiguous key "<set>/<code>", e.g. "COMMUNE_ADVANCED_2021_2025/15.2". Accepted wherever an indicator code is.' })
  key!: string;

  @Property({ type: 'string', columnType: 'text' })
  @Field({ description: 'Vietnamese name.' })
  nameVi!: string;

  @Property({ type: 'string', columnType: 'text' })
  @Field({ description: 'English name.' })
  nameEn!: string;

  @Enum({ items: () => ValueType, columnType: 'text' })
  @Field(() => ValueType, { description: 'How values are written and compared.' })
  valueType!: ValueType;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Unit of measure, e.g. "%".' })
  unitOfMeasure!: string | null;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'Threshold rule as written in the data file, e.g. ">= 50 if EM_MTN_ISL else >= 80"; null when no threshold is known.',
  })
  thresholdRule!: string | null;

  @Property({ type: 'boolean', defaultRaw: 'false' })
  @Field({ description: 'True when the threshold is a placeholder, not verified against the legal text.' })
  thresholdPlaceholder!: boolean;

  @Property({ type: 'string', columnType: 'text' })
  @Field({ description: 'Confidence in the source: HIGH, MEDIUM or LOW.' })
  confidence!: string;

  @Property({ type: 'string', columnType: 'text' })
  @Field({ description: 'Where this indicator comes from.' })
  source!: string;

  @Property({ type: 'number', columnType: 'int' })
  position!: number;
}
