import { generateAreaAttributes } from './area-attributes';
import { COMMUNE_GROUP_RULES, generateCommuneGroup } from './commune-group';

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
