import { Field, Float, Int, ObjectType } from 'type-graphql';
import { AttainmentStatus, ValueType } from '../../entities/enums';

@ObjectType({ description: 'Attainment of one indicator for one unit and year, with the threshold that applied and the gap.' })
export class IndicatorAssessment {
  @Field({ description: 'Indicator code within the set, e.g. "8.4".' })
  code!: string;

  @Field({ description: 'Vietnamese name.' })
  nameVi!: string;

  @Field({ description: 'English name.' })
  nameEn!: string;

  @Field(() => ValueType, { description: 'How the value is written and compared.' })
  valueType!: ValueType;

  @Field(() => AttainmentStatus, { description: 'MET, NOT_MET, NO_DATA or NOT_EVALUATED.' })
  status!: AttainmentStatus;

  @Field(() => String, {
    nullable: true,
    description:
      'Why NO_DATA or NOT_EVALUATED: MISSING_VALUE, INVALID_VALUE, NO_RULE, NOT_APPLICABLE, or NO_COMMUNE_GROUP (the 2026–2030 threshold depends on the commune group, xã nhóm, and the unit has none).',
  })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: 'The reported value (canonical text); null when missing.' })
  value!: string | null;

  @Field(() => String, { nullable: true, description: 'The threshold that applied to this unit this year, e.g. "≥ 80%"; null when none is known.' })
  threshold!: string | null;

  @Field(() => String, { nullable: true, description: 'The branch of the rule that applied, as written, e.g. ">= 50 if EM_MTN_ISL".' })
  thresholdRuleApplied!: string | null;

  @Field({ description: 'True when the threshold is a placeholder, not verified against the legal text.' })
  thresholdPlaceholder!: boolean;

  @Field(() => Float, {
    nullable: true,
    description: 'How far from the target a numeric value is (0 when met); null for true/false and category indicators, and without a value.',
  })
  gap!: number | null;
}

@ObjectType({ description: 'Attainment of one criterion: MET when all its evaluated indicators are met.' })
export class CriterionAssessment {
  @Field({ description: 'Criterion number as text, e.g. "8".' })
  code!: string;

  @Field(() => Int, { description: 'Criterion number.' })
  number!: number;

  @Field({ description: 'Vietnamese name.' })
  nameVi!: string;

  @Field({ description: 'English name.' })
  nameEn!: string;

  @Field(() => AttainmentStatus, { description: 'NOT_MET if any indicator is not met, else NO_DATA if any lacks data, else MET.' })
  status!: AttainmentStatus;

  @Field(() => [IndicatorAssessment], { description: 'Its indicators, in order.' })
  indicators!: IndicatorAssessment[];
}

@ObjectType({ description: 'Computed attainment of a criteria set by one unit in one year, explaining itself down to each indicator.' })
export class Assessment {
  @Field({ description: 'The criteria set.' })
  setCode!: string;

  @Field(() => Int, { description: 'The year assessed.' })
  year!: number;

  @Field(() => AttainmentStatus, { description: 'MET when every criterion is met.' })
  status!: AttainmentStatus;

  @Field(() => Int, { description: 'How many criteria are met.' })
  metCriteriaCount!: number;

  @Field(() => [String], { description: 'Codes of the indicators not met: why the unit does not meet the set.' })
  unmetIndicators!: string[];

  @Field(() => [String], { description: 'Codes of the indicators without (valid) data.' })
  missingIndicators!: string[];

  @Field({ description: 'True when a MET/NOT_MET decision relied on a placeholder threshold.' })
  provisional!: boolean;

  @Field(() => [CriterionAssessment], { description: 'Per criterion, in order.' })
  criteria!: CriterionAssessment[];
}
