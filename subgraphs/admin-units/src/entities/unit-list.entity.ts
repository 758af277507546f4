import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

/** One official list of administrative units (danh mục đơn vị hành chính), in force for a period. */
@Entity({ tableName: 'unit_list' })
@ObjectType({ description: 'An official list of administrative units (danh mục đơn vị hành chính), in force for a period.' })
export class UnitList {
  @PrimaryKey({ type: 'string', columnType: 'text' })
  @Field(() => ID, { description: 'The date of the list edition, e.g. "2025-03-01" or "2025-07-01"; the suffix of every AdminUnit id.' })
  id!: string;

  @Property({ type: 'string', columnType: 'text' })
  @Field({ description: 'What the list is.' })
  name!: string;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  @Field(() => Date, { nullable: true, description: 'First day in force; null when the source does not record it.' })
  validFrom!: string | null;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  @Field(() => Date, { nullable: true, description: 'Last day in force; null while current.' })
  validTo!: string | null;

  @Property({ type: 'string', columnType: 'text' })
  @Field({ description: 'Where the data comes from.' })
  source!: string;
}
