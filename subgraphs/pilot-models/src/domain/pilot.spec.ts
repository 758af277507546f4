import { readCatalogue } from '../data-files';
import { checkApproval, checkTopicGroups, checkUnitLevel, KIND_RULES, PILOT_KINDS } from './kinds';
import { initialSteps } from './lifecycle';
import { validatePilot, type PilotRecord } from './pilot';

const catalogue = readCatalogue();
const TODAY = '2024-01-01';
const base: PilotRecord = {
  key: 'T-1',
  kind: 'SMART_COMMUNE',
  unitId: '17380@2025-03-01',
  unitLevel: 'COMMUNE',
  unitName: 'Xã thử',
  provinceCode: '40',
  topicGroups: ['E_GOVERNMENT', 'RURAL_ECONOMY'],
  approval: { number: '12/QĐ-UBND', date: '2023-06-01', authority: 'UBND tỉnh Nghệ An' },
  status: 'APPROVED',
  steps: initialSteps(catalogue.lifecycle),
  funding: {
    lines: [
      { source: 'CENTRAL', planned: 10n, disbursed: 0n },
      { source: 'PEOPLE', planned: 5n, disbursed: 0n },
    ],
    declaredTotal: 15n,
  },
  generated: false,
  source: 'test',
  note: null,
};

describe('kinds', () => {
  it('each kind needs its unit level; anything else is refused naming the field', () => {
    expect(PILOT_KINDS.map((k) => KIND_RULES[k].level)).toEqual(['COMMUNE', 'COMMUNE', 'VILLAGE', 'DISTRICT', 'COMMUNE']);
    expect(checkUnitLevel('SMART_COMMUNE', { id: '17380@2025-03-01', level: 'COMMUNE' })).toBeNull();
    expect(checkUnitLevel('SMART_VILLAGE', { id: '17380@2025-03-01', level: 'COMMUNE' })).toEqual({
      field: 'unitId',
      reason: 'a SMART_VILLAGE pilot is built in a VILLAGE; 17380@2025-03-01 is a COMMUNE',
    });
    expect(checkUnitLevel('DISTRICT_DATA_PILOT', { id: '40@2025-07-01', level: 'PROVINCE' }, 'input.unitId')!.field).toBe('input.unitId');
  });

  it('topic groups: at least one of the kind’s own, none for villages and districts', () => {
    const g = catalogue.topicGroups;
    expect(checkTopicGroups('SMART_COMMUNE', ['E_GOVERNMENT'], g)).toEqual([]);
    expect(checkTopicGroups('ECOMMERCE_COMMUNE', ['DIRECT_SALES', 'BUSINESS_DIGITAL_TRAINING'], g)).toEqual([]);
    expect(checkTopicGroups('SMART_COMMUNE', [], g).map((e) => e.field)).toEqual(['topicGroups']);
    expect(checkTopicGroups('SMART_COMMUNE', ['DIRECT_SALES', 'NOPE', 'E_GOVERNMENT', 'E_GOVERNMENT'], g)).toEqual([
      { field: 'topicGroups[0]', reason: '"DIRECT_SALES" is a topic of ECOMMERCE_COMMUNE, not of SMART_COMMUNE' },
      { field: 'topicGroups[1]', reason: 'unknown topic group "NOPE"' },
      { field: 'topicGroups[3]', reason: '"E_GOVERNMENT" is listed twice' },
    ]);
    expect(checkTopicGroups('SMART_VILLAGE', ['E_GOVERNMENT'], g)).toEqual([
      { field: 'topicGroups', reason: 'a SMART_VILLAGE pilot has no topic groups' },
    ]);
  });

  it('approval: number, authority and a past date', () => {
    expect(checkApproval(base.approval!, TODAY)).toEqual([]);
    expect(checkApproval({ number: '', date: '2024-02-01', authority: ' ' }, TODAY).map((e) => e.field)).toEqual([
      'approval.number',
      'approval.authority',
      'approval.date',
    ]);
  });
});

describe('validatePilot', () => {
  it('accepts a consistent pilot', () => {
    expect(validatePilot(base, catalogue, TODAY)).toEqual([]);
  });

  it('names every field that would make a write wrong', () => {
    const bad: PilotRecord = {
      ...base,
      unitLevel: 'VILLAGE',
      topicGroups: [],
      approval: null,
      funding: { lines: [{ source: 'CENTRAL', planned: 10n, disbursed: 11n }], declaredTotal: 15n },
      steps: initialSteps(catalogue.lifecycle).map((s) => (s.code === 'DESIGN_PROPOSAL' ? { ...s, startedOn: '2023-01-01' } : s)),
    };
    expect(validatePilot(bad, catalogue, TODAY).map((e) => e.field)).toEqual([
      'unitId',
      'topicGroups',
      'approval',
      'steps[1].startedOn',
      'funding.lines[0].disbursed',
      'funding.declaredTotal',
    ]);
  });
});
