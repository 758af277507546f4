import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Counts for one indicator over the units of a roll-up.' })
export class IndicatorSummary {
  @Field({ description: 'Indicator code, e.g. "8.4".' })
  code!: string;

  @Field(() => Int, { description: 'Units meeting it.' })
  metCount!: number;

  @Field(() => Int, { description: 'Units not meeting it.' })
  notMetCount!: number;

  @Field(() => Int, { description: 'Units without (valid) data for it.' })
  noDataCount!: number;

  @Field(() => Int, { description: 'Units where it is not evaluated (no threshold known).' })
  notEvaluatedCount!: number;
}

@ObjectType({ description: 'Counts for one criterion over the units of a roll-up.' })
export class CriterionSummary {
  @Field({ description: 'Criterion number as text, e.g. "8".' })
  code!: string;

  @Field(() => Int, { description: 'Units meeting the criterion.' })
  metCount!: number;

  @Field(() => Int, { description: 'Units not meeting it.' })
  notMetCount!: number;

  @Field(() => Int, { description: 'Units lacking data for it (and not failing it).' })
  noDataCount!: number;
}

@ObjectType({
  description: 'Attainment of a criteria set over all units of its level within an area, for one year. Agrees with the per-unit assessments.',
})
export class AttainmentSummary {
  @Field({ description: 'The criteria set.' })
  setCode!: string;

  @Field(() => Int, { description: 'Year.' })
  year!: number;

  @Field(() => String, { nullable: true, description: 'Id of the area rolled up; null for the whole country.' })
  withinId!: string | null;

  @Field(() => Int, { description: 'Units of the set’s level in the area.' })
  unitCount!: number;

  @Field(() => Int, { description: 'Units meeting the whole set.' })
  metCount!: number;

  @Field(() => [IndicatorSummary], { description: 'Per indicator.' })
  indicators!: IndicatorSummary[];

  @Field(() => [CriterionSummary], { description: 'Per criterion.' })
  criteria!: CriterionSummary[];
}
