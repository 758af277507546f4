import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { ValueType } from './enums';

/** A numbered indicator (chỉ tiêu) of a criterion, with its threshold rule. */
@Entity({ tableName: 'indicator' })
@ObjectType({ description: 'A numbered indicator (chỉ tiêu) of a criterion, e.g. 8.4, with its threshold rule.' })
export class Indicator {
  @PrimaryKey({ type: 'number' })
  id!: number;

  @Property({ type: 'string' })
  @Field({ description: 'Set this indicator belongs to.' })
  setCode!: string;

  @Property({ type: 'number' })
  criterionId!: number;

  @Field(() => Int, { description: 'Number of its criterion.' })
  criterionNumber!: number;

  @Property({ type: 'string' })
  @Field({ description: 'Code within the set, e.g. "8.4". The same code can mean different things in different sets.' })
  code!: string;

  @Field({ description: 'Unambiguous key "<set>/<code>", e.g. "COMMUNE_ADVANCED_2021_2025/15.2". Accepted wherever an indicator code is.' })
  key!: string;

  @Property({ type: 'string' })
  @Field({ description: 'Vietnamese name.' })
  nameVi!: string;

  @Property({ type: 'string' })
  @Field({ description: 'English name.' })
  nameEn!: string;

  @Property({ type: 'string' })
  @Field(() => ValueType, { description: 'How values are written and compared.' })
  valueType!: ValueType;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true, description: 'Unit of measure, e.g. "%".' })
  unitOfMeasure!: string | null;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true, description: 'Threshold rule as written in the data file, e.g. ">= 50 if EM_MTN_ISL else >= 80"; null when no threshold is known.' })
  thresholdRule!: string | null;

  @Property({ type: 'boolean' })
  @Field({ description: 'True when the threshold is a placeholder, not verified against the legal text.' })
  thresholdPlaceholder!: boolean;

  @Property({ type: 'string' })
  @Field({ description: 'Confidence in the source: HIGH, MEDIUM or LOW.' })
  confidence!: string;

  @Property({ type: 'string' })
  @Field({ description: 'Where this indicator comes from.' })
  source!: string;

  @Property({ type: 'number' })
  position!: number;
}
