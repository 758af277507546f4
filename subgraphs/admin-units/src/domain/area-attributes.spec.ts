import { generateAreaAttributes, regionOfProvince } from './area-attributes';
import { generateVillages } from './villages';

describe('generated area attributes', () => {
  const base = { provinceCode: '40', listId: '2025-03-01', reformList: false };

  it('maps every province of both lists to a region', () => {
    expect(regionOfProvince('40', false)).toBe('BTB');
    expect(regionOfProvince('02', false)).toBe('TDMNPB');
    expect(regionOfProvince('15', true)).toBe('TDMNPB');
    expect(regionOfProvince('99', false)).toBeNull();
  });

  it('is deterministic', () => {
    const a = generateAreaAttributes({ ...base, code: '17380', kind: 'Xã' });
    const b = generateAreaAttributes({ ...base, code: '17380', kind: 'Xã' });
    expect(a).toEqual(b);
  });

  it('makes special zones islands and urban wards neither mountainous nor ethnic-minority', () => {
    expect(generateAreaAttributes({ ...base, reformList: true, listId: '2025-07-01', code: '22999', kind: 'Đặc khu tại hải đảo' }).island).toBe(true);
    for (let i = 0; i < 200; i++) {
      const ward = generateAreaAttributes({ ...base, code: String(10000 + i), kind: 'Phường' });
      expect(ward.mountainous || ward.ethnicMinorityArea || ward.island).toBe(false);
    }
  });

  it('follows the regional prior roughly', () => {
    const share = (provinceCode: string) => {
      let mountainous = 0;
      for (let i = 0; i < 2000; i++) {
        if (generateAreaAttributes({ ...base, provinceCode, code: String(20000 + i), kind: 'Xã' }).mountainous) mountainous++;
      }
      return mountainous / 2000;
    };
    expect(share('02')).toBeGreaterThan(0.75); // TDMNPB
    expect(share('34')).toBeLessThan(0.15); // DBSH
  });
});

describe('generated villages', () => {
  it('gives each commune 4-12 villages with codes beside its own', () => {
    const villages = generateVillages({ code: '17380', kind: 'Xã', mountainous: false });
    expect(villages.length).toBeGreaterThanOrEqual(4);
    expect(villages.length).toBeLessThanOrEqual(12);
    expect(villages[0]).toEqual({ code: '1738001', name: 'Thôn 1', kind: 'Thôn' });
    expect(generateVillages({ code: '17380', kind: 'Phường', mountainous: false })[0].kind).toBe('Tổ dân phố');
  });
});
