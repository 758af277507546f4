import { Field, InputType } from 'type-graphql';
import { EvidenceKindEnum, FundingSourceEnum, PilotKindEnum, PilotStageEnum, PilotStatusEnum, StepActionEnum } from '../types/enums';
import { VndScalar } from '../types/vnd.scalar';

@InputType({ description: 'Which pilots to list.' })
export class PilotFilter {
  @Field(() => String, {
    nullable: true,
    description:
      'Only pilots within this area, by its official code on either list ("40" is Nghệ An on both): pilots built in a 2024 unit are found under today’s province and vice versa, through the lineage.',
  })
  within?: string | null;

  @Field(() => PilotKindEnum, { nullable: true, description: 'Only this kind.' })
  kind?: string | null;

  @Field(() => PilotStatusEnum, { nullable: true, description: 'Only this status.' })
  status?: string | null;

  @Field(() => PilotStageEnum, { nullable: true, description: 'Only this stage.' })
  stage?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only generated (true) or only real and recorded (false) pilots.' })
  generated?: boolean | null;
}

@InputType({ description: 'A planned date for a step.' })
export class PlannedStepInput {
  @Field({ description: 'Step code (data/lifecycle.csv), e.g. "DESIGN_SURVEY".' })
  step!: string;

  @Field(() => Date, { description: 'Planned date.' })
  date!: string;
}

@InputType({ description: 'One funding line: a source and its planned and disbursed amounts in VND.' })
export class FundingLineInput {
  @Field(() => FundingSourceEnum, { description: 'Source of funds.' })
  source!: string;

  @Field(() => VndScalar, { description: 'Planned, VND (whole number).' })
  planned!: bigint;

  @Field(() => VndScalar, { description: 'Disbursed so far, VND (whole number); not more than planned.' })
  disbursed!: bigint;
}

@InputType({ description: 'A funding plan (kế hoạch kinh phí): its lines (one per source) and, optionally, the total it states.' })
export class FundingInput {
  @Field(() => [FundingLineInput], { description: 'The lines, written whole: all or none.' })
  lines!: FundingLineInput[];

  @Field(() => VndScalar, { nullable: true, description: 'The total the plan states (tổng kinh phí); refused when the lines do not add up to it.' })
  declaredTotal?: bigint | null;
}

@InputType({ description: 'A new pilot.' })
export class CreatePilotInput {
  @Field(() => PilotKindEnum, { description: 'Kind of pilot.' })
  kind!: string;

  @Field({
    description:
      'The unit it is built in, "<code>@<list>": a commune for SMART_COMMUNE and ECOMMERCE_COMMUNE, a village for SMART_VILLAGE, a district (list before 2025-07-01) for DISTRICT_DATA_PILOT, a commune of the list from 2025-07-01 for MODERN_NTM_COMMUNE.',
  })
  unitId!: string;

  @Field(() => [String], {
    nullable: true,
    description: 'Topic groups (data/topic-groups.csv); at least one for commune kinds, none for the others.',
  })
  topicGroups?: string[] | null;

  @Field(() => [PlannedStepInput], { nullable: true, description: 'Planned dates of steps.' })
  plannedSteps?: PlannedStepInput[] | null;

  @Field(() => FundingInput, { nullable: true, description: 'Funding plan.' })
  funding?: FundingInput | null;
}

@InputType({ description: 'Evidence for a step: a decision or document reference.' })
export class EvidenceInput {
  @Field(() => EvidenceKindEnum, { description: 'DECISION or DOCUMENT.' })
  kind!: 'DECISION' | 'DOCUMENT';

  @Field({ description: 'Number or title, e.g. "1234/QĐ-UBND".' })
  reference!: string;

  @Field(() => Date, { nullable: true, description: 'Date of the decision or document.' })
  date?: string | null;

  @Field(() => String, { nullable: true, description: 'Issuing authority.' })
  authority?: string | null;
}

@InputType({ description: 'Moving a pilot forward on one step.' })
export class StepMoveInput {
  @Field({ description: 'Step code (data/lifecycle.csv).' })
  step!: string;

  @Field(() => StepActionEnum, { description: 'PLAN, START or COMPLETE.' })
  action!: 'PLAN' | 'START' | 'COMPLETE';

  @Field(() => Date, { description: 'The date: planned, or actual (not in the future, not before the steps it depends on).' })
  date!: string;

  @Field(() => EvidenceInput, { nullable: true, description: 'Evidence, required to complete steps whose output is a written act.' })
  evidence?: EvidenceInput | null;
}

@InputType({ description: 'The decision approving a pilot (quyết định phê duyệt).' })
export class ApprovalInput {
  @Field({ description: 'Decision number, e.g. "1234/QĐ-UBND".' })
  number!: string;

  @Field(() => Date, { description: 'Date of the decision (not in the future).' })
  date!: string;

  @Field({ description: 'Issuing authority, e.g. "UBND tỉnh Nghệ An".' })
  authority!: string;
}

@InputType({ description: 'The value of one smart-village requirement.' })
export class ChecklistItemInput {
  @Field({ description: 'Requirement code (data/smart-village-requirements.csv).' })
  code!: string;

  @Field(() => String, { nullable: true, description: 'Value: "true"/"false" or a number (percentages 0–100); null when unknown.' })
  value?: string | null;

  @Field(() => String, { nullable: true, description: 'Evidence reference (decision or document).' })
  evidenceReference?: string | null;

  @Field(() => String, { nullable: true, description: 'Where the value comes from.' })
  source?: string | null;
}
