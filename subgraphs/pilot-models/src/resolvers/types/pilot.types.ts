import { AdminUnitWithAreaAttributes, EXTENDED_ADMIN_UNIT_DESCRIPTION } from '@ntm/admin-unit-contract';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import {
  ChecklistStatusEnum,
  ConditionStatusEnum,
  EvidenceKindEnum,
  FundingSourceEnum,
  PilotKindEnum,
  PilotStageEnum,
  ScheduleStatusEnum,
  StepStateEnum,
  StepTimingEnum,
} from './enums';
import { VndScalar } from './vnd.scalar';

/** The criteria subgraph's PilotFact, as this subgraph receives it through @requires. */
@ObjectType('PilotFact', {
  description:
    'A fact pilot eligibility is evaluated on: an approved value of a pilot-eligibility indicator in a year, or a recognition decision (code ADVANCED_NTM for an advanced NTM commune 2021–2025, NTM_2026_2030 for an NTM commune under COMMUNE_NTM_2026_2030; year of the decision).',
})
export class PilotFactRef {
  @Field(() => Int, { description: 'Year the value is for, or the year of the recognition decision.' })
  @Directive('@external')
  year!: number;

  @Field({
    description:
      'Indicator code of set COMMUNE_SMART_PILOT_ELIGIBILITY_2021_2025 (1.1, 2.1, 2.2, 2.3, 3.1), ADVANCED_NTM for a recognition decision as an advanced NTM commune (xã NTM nâng cao, COMMUNE_ADVANCED_2021_2025), or NTM_2026_2030 for a recognition decision as an NTM commune under COMMUNE_NTM_2026_2030 (xã đạt chuẩn NTM giai đoạn 2026 - 2030).',
  })
  @Directive('@external')
  code!: string;

  @Field({ description: 'The value as text (a percentage such as "72.5"); "true" for a recognition.' })
  @Directive('@external')
  value!: string;

  @Field({ description: 'Where the value comes from: the recorded source of the value, or the recognition decision (number, date, authority).' })
  @Directive('@external')
  source!: string;
}

/**
 * AdminUnit as pilot-models sees it: its own subclass of the contract's type (the key and the area
 * attributes from admin-units, @external), with the pilot facts (criteria) also external; the fields
 * this subgraph adds stay in it.
 */
@ObjectType('AdminUnit', { description: EXTENDED_ADMIN_UNIT_DESCRIPTION })
@Directive('@key(fields: "id")')
export class PilotAdminUnit extends AdminUnitWithAreaAttributes {
  @Directive('@external')
  @Field(() => [PilotFactRef], {
    description:
      'Facts for pilot-model eligibility (seed 001, Công văn 3445/BNN-VPĐP; Decision 51/2025/QĐ-TTg): approved values of the indicators of COMMUNE_SMART_PILOT_ELIGIBILITY_2021_2025 in every year of its phase, advanced-NTM recognition decisions (code ADVANCED_NTM) and recognition decisions under COMMUNE_NTM_2026_2030 (code NTM_2026_2030). Empty when nothing is recorded.',
  })
  pilotFacts?: PilotFactRef[];
}

@ObjectType({ description: 'Evidence of a step: a decision (quyết định) or document (văn bản) reference.' })
export class StepEvidence {
  @Field(() => EvidenceKindEnum, { description: 'DECISION or DOCUMENT.' })
  kind!: string;

  @Field({ description: 'Number or title, e.g. "1234/QĐ-UBND".' })
  reference!: string;

  @Field(() => Date, { nullable: true, description: 'Date of the decision or document.' })
  date!: string | null;

  @Field(() => String, { nullable: true, description: 'Issuing authority.' })
  authority!: string | null;
}

@ObjectType({ description: 'Where a pilot stands on one lifecycle step (seed 001), and the central-plan deadline that applies (seed 000).' })
export class PilotStep {
  @Field({ description: 'Step code, e.g. "DESIGN_APPROVAL".' })
  code!: string;

  @Field(() => PilotStageEnum, { description: 'Phase of the step (DESIGN, IMPLEMENTATION or MONITORING).' })
  phase!: string;

  @Field(() => Int, { description: 'Number of the step within its phase ("Bước n").' })
  order!: number;

  @Field({ description: 'Name in Vietnamese.' })
  nameVi!: string;

  @Field({ description: 'Name in English.' })
  nameEn!: string;

  @Field(() => StepStateEnum, { description: 'Not started, in progress or completed.' })
  state!: string;

  @Field(() => Date, { nullable: true, description: 'Planned date.' })
  plannedOn!: string | null;

  @Field(() => Date, { nullable: true, description: 'Actual start.' })
  startedOn!: string | null;

  @Field(() => Date, { nullable: true, description: 'Actual completion.' })
  completedOn!: string | null;

  @Field(() => StepEvidence, { nullable: true, description: 'Evidence of completion.' })
  evidence!: StepEvidence | null;

  @Field(() => Int, { description: 'The central plan step (seed 000) whose deadline applies.' })
  centralStep!: number;

  @Field(() => Date, { description: 'That deadline.' })
  deadline!: string;

  @Field(() => StepTimingEnum, { description: 'The step against its deadline today.' })
  timing!: string;

  @Field(() => Int, { description: 'Days past the deadline (at completion if LATE, today if OVERDUE); 0 otherwise.' })
  daysLate!: number;
}

@ObjectType({ description: 'The decision approving a pilot (quyết định phê duyệt).' })
export class ApprovalDecisionType {
  @Field({ description: 'Decision number, e.g. "1234/QĐ-UBND".' })
  number!: string;

  @Field(() => Date, { description: 'Date of the decision.' })
  date!: string;

  @Field({ description: 'Issuing authority, e.g. "UBND tỉnh Nghệ An".' })
  authority!: string;
}

@ObjectType({ description: 'One funding line (nguồn kinh phí) of a pilot: planned and disbursed VND, and its shares.' })
export class FundingLineType {
  @Field(() => FundingSourceEnum, { description: 'Source of funds.' })
  source!: string;

  @Field(() => VndScalar, { description: 'Planned (kinh phí kế hoạch), VND.' })
  planned!: bigint;

  @Field(() => VndScalar, { description: 'Disbursed (đã giải ngân), VND.' })
  disbursed!: bigint;

  @Field(() => Int, {
    nullable: true,
    description:
      'Share of the planned total in basis points (1 bp = 0.01 %), largest-remainder rounding so shares add up to 10000; null when the plan does not add up or totals 0.',
  })
  plannedShareBp!: number | null;

  @Field(() => Int, { nullable: true, description: 'Disbursed ÷ planned in basis points, rounded down; null when nothing is planned.' })
  disbursementRateBp!: number | null;
}

@ObjectType({ description: 'Totals of a funding plan.' })
export class FundingTotal {
  @Field(() => VndScalar, { description: 'Sum of the planned amounts, VND.' })
  planned!: bigint;

  @Field(() => VndScalar, { description: 'Sum of the disbursed amounts, VND.' })
  disbursed!: bigint;

  @Field(() => VndScalar, { nullable: true, description: 'The total the plan states itself (tổng kinh phí), if any.' })
  declared!: bigint | null;

  @Field(() => VndScalar, { description: 'Planned from the state budget (central, province, district, commune), VND.' })
  stateBudget!: bigint;

  @Field(() => VndScalar, { description: 'Planned from enterprises and people (xã hội hóa), VND.' })
  socialised!: bigint;
}

@ObjectType({ description: 'A problem or refusal naming the input field (with its row) and the reason.' })
export class FieldProblem {
  @Field({ description: 'The field, e.g. "lines[1].disbursed" or "declaredTotal".' })
  field!: string;

  @Field({ description: 'Why.' })
  reason!: string;
}

@ObjectType({ description: 'One eligibility condition (DOMAIN.md §4, seed 001), evaluated for a unit.' })
export class EligibilityCondition {
  @Field({
    description:
      'Condition code: ADVANCED_NTM, an indicator code of COMMUNE_SMART_PILOT_ELIGIBILITY_2021_2025 (1.1, 2.1, 2.2, 2.3, 3.1), or a code of a condition judged by the authority.',
  })
  code!: string;

  @Field({ description: 'The condition in Vietnamese, as the guidance words it.' })
  descriptionVi!: string;

  @Field({ description: 'The condition in English.' })
  descriptionEn!: string;

  @Field({ description: 'False for conditions no data can answer (judged by the approving authority).' })
  measurable!: boolean;

  @Field(() => ConditionStatusEnum, { description: 'MET, NOT_MET or NO_DATA.' })
  status!: string;

  @Field(() => String, { nullable: true, description: 'The value used, as text ("72.5", "true"); null when none.' })
  value!: string | null;

  @Field(() => String, { nullable: true, description: 'The threshold applied to this unit, e.g. ">= 80"; null when not known.' })
  threshold!: string | null;

  @Field(() => String, { nullable: true, description: 'The rule as the criteria file writes it, e.g. ">= 50 if EM_MTN_ISL else >= 80".' })
  rule!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where the value came from (criteria indicator value, recognition decision, admin-units area attributes).',
  })
  source!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the status is NO_DATA, or how the threshold was chosen.' })
  reason!: string | null;
}

@ObjectType({ description: 'Whether a unit may host a pilot of a kind in a year (điều kiện lựa chọn), condition by condition.' })
export class PilotEligibility {
  @Field(() => PilotKindEnum, { description: 'Kind evaluated.' })
  kind!: string;

  @Field(() => Int, { description: 'Year of the facts.' })
  year!: number;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True only when every measurable condition is MET (NO_DATA never counts as met); null for kinds without published conditions.',
  })
  eligible!: boolean | null;

  @Field({ description: 'No measurable condition is NOT_MET but some are NO_DATA.' })
  undetermined!: boolean;

  @Field(() => [String], { description: 'Codes of the conditions only the approving authority can judge.' })
  toBeJudged!: string[];

  @Field(() => [EligibilityCondition], { description: 'Each condition, in the order the guidance lists them.' })
  conditions!: EligibilityCondition[];

  @Field(() => String, { nullable: true, description: 'The criteria set holding the measurable rules.' })
  ruleSet!: string | null;

  @Field({ description: 'The legal source of the conditions.' })
  ruleSource!: string;

  @Field({ description: 'False when the year is outside the 2021–2025 phase of the guidance (evaluated anyway).' })
  withinPhase!: boolean;

  @Field(() => String, { nullable: true, description: 'Remarks.' })
  note!: string | null;
}

@ObjectType({ description: 'How many pilots of a kind are at a stage within an area.' })
export class PilotSummaryRow {
  @Field(() => PilotKindEnum, { description: 'Kind.' })
  kind!: string;

  @Field(() => PilotStageEnum, { description: 'Stage.' })
  stage!: string;

  @Field(() => Int, { description: 'Number of pilots.' })
  count!: number;
}

@ObjectType({ description: 'One smart-village requirement (seed 003 §III.5) for a village pilot.' })
export class ChecklistItemType {
  @Field({ description: 'Requirement code (data/smart-village-requirements.csv).' })
  code!: string;

  @Field({ description: 'Requirement in Vietnamese.' })
  nameVi!: string;

  @Field({ description: 'Requirement in English.' })
  nameEn!: string;

  @Field(() => ChecklistStatusEnum, { description: 'MET, NOT_MET, NO_DATA or NOT_APPLICABLE.' })
  status!: string;

  @Field(() => String, { nullable: true, description: 'The value recorded, as text.' })
  value!: string | null;

  @Field({ description: 'The threshold, e.g. ">= 80".' })
  threshold!: string;

  @Field(() => String, { nullable: true, description: 'Evidence reference (decision or document).' })
  evidence!: string | null;

  @Field(() => String, { nullable: true, description: 'Why NO_DATA or NOT_APPLICABLE.' })
  reason!: string | null;

  @Field({ description: 'The seed line the requirement comes from.' })
  requirementSource!: string;
}

export { ScheduleStatusEnum };
