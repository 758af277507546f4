import { registerEnumType } from 'type-graphql';
import { FUNDING_SOURCES, PILOT_KINDS, PILOT_STATUSES, STAGES } from '../../domain';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

/** Kinds of pilot model. */
export const PilotKindEnum = enumOf(PILOT_KINDS);
registerEnumType(PilotKindEnum, {
  name: 'PilotKind',
  description: 'Kind of pilot model (loại mô hình thí điểm); seed 001, seed 003, Decision 51/2025/QĐ-TTg.',
  valuesConfig: {
    SMART_COMMUNE: { description: 'Smart NTM commune (xã nông thôn mới thông minh); built in a commune.' },
    ECOMMERCE_COMMUNE: { description: 'E-commerce commune (xã thương mại điện tử); built in a commune.' },
    SMART_VILLAGE: { description: 'Smart village (thôn thông minh); built in a village.' },
    DISTRICT_DATA_PILOT: {
      description:
        'District data-standardisation pilot (mô hình cấp huyện về chuẩn hóa dữ liệu NTM); built in a district of the list before 2025-07-01.',
    },
    MODERN_NTM_COMMUNE: {
      description:
        'Modern NTM commune (xã nông thôn mới hiện đại), the 2026–2030 pilot framework of Decision 51/2025/QĐ-TTg Appendix II (not read: its conditions are unknown); built in a commune of the list from 2025-07-01, no topic groups. No pilot of this kind is generated.',
    },
  },
});

export const PilotStatusEnum = enumOf(PILOT_STATUSES);
registerEnumType(PilotStatusEnum, {
  name: 'PilotStatus',
  description: 'Status of a pilot (trạng thái), separate from its stage.',
  valuesConfig: {
    PROPOSED: { description: 'Registered, no approving decision recorded (đề xuất).' },
    SELECTED: {
      description:
        'Named by the competent authority (e.g. the first batch, chosen by MARD), no approving decision of its own recorded (được lựa chọn).',
    },
    APPROVED: { description: 'The approving decision is recorded (đã phê duyệt).' },
    SUSPENDED: { description: 'Suspended (tạm dừng).' },
    CANCELLED: { description: 'Cancelled (hủy bỏ).' },
  },
});

export const PilotStageEnum = enumOf(STAGES);
registerEnumType(PilotStageEnum, {
  name: 'PilotStage',
  description: 'Lifecycle stage (giai đoạn), seed 001.',
  valuesConfig: {
    DESIGN: { description: 'Design and proposal (thiết kế và xây dựng đề xuất).' },
    IMPLEMENTATION: { description: 'Implementation (triển khai thực hiện).' },
    MONITORING: { description: 'Monitoring and evaluation (giám sát và đánh giá).' },
    DONE: { description: 'Every step completed (hoàn thành).' },
  },
});

export const FundingSourceEnum = enumOf(FUNDING_SOURCES);
registerEnumType(FundingSourceEnum, {
  name: 'FundingSource',
  description: 'Source of funding (nguồn kinh phí), seed 001 "Huy động nguồn lực".',
  valuesConfig: {
    CENTRAL: { description: 'Central budget (ngân sách Trung ương).' },
    PROVINCE: { description: 'Province counterpart budget (ngân sách tỉnh).' },
    DISTRICT: { description: 'District counterpart budget (ngân sách huyện), until 2025-06-30.' },
    COMMUNE: { description: 'Commune counterpart budget (ngân sách xã).' },
    ENTERPRISE: { description: 'Enterprises (doanh nghiệp).' },
    PEOPLE: { description: 'People (người dân).' },
  },
});

export const ConditionStatusEnum = enumOf(['MET', 'NOT_MET', 'NO_DATA'] as const);
registerEnumType(ConditionStatusEnum, {
  name: 'EligibilityConditionStatus',
  description: 'Outcome of one eligibility condition.',
  valuesConfig: {
    MET: { description: 'Met (đạt).' },
    NOT_MET: { description: 'Not met (chưa đạt).' },
    NO_DATA: { description: 'No data to decide, or not measurable from data (judged by the approving authority).' },
  },
});

export const StepStateEnum = enumOf(['NOT_STARTED', 'IN_PROGRESS', 'COMPLETED'] as const);
registerEnumType(StepStateEnum, {
  name: 'PilotStepState',
  description: 'Where a pilot stands on a step.',
  valuesConfig: {
    NOT_STARTED: { description: 'Not started (chưa bắt đầu).' },
    IN_PROGRESS: { description: 'Started, not completed (đang thực hiện).' },
    COMPLETED: { description: 'Completed (hoàn thành).' },
  },
});

export const StepTimingEnum = enumOf(['ON_TIME', 'LATE', 'OVERDUE', 'PENDING'] as const);
registerEnumType(StepTimingEnum, {
  name: 'PilotStepTiming',
  description: 'A step against the central plan deadline that applies to it (seed 000).',
  valuesConfig: {
    ON_TIME: { description: 'Completed by its deadline.' },
    LATE: { description: 'Completed after its deadline.' },
    OVERDUE: { description: 'Not completed, deadline passed.' },
    PENDING: { description: 'Not completed, deadline not reached.' },
  },
});

export const ScheduleStatusEnum = enumOf(['ON_SCHEDULE', 'BEHIND', 'UNKNOWN'] as const);
registerEnumType(ScheduleStatusEnum, {
  name: 'PilotScheduleStatus',
  description: 'A pilot against the central 7-step plan (seed 000).',
  valuesConfig: {
    ON_SCHEDULE: { description: 'No step overdue.' },
    BEHIND: { description: 'Some step is overdue today.' },
    UNKNOWN: { description: 'No step has an actual date recorded: no progress is known (absence of records is not evidence of delay).' },
  },
});

export const EvidenceKindEnum = enumOf(['DECISION', 'DOCUMENT'] as const);
registerEnumType(EvidenceKindEnum, {
  name: 'EvidenceKind',
  description: 'Kind of evidence for a step.',
  valuesConfig: {
    DECISION: { description: 'A decision (quyết định), e.g. "1234/QĐ-UBND".' },
    DOCUMENT: { description: 'Another document (văn bản): a plan, report or minutes.' },
  },
});

export const StepActionEnum = enumOf(['PLAN', 'START', 'COMPLETE'] as const);
registerEnumType(StepActionEnum, {
  name: 'PilotStepAction',
  description: 'What a step move does.',
  valuesConfig: {
    PLAN: { description: 'Set the planned date.' },
    START: { description: 'Start the step on a date.' },
    COMPLETE: { description: 'Complete the step on a date, with evidence where required.' },
  },
});

export const ChecklistStatusEnum = enumOf(['MET', 'NOT_MET', 'NO_DATA', 'NOT_APPLICABLE'] as const);
registerEnumType(ChecklistStatusEnum, {
  name: 'ChecklistItemStatus',
  description: 'Outcome of one smart-village requirement.',
  valuesConfig: {
    MET: { description: 'Met (đạt).' },
    NOT_MET: { description: 'Not met (chưa đạt).' },
    NO_DATA: { description: 'No value, or met only with evidence that is missing (không có dữ liệu).' },
    NOT_APPLICABLE: { description: 'Does not apply: the village has no products of its own (không áp dụng).' },
  },
});
