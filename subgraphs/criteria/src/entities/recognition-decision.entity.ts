import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { CriteriaSet } from './criteria-set.entity';
import { Field, ID, ObjectType } from 'type-graphql';

/** A recognition decision (quyết định công nhận): a dated act, separate from computed attainment. */
@Entity({ tableName: 'recognition_decision' })
@Unique({ name: 'recognition_unit_set_unique', properties: ['unitId', 'setCode', 'decisionNumber'] })
@Index({ name: 'recognition_decision_unit_index', properties: ['unitId'] })
@ObjectType({
  description: 'A recognition decision (quyết định công nhận đạt chuẩn): a dated act of the competent authority, separate from computed attainment.',
})
export class RecognitionDecision {
  @PrimaryKey({ type: 'number' })
  @Field(() => ID, { description: 'Identifier.' })
  id!: number;

  @Property({ type: 'string', columnType: 'text' })
  unitId!: string;

  @ManyToOne(() => CriteriaSet, {
    fieldName: 'set_code',
    foreignKeyName: 'recognition_decision_set_code_fkey',
    mapToPk: true,
    deleteRule: 'no action',
    updateRule: 'no action',
  })
  @Field({ description: 'Criteria set recognised, e.g. "COMMUNE_NTM_2021_2025".' })
  setCode!: string;

  @Property({ type: 'string', columnType: 'text' })
  @Field({ description: 'Decision number, e.g. "1234/QĐ-UBND".' })
  decisionNumber!: string;

  @Property({ type: 'string', columnType: 'date' })
  @Field(() => Date, { description: 'Date of the decision.' })
  decidedOn!: string;

  @Property({ type: 'string', columnType: 'text' })
  @Field({ description: 'Issuing authority, e.g. "UBND tỉnh Nghệ An".' })
  authority!: string;

  @Property({ type: 'boolean', defaultRaw: 'false' })
  @Field({ description: 'True for generated (synthetic) decisions of the demo dataset.' })
  generated!: boolean;
}
