import { registerEnumType } from 'type-graphql';

export enum ValueType {
  BOOLEAN = 'BOOLEAN',
  PERCENTAGE = 'PERCENTAGE',
  NUMBER = 'NUMBER',
  CATEGORY = 'CATEGORY',
}
registerEnumType(ValueType, {
  name: 'ValueType',
  description: 'How an indicator value is written and compared.',
  valuesConfig: {
    BOOLEAN: { description: 'Met / not met: true/false (also 1/0, đạt/không đạt).' },
    PERCENTAGE: { description: 'A share from 0 to 100.' },
    NUMBER: { description: 'Any number in the indicator’s unit of measure.' },
    CATEGORY: { description: 'One of a list of values.' },
  },
});

export enum AttainmentStatus {
  MET = 'MET',
  NOT_MET = 'NOT_MET',
  NO_DATA = 'NO_DATA',
  NOT_EVALUATED = 'NOT_EVALUATED',
}
registerEnumType(AttainmentStatus, {
  name: 'AttainmentStatus',
  description: 'Computed attainment (đạt / chưa đạt) of an indicator, criterion or set.',
  valuesConfig: {
    MET: { description: 'Meets the threshold (đạt).' },
    NOT_MET: { description: 'Does not meet it (chưa đạt).' },
    NO_DATA: { description: 'A value needed is missing (or invalid).' },
    NOT_EVALUATED: { description: 'No threshold is known for it yet (see the data file), or it does not apply.' },
  },
});

export enum ValueStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
}
registerEnumType(ValueStatus, {
  name: 'ValueStatus',
  description: 'Workflow state of a reported value. APPROVED values cannot be changed.',
  valuesConfig: {
    DRAFT: { description: 'Entered, not yet submitted (nháp).' },
    SUBMITTED: { description: 'Submitted for review (đã gửi).' },
    APPROVED: { description: 'Approved (đã duyệt); can no longer be changed.' },
  },
});

export enum CriteriaLevel {
  COMMUNE = 'COMMUNE',
  DISTRICT = 'DISTRICT',
}
registerEnumType(CriteriaLevel, {
  name: 'CriteriaLevel',
  description: 'Level of unit a criteria set applies to.',
  valuesConfig: { COMMUNE: { description: 'Communes (cấp xã).' }, DISTRICT: { description: 'Districts (cấp huyện); none exist after 2025-07-01.' } },
});

export enum Tier {
  STANDARD = 'STANDARD',
  ADVANCED = 'ADVANCED',
  MODEL = 'MODEL',
}
registerEnumType(Tier, {
  name: 'Tier',
  description: 'Tier of a criteria set: STANDARD (đạt chuẩn NTM), ADVANCED (NTM nâng cao), MODEL (NTM kiểu mẫu).',
  valuesConfig: {
    STANDARD: { description: 'New-rural standard (đạt chuẩn nông thôn mới).' },
    ADVANCED: { description: 'Advanced (nông thôn mới nâng cao).' },
    MODEL: { description: 'Model (nông thôn mới kiểu mẫu).' },
  },
});
