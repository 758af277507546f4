import { formatProductCode, parseLegacyProductCode, parseProductCode } from './product-code';

describe('product code', () => {
  it('round-trips', () => {
    const code = formatProductCode({ provinceCode: '40', communeCode: '17380', year: 2024, serial: 7 });
    expect(code).toBe('OCOP-40-17380-2024-0007');
    expect(parseProductCode(code)).toEqual({ provinceCode: '40', communeCode: '17380', year: 2024, serial: 7 });
  });
  it('refuses bad parts naming them', () => {
    expect(() => formatProductCode({ provinceCode: '4', communeCode: '17380', year: 2024, serial: 1 })).toThrow(/provinceCode/);
    expect(() => formatProductCode({ provinceCode: '40', communeCode: '17380', year: 2024, serial: 0 })).toThrow(/serial/);
  });
  it('tells legacy codes apart', () => {
    expect(parseProductCode('83-829-28780-3-2022')).toBeNull();
    expect(parseLegacyProductCode('83-829-28780-3-2022')).toEqual({
      provinceCode: '83',
      districtCode: '829',
      communeCode: '28780',
      stars: 3,
      year: 2022,
    });
  });
});
