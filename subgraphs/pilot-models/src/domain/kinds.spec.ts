import { checkTopicGroups, checkUnitLevel, checkUnitList, KIND_RULES, PILOT_KINDS } from './kinds';
import { readCatalogue } from '../data-files';

describe('MODERN_NTM_COMMUNE (xã nông thôn mới hiện đại, Decision 51/2025/QĐ-TTg Appendix II)', () => {
  it('is a commune kind without topic groups, on the list from 2025-07-01', () => {
    expect(PILOT_KINDS).toContain('MODERN_NTM_COMMUNE');
    expect(KIND_RULES.MODERN_NTM_COMMUNE).toMatchObject({ level: 'COMMUNE', topicGroups: 'NONE', listFrom: '2025-07-01' });
    expect(KIND_RULES.MODERN_NTM_COMMUNE.source).toMatch(/51\/2025\/QĐ-TTg/);
    expect(checkUnitLevel('MODERN_NTM_COMMUNE', { id: '16681@2025-07-01', level: 'COMMUNE' })).toBeNull();
    expect(checkUnitLevel('MODERN_NTM_COMMUNE', { id: '40@2025-07-01', level: 'PROVINCE' })?.field).toBe('unitId');
    expect(checkTopicGroups('MODERN_NTM_COMMUNE', [], readCatalogue().topicGroups)).toEqual([]);
    expect(checkTopicGroups('MODERN_NTM_COMMUNE', ['E_GOVERNMENT'], readCatalogue().topicGroups)).toEqual([
      { field: 'topicGroups', reason: 'a MODERN_NTM_COMMUNE pilot has no topic groups' },
    ]);
  });

  it('refuses a unit of the 2024 list (or one naming no list), naming the field; other kinds take any list', () => {
    expect(checkUnitList('MODERN_NTM_COMMUNE', '16681@2025-07-01')).toBeNull();
    expect(checkUnitList('MODERN_NTM_COMMUNE', '17380@2025-03-01')).toEqual({
      field: 'unitId',
      reason: 'a MODERN_NTM_COMMUNE pilot is built in a unit of the list from 2025-07-01; 17380@2025-03-01 is on the list of 2025-03-01',
    });
    expect(checkUnitList('MODERN_NTM_COMMUNE', '17380', 'input.unitId')).toMatchObject({
      field: 'input.unitId',
      reason: expect.stringMatching(/names no list/),
    });
    for (const kind of PILOT_KINDS.filter((k) => k !== 'MODERN_NTM_COMMUNE')) expect(checkUnitList(kind, '17380@2025-03-01')).toBeNull();
  });
});
