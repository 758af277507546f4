import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

/** A recognition decision (quyết định công nhận): a dated act, separate from computed attainment. */
@Entity({ tableName: 'recognition_decision' })
@ObjectType({ description: 'A recognition decision (quyết định công nhận đạt chuẩn): a dated act of the competent authority, separate from computed attainment.' })
export class RecognitionDecision {
  @PrimaryKey({ type: 'number' })
  @Field(() => ID, { description: 'Identifier.' })
  id!: number;

  @Property({ type: 'string' })
  unitId!: string;

  @Property({ type: 'string' })
  @Field({ description: 'Criteria set recognised, e.g. "COMMUNE_NTM_2021_2025".' })
  setCode!: string;

  @Property({ type: 'string' })
  @Field({ description: 'Decision number, e.g. "1234/QĐ-UBND".' })
  decisionNumber!: string;

  @Property({ type: 'string', columnType: 'date' })
  @Field(() => Date, { description: 'Date of the decision.' })
  decidedOn!: string;

  @Property({ type: 'string' })
  @Field({ description: 'Issuing authority, e.g. "UBND tỉnh Nghệ An".' })
  authority!: string;

  @Property({ type: 'boolean' })
  @Field({ description: 'True for generated (synthetic) decisions of the demo dataset.' })
  generated!: boolean;
}
