import { generateAreaAttributes } from './area-attributes';
import {
  checkCommuneGroupCorrection,
  COMMUNE_GROUP_LIST_ID,
  COMMUNE_GROUP_RULES,
  communeGroupRuleOf,
  CORRECTED_SOURCE,
  generateCommuneGroup,
  MAX_REASON_LENGTH,
  whyNoCommuneGroup,
} from './commune-group';

const current = { listId: '2025-07-01', level: 'COMMUNE' };
const none = { ethnicMinorityArea: false, mountainous: false };
const emMountain = { ethnicMinorityArea: true, mountainous: true };

describe('generated commune group (xã nhóm, 51/2025/QĐ-TTg)', () => {
  it('puts wards in group 1', () => {
    expect(generateCommuneGroup({ ...current, kind: 'Phường' }, none)).toEqual({
      group: 1,
      source: 'GENERATED:ward-urban',
      rule: COMMUNE_GROUP_RULES['ward-urban'],
    });
  });

  it('puts ethnic-minority mountain communes in group 3, other communes and special zones in group 2', () => {
    expect(generateCommuneGroup({ ...current, kind: 'Xã' }, emMountain)).toMatchObject({ group: 3, source: 'GENERATED:em-mountain-proxy' });
    expect(generateCommuneGroup({ ...current, kind: 'Xã' }, none)).toMatchObject({ group: 2, source: 'GENERATED:default-group-2' });
    // one flag alone is not enough for the group-3 stand-in
    expect(generateCommuneGroup({ ...current, kind: 'Xã' }, { ethnicMinorityArea: true, mountainous: false })?.group).toBe(2);
    expect(generateCommuneGroup({ ...current, kind: 'Xã' }, { ethnicMinorityArea: false, mountainous: true })?.group).toBe(2);
    expect(generateCommuneGroup({ ...current, kind: 'Đặc khu tại hải đảo' }, none)).toMatchObject({ group: 2 });
  });

  it('gives no group outside the 2025-07-01 list, for other levels and unknown kinds', () => {
    expect(generateCommuneGroup({ listId: '2025-03-01', kind: 'Xã' }, emMountain)).toBeNull();
    expect(generateCommuneGroup({ ...current, level: 'PROVINCE', kind: 'Tỉnh' }, none)).toBeNull();
    expect(generateCommuneGroup({ ...current, kind: 'Thị trấn' }, none)).toBeNull();
  });

  it('says in every assignment that it is generated', () => {
    for (const kind of ['Phường', 'Xã']) {
      for (const area of [none, emMountain]) {
        const a = generateCommuneGroup({ ...current, kind }, area)!;
        expect(a.source.startsWith('GENERATED:')).toBe(true);
        expect(a.rule).toMatch(/generated, not an official assignment/);
      }
    }
  });

  it('is deterministic over the generated area attributes and yields all three groups', () => {
    const groups = new Map<number, number>();
    for (let i = 0; i < 400; i++) {
      const unit = { code: String(20000 + i), kind: i % 5 === 0 ? 'Phường' : 'Xã', provinceCode: '08', listId: '2025-07-01', reformList: true };
      const a = generateCommuneGroup({ ...unit, level: 'COMMUNE' }, generateAreaAttributes(unit))!;
      const b = generateCommuneGroup({ ...unit, level: 'COMMUNE' }, generateAreaAttributes(unit))!;
      expect(a).toEqual(b);
      groups.set(a.group, (groups.get(a.group) ?? 0) + 1);
    }
    expect([...groups.keys()].sort()).toEqual([1, 2, 3]);
    // a TDMNPB province: most communes are mountainous and in ethnic-minority areas
    expect(groups.get(3)!).toBeGreaterThan(groups.get(2)!);
  });
});

describe('commune group corrections', () => {
  it('accepts a group of 1, 2 or 3 with a reason', () => {
    expect(checkCommuneGroupCorrection({ group: 3, reason: 'QĐ 123/QĐ-UBND' })).toBeNull();
  });

  it('names the field and the reason of a bad correction', () => {
    expect(checkCommuneGroupCorrection({ group: 4, reason: 'x' })).toEqual({ field: 'group', message: expect.stringContaining('1, 2 or 3, got 4') });
    expect(checkCommuneGroupCorrection({ group: 1.5, reason: 'x' })?.field).toBe('group');
    expect(checkCommuneGroupCorrection({ group: 1, reason: '   ' })?.field).toBe('reason');
    expect(checkCommuneGroupCorrection({ group: 1, reason: 'x'.repeat(MAX_REASON_LENGTH + 1) })?.message).toContain(`at most ${MAX_REASON_LENGTH}`);
  });

  it('allows groups only on commune-level units of the current list', () => {
    expect(whyNoCommuneGroup({ id: '16681@2025-07-01', level: 'COMMUNE', listId: COMMUNE_GROUP_LIST_ID })).toBeNull();
    expect(whyNoCommuneGroup({ id: '40@2025-07-01', level: 'PROVINCE', listId: COMMUNE_GROUP_LIST_ID })).toContain('is a province');
    expect(whyNoCommuneGroup({ id: '17380@2025-03-01', level: 'COMMUNE', listId: '2025-03-01' })).toContain('only on the list from 2025-07-01');
  });

  it('gives the rule in words for a generated source, none for a corrected one', () => {
    expect(communeGroupRuleOf('GENERATED:em-mountain-proxy')).toBe(COMMUNE_GROUP_RULES['em-mountain-proxy']);
    expect(communeGroupRuleOf(CORRECTED_SOURCE)).toBeNull();
    expect(communeGroupRuleOf(null)).toBeNull();
  });
});
