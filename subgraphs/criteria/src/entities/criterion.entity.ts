import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';

/** A numbered criterion (tiêu chí) of a set, e.g. criterion 8, Information & Communication. */
@Entity({ tableName: 'criterion' })
@ObjectType({ description: 'A numbered criterion (tiêu chí) of a set, e.g. 8 "Thông tin và Truyền thông".' })
export class Criterion {
  @PrimaryKey({ type: 'number' })
  id!: number;

  @Property({ type: 'string' })
  setCode!: string;

  @Property({ type: 'number' })
  @Field(() => Int, { description: 'Number within the set.' })
  number!: number;

  @Property({ type: 'string' })
  @Field({ description: 'Vietnamese name.' })
  nameVi!: string;

  @Property({ type: 'string' })
  @Field({ description: 'English name.' })
  nameEn!: string;
}
