import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { ValueStatus } from './enums';

/**
 * One change of a reported value (nhật ký thay đổi): written by the database, in the transaction
 * of the change, for every insert, update, status change and import made by a signed-in user
 * (statement-level triggers over the changed rows: one INSERT … SELECT per batch).
 */
@Entity({ tableName: 'indicator_value_change' })
@Index({ name: 'indicator_value_change_key_index', properties: ['unitId', 'indicatorId', 'year', 'changedAt'] })
@ObjectType({ description: 'One change of a reported value (nhật ký thay đổi số liệu): who, when, from what to what, and why.' })
export class IndicatorValueChange {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'number', columnType: 'int' })
  indicatorId!: number;

  @Property({ type: 'number', columnType: 'smallint' })
  year!: number;

  @Property({ type: 'string', columnType: 'text' })
  unitId!: string;

  @Property({ type: 'string', columnType: 'timestamptz', defaultRaw: 'now()' })
  @Field({ description: 'When the change was made (ISO 8601).' })
  changedAt!: string;

  @Property({ type: 'string', columnType: 'text' })
  @Field({ description: 'Who made it: the signed-in user’s subject (sub).' })
  changedBy!: string;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The value before; null when the change created it.' })
  fromValue!: string | null;

  @Property({ type: 'string', columnType: 'text' })
  @Field({ description: 'The value after.' })
  toValue!: string;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  @Field(() => ValueStatus, { nullable: true, description: 'The workflow state before; null when the change created the value.' })
  fromStatus!: ValueStatus | null;

  @Property({ type: 'string', columnType: 'text' })
  @Field(() => ValueStatus, { description: 'The workflow state after.' })
  toStatus!: ValueStatus;

  @Property({ type: 'string', columnType: 'text' })
  @Field({ description: 'Where the value after comes from (file name, form, "api").' })
  source!: string;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why, when one was given (required to un-approve).' })
  reason!: string | null;
}
