import { capOf, NameMatcher, SCORES, tiesOf, type MatchableUnit } from './matcher';

/** A small hand-made tree (real names, made-up codes where they do not matter). */
const tree: MatchableUnit[] = [
  { id: 'p40', code: '40', name: 'Tỉnh Nghệ An', level: 'PROVINCE', parentId: null },
  { id: 'd412', code: '412', name: 'Thành phố Vinh', level: 'DISTRICT', parentId: 'p40' },
  { id: 'd413', code: '413', name: 'Thị xã Cửa Lò', level: 'DISTRICT', parentId: 'p40' },
  { id: 'c16705', code: '16705', name: 'Phường Hưng Đông', level: 'COMMUNE', parentId: 'd412' },
  { id: 'c16706', code: '16706', name: 'Xã Nghi Phú', level: 'COMMUNE', parentId: 'd412' },
  { id: 'c16800', code: '16800', name: 'Xã Nghi Phú', level: 'COMMUNE', parentId: 'd413' },
  { id: 'c16801', code: '16801', name: 'Phường Nghi Hương', level: 'COMMUNE', parentId: 'd413' },
  { id: 'v1', code: 'V1', name: 'Thôn 3', level: 'VILLAGE', parentId: 'c16706' },
  { id: 'p38', code: '38', name: 'Tỉnh Thanh Hóa', level: 'PROVINCE', parentId: null },
  { id: 'd380', code: '380', name: 'Thành phố Thanh Hóa', level: 'DISTRICT', parentId: 'p38' },
  { id: 'c38001', code: '38001', name: 'Phường Hưng Đông', level: 'COMMUNE', parentId: 'd380' },
  { id: 'c38002', code: '38002', name: 'Xã Hưng Đông', level: 'COMMUNE', parentId: 'd380' },
  { id: 'p10', code: '10', name: 'Tỉnh Lào Cai', level: 'PROVINCE', parentId: null },
  { id: 'd088', code: '088', name: 'Thị xã Sa Pa', level: 'DISTRICT', parentId: 'p10' },
  { id: 'c03001', code: '03001', name: 'Phường Sa Pa', level: 'COMMUNE', parentId: 'd088' },
  { id: 'c03002', code: '03002', name: 'Phường Sa Pả', level: 'COMMUNE', parentId: 'd088' },
  { id: 'c01024', code: '01024', name: 'Xã Bản Máy', level: 'COMMUNE', parentId: 'd088' },
  { id: 'p01', code: '01', name: 'Thành phố Hà Nội', level: 'PROVINCE', kind: 'Thành phố Trung ương', parentId: null },
  { id: 'd005', code: '005', name: 'Quận Cầu Giấy', level: 'DISTRICT', parentId: 'p01' },
  { id: 'c00169', code: '00169', name: 'Phường Quan Hoa', level: 'COMMUNE', parentId: 'd005' },
  { id: 'c00170', code: '00170', name: 'Phường Dịch Vọng Hậu', level: 'COMMUNE', parentId: 'd005' },
  { id: 'p68', code: '68', name: 'Tỉnh Lâm Đồng', level: 'PROVINCE', parentId: null },
  { id: 'c24778', code: '24778', name: 'Phường Lâm Viên - Đà Lạt', level: 'COMMUNE', parentId: 'p68' },
  { id: 'p42', code: '42', name: 'Tỉnh Hà Tĩnh', level: 'PROVINCE', parentId: null },
  { id: 'd436', code: '436', name: 'Thành phố Hà Tĩnh', level: 'DISTRICT', parentId: 'p42' },
  { id: 'c18070', code: '18070', name: 'Phường Thạch Linh', level: 'COMMUNE', parentId: 'd436' },
];
const matcher = new NameMatcher(tree);
const codes = (units: readonly { code: string }[]) => units.map((u) => u.code).sort();

describe('NameMatcher: EXACT', () => {
  it('scores the official full name 1, whatever its case, spacing, Unicode form or tone placement', () => {
    for (const name of ['Phường Hưng Đông', 'PHƯỜNG HƯNG ĐÔNG', '  phường   hưng đông ', 'Phường Hưng Đông'.normalize('NFD')]) {
      expect(matcher.match({ name, within: '40' })).toMatchObject({ status: 'EXACT', score: 1, best: { code: '16705' } });
    }
    expect(matcher.match({ name: 'Tỉnh Thanh Hoá' })).toMatchObject({ status: 'EXACT', score: 1, best: { code: '38' } });
  });

  it('is EXACT for an identical folded key when the kind agrees or is absent and the unit is alone', () => {
    expect(matcher.match({ name: 'nghi huong' })).toMatchObject({ status: 'EXACT', score: SCORES.KEY, best: { code: '16801' } });
    expect(matcher.match({ name: 'P. Nghi Huong' })).toMatchObject({ status: 'EXACT', score: 0.96, best: { code: '16801' } }); // KEY + KIND_AGREES, capped
    expect(matcher.match({ name: 'Nghi Hương' })).toMatchObject({ status: 'EXACT', score: SCORES.ACCENTS, best: { code: '16801' } });
    expect(matcher.match({ name: 'Thủ Đô Hà Nội' })).toMatchObject({ status: 'EXACT', best: { code: '01' } });
  });
});

describe('scoring', () => {
  it('caps agreeing evidence TIE below the next base up, as documented', () => {
    const { FULL, ACCENTS, KEY, PART, SOUND_ALIKE, ONE_EDIT, TWO_EDITS } = SCORES;
    expect([FULL, ACCENTS, KEY, PART, SOUND_ALIKE, ONE_EDIT, TWO_EDITS].map(capOf)).toEqual([1, 0.98, 0.96, 0.93, 0.86, 0.85, 0.83]);
  });

  it('ranks a better-written name first even when a same-key unit gathers agreeing evidence', () => {
    const m = new NameMatcher<MatchableUnit>([
      { id: 'd', code: '429', name: 'Huyện Nghi Lộc', level: 'DISTRICT', parentId: null },
      { id: 'a', code: '17830', name: 'Xã Nghi Văn', level: 'COMMUNE', parentId: 'd' },
      { id: 'b', code: '17911', name: 'Xã Nghi Vạn', level: 'COMMUNE', parentId: 'd' },
    ]);
    const result = m.match({ name: 'Xã Nghi Vạn (Huyện Nghi Lộc)' });
    expect(result).toMatchObject({ status: 'EXACT', score: 1, best: { code: '17911' } });
    expect(result.candidates[1]).toMatchObject({ score: 0.96, unit: { code: '17830' } });
  });
});

describe('NameMatcher: kinds', () => {
  it('lowers the score on a kind conflict, but still matches a unit that is alone', () => {
    const result = matcher.match({ name: 'X. Hung Dong', within: '40' });
    expect(result).toMatchObject({ status: 'MATCHED', best: { code: '16705' }, score: SCORES.KEY + SCORES.KIND_CONFLICTS });
    expect(matcher.match({ name: 'xã hưng đông', within: 'Nghệ An' })).toMatchObject({ status: 'MATCHED', best: { code: '16705' } });
  });

  it('uses the kind to choose between a Xã and a Phường of the same name', () => {
    expect(matcher.match({ name: 'Xã Hưng Đông', within: '38' })).toMatchObject({ status: 'EXACT', best: { code: '38002' } });
    expect(matcher.match({ name: 'Hung Dong Ward', within: '38' })).toMatchObject({ status: 'EXACT', best: { code: '38001' } });
    expect(matcher.match({ name: 'Hưng Đông', within: '38' })).toMatchObject({ status: 'AMBIGUOUS', best: null });
  });

  it('reads a name that begins like a kind ("Quan Hoa", "Bản Máy") as a name', () => {
    expect(matcher.match({ name: 'Quan Hoa' })).toMatchObject({ status: 'EXACT', best: { code: '00169' } });
    expect(matcher.match({ name: 'quan hoa ward' })).toMatchObject({ status: 'EXACT', best: { code: '00169' } });
    expect(matcher.match({ name: 'Bản Máy' })).toMatchObject({ status: 'EXACT', best: { code: '01024' } });
  });
});

describe('NameMatcher: typos', () => {
  it('matches one typo with a lower score, never EXACT', () => {
    for (const name of ['Hưng Đôngg', 'Hung Dnog', 'Hưng Đôn', 'Phuong Hung Dang']) {
      const result = matcher.match({ name, within: '40' });
      expect(result).toMatchObject({ status: 'MATCHED', best: { code: '16705' } });
      expect(result.score).toBeLessThan(SCORES.KEY);
      expect(result.score).toBeGreaterThanOrEqual(0.7);
    }
  });

  it('matches one typo from 4 letters and two typos only from 8', () => {
    expect(matcher.match({ name: 'Dich Vong Hua', level: 'COMMUNE' })).toMatchObject({ status: 'MATCHED', best: { code: '00170' } });
    expect(matcher.match({ name: 'Dich Vogn Hua' })).toMatchObject({ status: 'MATCHED', score: SCORES.TWO_EDITS, best: { code: '00170' } });
    expect(matcher.match({ name: 'Sa Pe', level: 'DISTRICT' })).toMatchObject({ status: 'MATCHED', score: SCORES.ONE_EDIT });
    expect(matcher.match({ name: 'So Pe', level: 'DISTRICT' }).status).toBe('UNMATCHED');
    expect(matcher.match({ name: 'Vi', level: 'DISTRICT' }).status).toBe('UNMATCHED');
  });
});

describe('NameMatcher: AMBIGUOUS, hints and within', () => {
  it('never picks one of several equally good units, and lists them all', () => {
    const result = matcher.match({ name: 'Xã Nghi Phú' });
    expect(result.status).toBe('AMBIGUOUS');
    expect(result.best).toBeNull();
    expect(result.score).toBe(1);
    expect(codes(result.candidates.map((c) => c.unit))).toEqual(['16706', '16800']);
    expect(codes(tiesOf(result).map((c) => c.unit))).toEqual(['16706', '16800']);
  });

  it('resolves them with a hint naming an ancestor, in any of its written forms', () => {
    for (const name of ['Xã Nghi Phú (TX. Cửa Lò)', 'Nghi Phu - TX Cua Lo', 'Nghi Phú, Cửa Lò', 'Nghi Phu (thi xa Cua Lo, Nghe An)']) {
      const result = matcher.match({ name });
      expect(result.best?.code).toBe('16800');
      expect(result.candidates[1].score).toBeLessThan(result.score);
    }
    expect(matcher.match({ name: 'Xã Nghi Phú (TP Vinh)' })).toMatchObject({ status: 'EXACT', best: { code: '16706' } });
  });

  it('lowers the score of a unit a hint contradicts', () => {
    const result = matcher.match({ name: 'Phường Hưng Đông (quận Đống Đa)', within: '40' });
    expect(result).toMatchObject({ status: 'MATCHED', best: { code: '16705' }, score: SCORES.FULL + SCORES.HINT_CONFLICTS });
  });

  it('restricts to the descendants of `within`: a code or a name in any spelling', () => {
    for (const within of ['412', 'Thành phố Vinh', 'TP Vinh', 'tp. vinh', 'Vinh City']) {
      expect(matcher.match({ name: 'Nghi Phu', within })).toMatchObject({ status: 'EXACT', best: { code: '16706' } });
    }
    expect(matcher.match({ name: 'Nghi Phu', within: '40' }).status).toBe('AMBIGUOUS');
    expect(matcher.match({ name: 'Nghi Phu', within: 'Tỉnh Lào Cai' })).toMatchObject({ status: 'UNMATCHED', best: null, candidates: [] });
    expect(matcher.match({ name: 'Nghi Phu', within: 'Atlantis' })).toMatchObject({ status: 'UNMATCHED', candidates: [] });
  });

  it('takes caller-resolved ancestor ids (any of them), together with `within`', () => {
    expect(matcher.match({ name: 'Nghi Phu' }, { withinIds: ['d413', 'p10'] })).toMatchObject({ status: 'EXACT', best: { code: '16800' } });
    expect(matcher.match({ name: 'Nghi Phu', within: '412' }, { withinIds: ['p40'] }).best?.code).toBe('16706');
    expect(matcher.match({ name: 'Nghi Phu', within: '412' }, { withinIds: ['d413'] }).status).toBe('UNMATCHED');
    expect(matcher.match({ name: 'Nghi Phu' }, { withinIds: [] }).status).toBe('UNMATCHED');
  });

  it('uses diacritics as evidence when the name has some, and is AMBIGUOUS when it has none', () => {
    expect(matcher.match({ name: 'Phường Sa Pả' })).toMatchObject({ status: 'EXACT', best: { code: '03002' } });
    expect(matcher.match({ name: 'Phường Sa Pa' })).toMatchObject({ status: 'EXACT', best: { code: '03001' } });
    expect(matcher.match({ name: 'P.Sa Pa' })).toMatchObject({ status: 'AMBIGUOUS', best: null });
  });
});

describe('NameMatcher: levels, partial names, UNMATCHED', () => {
  it('respects `level`', () => {
    expect(matcher.match({ name: 'Vinh', level: 'COMMUNE' }).status).toBe('UNMATCHED');
    expect(matcher.match({ name: 'Vinh', level: 'DISTRICT' })).toMatchObject({ status: 'EXACT', best: { code: '412' } });
    expect(matcher.match({ name: 'Hà Tĩnh', level: 'PROVINCE' })).toMatchObject({ status: 'EXACT', best: { code: '42' } });
    expect(matcher.match({ name: 'Hà Tĩnh' }).status).toBe('AMBIGUOUS');
    expect(matcher.match({ name: 'Thôn 3', within: 'Nghi Phú (TP Vinh)' })).toMatchObject({ status: 'EXACT', best: { code: 'V1' } });
  });

  it('matches one half of an official double name as MATCHED', () => {
    expect(matcher.match({ name: 'Phường Lâm Viên' })).toMatchObject({
      status: 'MATCHED',
      best: { code: '24778' },
      score: SCORES.PART + SCORES.KIND_AGREES,
    });
  });

  it('is UNMATCHED for an unknown or empty name', () => {
    expect(matcher.match({ name: 'Xã Không Có Đâu' })).toMatchObject({ status: 'UNMATCHED', best: null, score: 0, candidates: [] });
    expect(matcher.match({ name: '  ' })).toMatchObject({ status: 'UNMATCHED', best: null, score: 0 });
  });
});

describe('NameMatcher: the rest of the API', () => {
  it('resolves `within` references to units with children', () => {
    expect(codes(matcher.resolveWithin('40'))).toEqual(['40']);
    expect(codes(matcher.resolveWithin('Nghe An'))).toEqual(['40']);
    expect(codes(matcher.resolveWithin('Hà Tĩnh'))).toEqual(['42', '436']);
    expect(matcher.resolveWithin('Phường Thạch Linh')).toEqual([]);
    expect(matcher.resolveWithin('Atlantis')).toEqual([]);
  });

  it('lists ancestors parent first', () => {
    const village = tree.find((u) => u.id === 'v1')!;
    expect(matcher.ancestorsOf(village).map((u) => u.code)).toEqual(['16706', '412', '40']);
    expect(matcher.ancestorsOf(tree[0])).toEqual([]);
  });

  it('matches many names in input order', () => {
    const results = matcher.matchMany([{ name: 'Nghi Huong' }, { name: 'Xã Nghi Phú' }, { name: 'nowhere' }, { name: 'Vinh', level: 'DISTRICT' }]);
    expect(results.map((r) => [r.status, r.best?.code ?? null])).toEqual([
      ['EXACT', '16801'],
      ['AMBIGUOUS', null],
      ['UNMATCHED', null],
      ['EXACT', '412'],
    ]);
  });

  it('gives scores in 0..1, best first, the best among the candidates', () => {
    for (const name of ['Hưng Đông', 'Hung Dong (Vinh)', 'Nghi Phú', 'Sa Pa', 'Hà Tĩnh', 'X. Hưng Đôngg']) {
      const result = matcher.match({ name });
      const scores = result.candidates.map((c) => c.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
      for (const s of scores) expect(s >= 0 && s <= 1).toBe(true);
      expect(result.score).toBe(scores[0] ?? 0);
      if (result.best) expect(result.candidates[0].unit).toBe(result.best);
    }
  });

  it('takes units named without their kind, the kind column telling "Quan Hoa" (a Phường) from Quận "Hoa"', () => {
    const m = new NameMatcher<MatchableUnit>([
      { id: '1', code: '00169', name: 'Quan Hoa', kind: 'Phường', level: 'COMMUNE', parentId: null },
      { id: '2', code: '00170', name: 'Dịch Vọng Hậu', kind: 'Phường', level: 'COMMUNE', parentId: null },
    ]);
    expect(m.match({ name: 'Phường Quan Hoa' })).toMatchObject({ status: 'EXACT', best: { code: '00169' } });
    expect(m.match({ name: 'Xã Dịch Vọng Hậu' })).toMatchObject({ status: 'MATCHED', best: { code: '00170' } });
  });

  it('lists every tied candidate when AMBIGUOUS, and at most five otherwise', () => {
    const many: MatchableUnit[] = Array.from({ length: 8 }, (_, i) => ({
      id: `x${i}`,
      code: `9000${i}`,
      name: 'Xã Tân Phú',
      level: 'COMMUNE',
      parentId: null,
    }));
    const m = new NameMatcher([...many, { id: 'y', code: '90100', name: 'Xã Tân Phú Đông', level: 'COMMUNE', parentId: null }]);
    expect(m.match({ name: 'Tân Phú' })).toMatchObject({ status: 'AMBIGUOUS' });
    expect(m.match({ name: 'Tân Phú' }).candidates).toHaveLength(8);
    expect(m.match({ name: 'Tân Phú Đôngg' }).candidates.length).toBeLessThanOrEqual(5);
  });
});
