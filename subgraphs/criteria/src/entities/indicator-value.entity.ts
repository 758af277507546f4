import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { ValueStatus } from './enums';

/** One reported value: one unit, one indicator, one year. */
@Entity({ tableName: 'indicator_value' })
@ObjectType({ description: 'A reported indicator value (số liệu chỉ tiêu) of one unit for one year.' })
export class IndicatorValueRecord {
  @PrimaryKey({ type: 'number' })
  indicatorId!: number;

  @PrimaryKey({ type: 'number' })
  @Field(() => Int, { description: 'Year reported.' })
  year!: number;

  @PrimaryKey({ type: 'string' })
  @Field({ description: 'Id of the unit ("<code>@<list>").' })
  unitId!: string;

  @Field({ description: 'Indicator key "<set>/<code>".' })
  indicatorKey!: string;

  @Property({ type: 'string' })
  @Field({ description: 'The value in its canonical text form ("true", "85.5", …).' })
  value!: string;

  @Property({ type: 'string' })
  @Field(() => ValueStatus, { description: 'DRAFT, SUBMITTED or APPROVED.' })
  status!: ValueStatus;

  @Property({ type: 'string' })
  @Field({ description: 'Where the value comes from, e.g. "SYNTHETIC" or an import name.' })
  source!: string;

  @Property({ type: 'string' })
  @Field({ description: 'Who recorded it.' })
  recordedBy!: string;

  @Property({ type: 'string', columnType: 'timestamptz' })
  @Field({ description: 'When it was recorded (ISO 8601).' })
  recordedAt!: string;
}
