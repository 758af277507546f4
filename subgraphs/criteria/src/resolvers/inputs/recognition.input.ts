import { Field, InputType } from 'type-graphql';

@InputType({ description: 'A recognition decision (quyết định công nhận) to record.' })
export class RecognitionInput {
  @Field({ description: 'Official code of the unit recognised.' })
  unitCode!: string;

  @Field(() => Date, { nullable: true, description: 'Date whose unit list `unitCode` refers to; default: the decision date.' })
  asOf?: string | null;

  @Field({ description: 'Criteria set recognised, e.g. "COMMUNE_NTM_2021_2025".' })
  setCode!: string;

  @Field({ description: 'Decision number, e.g. "1234/QĐ-UBND".' })
  decisionNumber!: string;

  @Field(() => Date, { description: 'Date of the decision.' })
  decidedOn!: string;

  @Field({ description: 'Issuing authority, e.g. "UBND tỉnh Nghệ An".' })
  authority!: string;
}
