import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

/** TEMPLATE: one table, described once — the entity is both the table and the GraphQL type. */
@Entity({ tableName: 'example' })
@Index({ name: 'example_unit_id_index', properties: ['unitId'] })
@ObjectType({ description: 'An example record attached to an administrative unit (template).' })
export class Example {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  @Field(() => ID, { description: 'Identifier.' })
  id!: number;

  /** The AdminUnit federation key, "<code>@<list>": other subgraphs store units by it. */
  @Property({ type: 'string', columnType: 'text' })
  unitId!: string;

  @Property({ type: 'string', columnType: 'text' })
  @Field({ description: 'Title, trimmed, 1–200 characters.' })
  title!: string;
}
