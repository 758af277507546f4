import { accentKey } from './fold';
import { NameMatcher, SCORES, type MatchableUnit } from './matcher';
import { readUnitList, readUnitListRecords } from './shared-data';

describe('NameMatcher on the real pre-reform list (units-2025-03-01.csv)', () => {
  const units = readUnitList('units-2025-03-01.csv');
  const matcher = new NameMatcher(units);
  const byCode = new Map(units.map((u) => [u.code, u]));
  const provinceOf = (u: MatchableUnit) => matcher.ancestorsOf(u).pop() ?? u;

  it('has the 10,806 units of the list', () => {
    expect(units).toHaveLength(10_806);
    expect(byCode.get('16705')?.name).toBe('Phường Hưng Đông');
  });

  it.each(['nghe an', 'Tinh Nghe An', 'NGHỆ AN', 'Tỉnh Nghệ An', 'T. Nghệ An', 'Nghe An Province'])('"%s" finds province 40', (name) => {
    expect(matcher.match({ name })).toMatchObject({ status: 'EXACT', best: { code: '40' } });
    expect(matcher.match({ name, level: 'PROVINCE' })).toMatchObject({ status: 'EXACT', best: { code: '40' } });
  });

  it.each(['hung dong', 'Hưng Đông', 'Phường Hưng Đông', 'Hung Dong ward', 'P. Hung Dong'])('"%s" within 40 is EXACT Phường Hưng Đông', (name) => {
    expect(matcher.match({ name, within: '40' })).toMatchObject({ status: 'EXACT', best: { code: '16705' } });
  });

  it.each(['X. Hung Dong', 'xã hưng đông', 'Xa Hung Dong'])('"%s" within 40: a kind conflict, still the best (MATCHED, lower score)', (name) => {
    const result = matcher.match({ name, within: '40' });
    expect(result).toMatchObject({ status: 'MATCHED', best: { code: '16705' } });
    expect(result.score).toBeLessThan(SCORES.KEY);
  });

  it('matches "P.Hưng Đông - TP Vinh" anywhere in the country, its hint agreeing', () => {
    const result = matcher.match({ name: 'P.Hưng Đông - TP Vinh' });
    expect(result).toMatchObject({ status: 'EXACT', best: { code: '16705' }, score: SCORES.ACCENTS });
  });

  it('lets diacritics decide between same-key communes that a hint does not separate (Nghi Vạn / Nghi Văn, both in Nghi Lộc)', () => {
    expect(matcher.match({ name: 'Xã Nghi Vạn (Huyện Nghi Lộc)', within: '40' })).toMatchObject({ status: 'EXACT', best: { code: '17911' } });
    expect(matcher.match({ name: 'Xã Nghi Văn (Huyện Nghi Lộc)', within: '40' })).toMatchObject({ status: 'EXACT', best: { code: '17830' } });
    expect(matcher.match({ name: 'Xa Nghi Van (Huyen Nghi Loc)', within: '40' }).status).toBe('AMBIGUOUS');
  });

  it('compares a hint with the kind of the ancestor it names: "Thành phố Thanh Hóa" is not "Tỉnh Thanh Hóa"', () => {
    expect(matcher.match({ name: 'Phường Phú Sơn', within: '38' }).status).toBe('AMBIGUOUS');
    expect(matcher.match({ name: 'Phường Phú Sơn (Thành phố Thanh Hóa)', within: '38' })).toMatchObject({ status: 'EXACT', best: { code: '14770' } });
    expect(matcher.match({ name: 'Phường Phú Sơn (Thanh Hóa)', within: '38' }).status).toBe('AMBIGUOUS');
  });

  it('matches a typo as MATCHED: "Hưng Đôngg", "Hung Dnog", "Phường Hưng Đôn"', () => {
    for (const name of ['Hưng Đôngg', 'Hung Dnog', 'Phường Hưng Đôn']) {
      const result = matcher.match({ name, within: '40' });
      expect(result).toMatchObject({ status: 'MATCHED', best: { code: '16705' } });
      expect(result.score).toBeLessThan(SCORES.KEY);
    }
  });

  it('reports Xã Châu Tiến (in Quỳ Châu and in Quỳ Hợp, Nghệ An) as AMBIGUOUS, and resolves it by district', () => {
    const ambiguous = matcher.match({ name: 'Xã Châu Tiến', within: '40' });
    expect(ambiguous).toMatchObject({ status: 'AMBIGUOUS', best: null });
    expect(ambiguous.candidates.map((c) => c.unit.code).sort()).toEqual(['16792', '17041']);
    expect(matcher.match({ name: 'Xã Châu Tiến (huyện Quỳ Hợp)', within: '40' })).toMatchObject({ status: 'EXACT', best: { code: '17041' } });
    expect(matcher.match({ name: 'Chau Tien - H. Quy Chau' })).toMatchObject({ status: 'EXACT', best: { code: '16792' } });
    expect(matcher.match({ name: 'chau tien', within: 'Huyện Quỳ Hợp' })).toMatchObject({ status: 'EXACT', best: { code: '17041' } });
    expect(matcher.match({ name: 'chau tien', within: '416' })).toMatchObject({ status: 'EXACT', best: { code: '16792' } });
  });

  it('does the same for every same-name commune of Nghệ An', () => {
    const inNgheAn = units.filter((u) => u.level === 'COMMUNE' && provinceOf(u).code === '40');
    expect(inNgheAn).toHaveLength(412);
    const byName = new Map<string, MatchableUnit[]>();
    for (const u of inNgheAn) byName.set(u.name, [...(byName.get(u.name) ?? []), u]);
    const repeated = [...byName.values()].filter((us) => us.length > 1);
    expect(repeated.length).toBeGreaterThanOrEqual(10);
    for (const same of repeated) {
      const result = matcher.match({ name: same[0].name, within: '40' });
      expect(result.status).toBe('AMBIGUOUS');
      expect(result.candidates.map((c) => c.unit.code).sort()).toEqual(same.map((u) => u.code).sort());
      for (const u of same) {
        const district = matcher.ancestorsOf(u)[0];
        expect(matcher.match({ name: `${u.name} (${district.name})`, within: '40' })).toMatchObject({ status: 'EXACT', best: { code: u.code } });
      }
    }
  });

  it('lists all same-name communes of the country, never picking one (the list itself writes both Hòa and Hoà)', () => {
    const result = matcher.match({ name: 'Xã Hòa Bình', level: 'COMMUNE' });
    expect(result).toMatchObject({ status: 'AMBIGUOUS', best: null });
    expect(units.filter((u) => u.name === 'Xã Hoà Bình').length).toBeGreaterThan(0);
    expect(result.candidates).toHaveLength(units.filter((u) => u.name === 'Xã Hòa Bình' || u.name === 'Xã Hoà Bình').length);
  });

  it('reads names that begin like a kind as names', () => {
    expect(matcher.match({ name: 'Quan Hoa', within: '01' })).toMatchObject({ status: 'EXACT', best: { code: '00169' } });
    expect(matcher.match({ name: 'phuong liet', within: '01' })).toMatchObject({ status: 'EXACT', best: { code: '00358' } });
    expect(matcher.match({ name: 'Phường Đúc', within: '46' })).toMatchObject({ status: 'EXACT', best: { code: '19780' } });
    expect(matcher.match({ name: 'phuong phuong duc' })).toMatchObject({ status: 'EXACT', best: { code: '19780' } });
  });

  it('never takes a replaced syllable for two typos: "Xã Hưng Yên Nam" (gone before 2025) is not Xã Hưng Yên Bắc', () => {
    expect(matcher.match({ name: 'Xã Hưng Yên Nam', within: '40' })).toMatchObject({ status: 'UNMATCHED', best: null });
    expect(matcher.match({ name: 'Xã Hưng Yen Bac', within: '40' })).toMatchObject({ status: 'EXACT', best: { code: '18008' } });
  });

  it('does not let a kind agreement make a typo beat the written name of another kind (predecessor text "Xã Xuân Bình", Đồng Nai)', () => {
    const result = matcher.match({ name: 'Xã Xuân Bình', level: 'COMMUNE', within: '75' });
    expect(result.status).toBe('AMBIGUOUS');
    expect(result.candidates.map((c) => c.unit.code)).toEqual(['26077', '26461']); // Phường Xuân Bình first, then the typo Xuân Định
  });

  it('is UNMATCHED for an unknown name', () => {
    expect(matcher.match({ name: 'Xã Không Có Đâu', within: '40' })).toMatchObject({ status: 'UNMATCHED', best: null });
    expect(matcher.match({ name: 'Atlantis' })).toMatchObject({ status: 'UNMATCHED', best: null });
  });

  it('finds every unit by its official name within its province (AMBIGUOUS only beside a unit of the very same name)', () => {
    const sameName = new Map<string, number>();
    const keyOf = (u: MatchableUnit) => `${provinceOf(u).code}|${u.level}|${accentKey(u.name)}`;
    for (const u of units) sameName.set(keyOf(u), (sameName.get(keyOf(u)) ?? 0) + 1);
    const wrong: string[] = [];
    for (const u of units) {
      const result = matcher.match({ name: u.name, level: u.level, within: u.level === 'PROVINCE' ? undefined : provinceOf(u).code });
      const ok =
        sameName.get(keyOf(u))! > 1
          ? result.status === 'AMBIGUOUS' && result.candidates.some((c) => c.unit === u)
          : result.status === 'EXACT' && result.best === u;
      if (!ok) wrong.push(`${u.code} ${u.name}: ${result.status}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('NameMatcher on the real post-reform list (units-2025-07-01.csv)', () => {
  const rows = readUnitListRecords('units-2025-07-01.csv');
  const units = readUnitList('units-2025-07-01.csv');
  const matcher = new NameMatcher(units);

  it('treats the spellings of the two lists and of the predecessor file as the same', () => {
    expect(matcher.match({ name: 'Tỉnh Thanh Hóa' })).toMatchObject({ status: 'EXACT', score: 1, best: { code: '38', name: 'Tỉnh Thanh Hoá' } });
    expect(matcher.match({ name: 'Khánh Hòa', level: 'PROVINCE' })).toMatchObject({ status: 'EXACT', best: { code: '56' } });
    expect(matcher.match({ name: 'Thủ Đô Hà Nội' })).toMatchObject({ status: 'EXACT', best: { code: '01' } });
    expect(matcher.match({ name: 'Con Dao Special Zone' })).toMatchObject({ status: 'EXACT', best: { code: '26732' } });
  });

  it('finds 99% of the units by their English name within their province, the rest AMBIGUOUS with them or named otherwise', () => {
    let right = 0;
    const wrong: string[] = [];
    for (const r of rows) {
      const result = matcher.match({ name: r.full_name_en, within: r.parent_code || undefined });
      if (result.best?.code === r.code) right++;
      else if (result.best || (result.status === 'AMBIGUOUS' && !result.candidates.some((c) => c.unit.code === r.code)))
        wrong.push(`${r.code} ${r.full_name_en}`);
    }
    expect(wrong).toEqual([]);
    expect(right / rows.length).toBeGreaterThan(0.99);
  });

  it('matches half of an official double name', () => {
    expect(matcher.match({ name: 'Phường Lâm Viên', within: '68' })).toMatchObject({ status: 'MATCHED', best: { code: '24778' } });
  });
});
