import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum CompletionStatus {
  MET = 'MET',
  NOT_MET = 'NOT_MET',
  NOT_EVALUATED = 'NOT_EVALUATED',
}

registerEnumType(CompletionStatus, {
  name: 'CompletionStatus',
  description: 'MET or NOT_MET against the rule; NOT_EVALUATED when a fact is missing or the requirement is not known.',
});

@ObjectType({ description: 'One condition of province completion (Decision 51/2025/QĐ-TTg, Appendix III), assessed.' })
export class ProvinceCompletionConditionResult {
  @Field({ description: 'Condition code, e.g. "COMMUNES_NTM_SHARE".' })
  code!: string;

  @Field(() => CompletionStatus, { description: 'MET, NOT_MET or NOT_EVALUATED.' })
  status!: CompletionStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Why NOT_EVALUATED: MISSING_VALUE (no fact) or NO_RULE (the requirement is not known); null otherwise.',
  })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: 'The fact assessed, as text (e.g. "42.5" for a percentage); null when there is none.' })
  value!: string | null;

  @Field(() => String, { nullable: true, description: 'The requirement, e.g. "= 100%"; null when it is not known.' })
  threshold!: string | null;

  @Field({ description: 'What was assessed and how the value was obtained, in English.' })
  description!: string;

  @Field({ description: 'The condition as the decision words it (Vietnamese).' })
  descriptionVi!: string;

  @Field({ description: 'True when the requirement is a placeholder that could not be read from the decision (see source).' })
  placeholder!: boolean;

  @Field({ description: 'Where the condition comes from.' })
  source!: string;

  @Field({ description: 'Confidence in the source: HIGH, MEDIUM or LOW.' })
  confidence!: string;
}

@ObjectType({
  description:
    'Whether a province has completed the task of building new rural areas (tỉnh hoàn thành nhiệm vụ xây dựng nông thôn mới) in a year, under the conditions of the phase in force (Decision 51/2025/QĐ-TTg, Appendix III for 2026–2030), computed and explained.',
})
export class ProvinceCompletion {
  @Field({ description: 'Year assessed.' })
  year!: number;

  @Field({ description: 'Phase whose conditions applied, e.g. "2026-2030".' })
  phase!: string;

  @Field(() => CompletionStatus, { description: 'NOT_MET if any condition is NOT_MET, else NOT_EVALUATED if any is, else MET.' })
  status!: CompletionStatus;

  @Field({ description: 'True when a MET/NOT_MET decision used a placeholder requirement.' })
  provisional!: boolean;

  @Field({ description: 'One line: the status and the conditions that decided it.' })
  explanation!: string;

  @Field({ description: 'Communes (xã; wards and special zones are not NTM communes) of the province on the year’s list.' })
  communesTotal!: number;

  @Field({
    description:
      'Of those, communes with a recognition decision (quyết định công nhận) under the commune set in force, decided by the end of the year.',
  })
  communesRecognised!: number;

  @Field(() => [ProvinceCompletionConditionResult], { description: 'Every condition, with its status, value and requirement.' })
  conditions!: ProvinceCompletionConditionResult[];
}
