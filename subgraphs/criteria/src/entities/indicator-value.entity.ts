import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Indicator } from './indicator.entity';
import { Field, Int, ObjectType } from 'type-graphql';
import { ValueStatus } from './enums';

/** One reported value: one unit, one indicator, one year. */
@Entity({ tableName: 'indicator_value' })
@Index({ name: 'indicator_value_unit_year_index', properties: ['unitId', 'year'] })
@Index({ name: 'indicator_value_recorded_at_index', properties: ['recordedAt'] })
@ObjectType({
  description: 'A reported indicator value (số liệu chỉ tiêu) of one unit for one year.',
  // Plain properties: graphql's default resolver reads them (type-graphql's per-field wrapper cost a
  // province pull's 170,000 fields an allocation and a call each).
  simpleResolvers: true,
})
export class IndicatorValueRecord {
  /** Its indicator (foreign key to indicator, deleted with it). */
  @ManyToOne(() => Indicator, {
    fieldName: 'indicator_id',
    foreignKeyName: 'indicator_value_indicator_id_fkey',
    mapToPk: true,
    deleteRule: 'cascade',
    updateRule: 'no action',
    primary: true,
  })
  indicatorId!: number;

  @PrimaryKey({ type: 'number', columnType: 'smallint' })
  @Field(() => Int, { description: 'Year reported.' })
  year!: number;

  @PrimaryKey({ type: 'string', columnType: 'text' })
  @Field({ description: 'Id of the unit ("<code>@<list>").' })
  unitId!: string;

  @Field({ description: 'Indicator key "<set>/<code>".' })
  indicatorKey!: string;

  @Property({ type: 'string', columnType: 'text' })
  @Field({ description: 'The value in its canonical text form ("true", "85.5", …).' })
  value!: string;

  @Enum({ items: () => ValueStatus, columnType: 'text', defaultRaw: "'DRAFT'" })
  @Field(() => ValueStatus, { description: 'DRAFT, SUBMITTED or APPROVED.' })
  status!: ValueStatus;

  /** The value as a number, for comparisons and roll-ups in SQL; null for values that are not numbers. */
  @Property({ type: 'double', columnType: 'double precision', nullable: true })
  numericValue!: number | null;

  @Property({ type: 'string', columnType: 'text' })
  @Field({ description: 'Where the value comes from, e.g. "SYNTHETIC" or an import name.' })
  source!: string;

  @Property({ type: 'string', columnType: 'text' })
  @Field({ description: 'Who recorded it.' })
  recordedBy!: string;

  @Property({ type: 'string', columnType: 'timestamptz', defaultRaw: 'now()' })
  @Field({ description: 'When it was recorded (ISO 8601).' })
  recordedAt!: string;
}
