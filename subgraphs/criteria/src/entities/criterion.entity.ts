import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { CriteriaSet } from './criteria-set.entity';
import { Field, Int, ObjectType } from 'type-graphql';

/** A numbered criterion (tiêu chí) of a set, e.g. criterion 8, Information & Communication. */
@Entity({ tableName: 'criterion' })
@Unique({ name: 'criterion_set_number_unique', properties: ['setCode', 'number'] })
@ObjectType({ description: 'A numbered criterion (tiêu chí) of a set, e.g. 8 "Thông tin và Truyền thông".' })
export class Criterion {
  @PrimaryKey({ type: 'number' })
  id!: number;

  /** Code of its set (foreign key to criteria_set, deleted with it). */
  @ManyToOne(() => CriteriaSet, {
    fieldName: 'set_code',
    foreignKeyName: 'criterion_set_code_fkey',
    mapToPk: true,
    deleteRule: 'cascade',
    updateRule: 'no action',
  })
  setCode!: string;

  @Property({ type: 'number', columnType: 'int' })
  @Field(() => Int, { description: 'Number within the set.' })
  number!: number;

  @Property({ type: 'string', columnType: 'text' })
  @Field({ description: 'Vietnamese name.' })
  nameVi!: string;

  @Property({ type: 'string', columnType: 'text' })
  @Field({ description: 'English name.' })
  nameEn!: string;
}
