import { readFileSync } from 'fs';
import { join } from 'path';
import { parseProductClasses, ProductClassCatalog } from './classes';

const text = readFileSync(join(__dirname, '../../data/product-classes-2026.csv'), 'utf8');

describe('product classes file', () => {
  const classes = parseProductClasses(text);
  const catalog = new ProductClassCatalog(classes);
  const qd26 = classes.filter((c) => c.system === 'QD26_2026');

  it('has the 6 sectors, 17 groups, 16 subgroups and 26 product sets of QĐ 26 Appendix I', () => {
    expect(qd26.filter((c) => c.level === 'SECTOR')).toHaveLength(6);
    expect(qd26.filter((c) => c.level === 'GROUP')).toHaveLength(17);
    expect(qd26.filter((c) => c.level === 'SUBGROUP')).toHaveLength(16);
    const sets = catalog.productSets('QD26_2026');
    expect(sets.map((s) => s.productSetNo)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
    expect(sets.every((s) => s.leadMinistries.length > 0 && s.validFrom === '2026-05-22' && s.verified)).toBe(true);
  });
  it('counts 13 food sets and names set 16 (bottled water) under the Ministry of Health', () => {
    expect(catalog.productSets('QD26_2026').filter((s) => catalog.top(s.code)?.code === '26-I')).toHaveLength(13);
    const water = catalog.productSets('QD26_2026')[15];
    expect(water.nameVi).toMatch(/Nước khoáng/);
    expect(water.leadMinistries).toEqual(['MOH']);
    expect(catalog.path(water.code).map((c) => c.code)).toEqual(['26-II', '26-II.2', '26-II.2.a']);
  });
  it('keeps the pre-2026 systems apart, unverified, mapped onto a QĐ 26 sector', () => {
    const old = catalog.productSets('QD148_2023');
    expect(old).toHaveLength(6);
    expect(old.every((c) => !c.verified && c.validTo === '2026-07-20')).toBe(true);
    expect(catalog.currentSector('148-3')?.code).toBe('26-III');
    expect(catalog.currentSector('26-I.3.b')?.code).toBe('26-I');
    expect(catalog.currentSector('1048-5')?.code).toBe('26-IV');
  });
  it('refuses a bad file naming row and field', () => {
    const header = text.split('\n')[0];
    expect(() => parseProductClasses(`${header}\nQD26_2026,26-I,SECTOR,,A,B,,,2026-13-01,,,s,VERIFIED\n`)).toThrow(/row 2 \(26-I\), valid_from/);
    expect(() => parseProductClasses(`${header}\nQD26_2026,26-I,SECTOR,,A,B,1,XX,2026-05-22,,,s,VERIFIED\n`)).toThrow(/lead_ministries/);
    expect(() =>
      parseProductClasses(
        `${header}\nQD26_2026,26-I,SECTOR,,A,B,1,,2026-05-22,,,s,VERIFIED\nQD26_2026,26-I,SECTOR,,A,B,2,,2026-05-22,,,s,VERIFIED\n`,
      ),
    ).toThrow(/row 3 .*duplicate/);
    expect(() => parseProductClasses(`${header}\nQD26_2026,26-I,SECTOR,,A,B,,,2026-05-22,,,s,VERIFIED\n`)).toThrow(/without children/);
  });
});
