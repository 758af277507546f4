import {
  authorityMayIssue,
  currentRating,
  effectiveValidUntil,
  expiresWithin,
  ProposedRating,
  ratingState,
  RatingRecord,
  reRatingWindow,
  starBand,
  starsForScore,
  validateRating,
  validateRevocation,
  validUntil,
} from './rating';

const TODAY = '2026-12-01';
const province = { level: 'PROVINCE' as const, unitCode: '40', name: 'UBND tỉnh Nghệ An' };
const ministry = { level: 'MINISTRY' as const, name: 'Bộ Nông nghiệp và Môi trường' };
const district = { level: 'DISTRICT' as const, unitCode: '412', name: 'UBND huyện Nghi Lộc' };
const qd26Set = { code: '26-I.1.a', validFrom: '2026-05-22', validTo: null };

const rating = (over: Partial<ProposedRating> = {}): ProposedRating => ({
  score: 75,
  partA: 30,
  partB: 20,
  partC: 25,
  stars: 4,
  decisionNumber: '123/QĐ-UBND',
  decisionDate: '2026-06-30',
  authority: province,
  productSet: qd26Set,
  ...over,
});
const fields = (r: ProposedRating) => validateRating(r, TODAY).map((p) => p.field);

describe('stars from score (QĐ 26 Art. 3.3)', () => {
  it.each([
    [100, 5],
    [90, 5],
    [89.99, 4],
    [70, 4],
    [69.99, 3],
    [50, 3],
    [49.99, null],
    [30, null],
    [0, null],
  ])('%p points → %p', (score, stars) => expect(starsForScore(score)).toBe(stars));
  it('bands 1–2★ below 50', () => {
    expect(starBand(49.99)).toBe(2);
    expect(starBand(30)).toBe(2);
    expect(starBand(29.99)).toBe(1);
  });
});

describe('validateRating', () => {
  it('accepts a consistent 4★ provincial rating', () => expect(validateRating(rating(), TODAY)).toEqual([]));
  it('refuses 6 stars naming the field', () => {
    const p = validateRating(rating({ stars: 6 }), TODAY);
    expect(p).toHaveLength(1);
    expect(p[0].field).toBe('stars');
    expect(p[0].reason).toMatch(/3, 4 or 5/);
  });
  it('refuses stars that disagree with the score: 95 points given as 4★', () => {
    const p = validateRating(rating({ score: 95, partA: 38, partB: 24, partC: 33, stars: 4 }), TODAY);
    expect(p.map((x) => x.field)).toEqual(['stars']);
    expect(p[0].reason).toMatch(/gives 5★/);
  });
  it('refuses a 5★ rating by a province', () => {
    expect(fields(rating({ score: 95, partA: 38, partB: 24, partC: 33, stars: 5 }))).toEqual(['authority.level']);
    expect(fields(rating({ score: 95, partA: 38, partB: 24, partC: 33, stars: 5, authority: ministry }))).toEqual([]);
  });
  it('refuses 3–4★ by the ministry', () => expect(fields(rating({ authority: ministry }))).toEqual(['authority.level']));
  it('accepts a district 3★ before the reform, refuses one after 2025-07-01 and a district 4★', () => {
    const old = { score: 60, partA: 25, partB: 15, partC: 20, stars: 3, authority: district, productSet: null };
    expect(fields(rating({ ...old, decisionDate: '2025-06-16' }))).toEqual([]);
    expect(fields(rating({ ...old, decisionDate: '2025-07-01' }))).toEqual(['authority.level']);
    expect(fields(rating({ ...old, stars: 4, score: 75, partA: 30, partB: 20, partC: 25, decisionDate: '2024-05-01' }))).toEqual(['authority.level']);
  });
  it('refuses a decision date in the future and an invalid date', () => {
    expect(fields(rating({ decisionDate: '2026-12-02' }))).toEqual(['decisionDate']);
    expect(fields(rating({ decisionDate: '2026-02-30' }))).toEqual(['decisionDate']);
  });
  it('refuses a decision dated before the product set applies, and after an old set lapsed', () => {
    expect(fields(rating({ decisionDate: '2026-05-21' }))).toEqual(['productSet']);
    const old148 = { code: '148-1', validFrom: '2023-02-24', validTo: '2026-07-20' };
    expect(fields(rating({ productSet: old148, decisionDate: '2026-07-20' }))).toEqual([]);
    expect(fields(rating({ productSet: old148, decisionDate: '2026-07-21' }))).toEqual(['productSet']);
  });
  it('checks part bounds and that parts sum to the score', () => {
    expect(fields(rating({ partA: 41, partB: 14, partC: 20 }))).toEqual(['partA']);
    expect(fields(rating({ partB: 26, partA: 24, partC: 25 }))).toEqual(['partB']);
    expect(fields(rating({ partC: 36, partA: 20, partB: 19 }))).toEqual(['partC']);
    const p = validateRating(rating({ partA: 30, partB: 20, partC: 20 }), TODAY);
    expect(p).toEqual([{ field: 'score', reason: expect.stringContaining('= 70') }]);
  });
  it('refuses a score below 50 (no certificate)', () => {
    expect(fields(rating({ score: 45, partA: 20, partB: 10, partC: 15, stars: 3 }))).toEqual(['score']);
  });
  it('requires decision number, authority name and unit code of a province', () => {
    expect(fields(rating({ decisionNumber: ' ' }))).toEqual(['decisionNumber']);
    expect(fields(rating({ authority: { level: 'PROVINCE', name: '' } }))).toEqual(['authority.name', 'authority.unitCode']);
  });
  it('authorityMayIssue explains the rule', () => {
    expect(authorityMayIssue('PROVINCE', 3, '2020-01-01')).toBeNull();
    expect(authorityMayIssue('DISTRICT', 3, '2025-08-01')).toMatch(/2025-06-30/);
  });
});

describe('validity, re-rating window, grace (Art. 4.3, 7.6a, 12.3)', () => {
  it('is valid through the same day 36 months later', () => {
    expect(validUntil('2023-06-16')).toBe('2026-06-16');
    expect(validUntil('2024-02-29')).toBe('2027-02-28');
    expect(validUntil('2023-08-31')).toBe('2026-08-31');
  });
  it('opens the re-rating window 180 and closes it 120 days before expiry', () => {
    expect(reRatingWindow('2023-06-16')).toEqual({ opens: '2025-12-18', closes: '2026-02-16' });
  });
  const r: RatingRecord = { id: 1, stars: 3, decisionDate: '2023-06-16' };
  it('expires the day after its last valid day', () => {
    expect(ratingState(r, '2026-06-16')).toBe('VALID');
    expect(ratingState(r, '2026-06-17')).toBe('EXPIRED');
    expect(ratingState(r, '2023-06-15')).toBe('NOT_YET_DECIDED');
  });
  it('extends a late filer up to 180 days past expiry while pending', () => {
    const late = { ...r, reRatingFiledOn: '2026-03-01' };
    expect(effectiveValidUntil(late)).toBe('2026-12-13');
    expect(ratingState(late, '2026-12-13')).toBe('EXTENDED');
    expect(ratingState(late, '2026-12-14')).toBe('EXPIRED');
    expect(effectiveValidUntil({ ...late, reRatingDecidedOn: '2026-08-01' })).toBe('2026-07-31');
  });
  it('gives no extension to a filer inside the window or after expiry', () => {
    expect(effectiveValidUntil({ ...r, reRatingFiledOn: '2026-02-16' })).toBe('2026-06-16');
    expect(effectiveValidUntil({ ...r, reRatingFiledOn: '2026-06-17' })).toBe('2026-06-16');
  });
});

describe('currentRating', () => {
  const history: RatingRecord[] = [
    { id: 'a', stars: 3, decisionDate: '2021-03-01' },
    { id: 'b', stars: 4, decisionDate: '2023-06-16' },
    { id: 'c', stars: 4, decisionDate: '2024-09-01', revokedOn: '2025-01-10' },
  ];
  it('is the latest valid unrevoked rating on the date', () => {
    expect(currentRating(history, '2022-01-01')?.id).toBe('a');
    expect(currentRating(history, '2024-10-01')?.id).toBe('c');
    expect(currentRating(history, '2025-02-01')?.id).toBe('b');
  });
  it('leaves the product without a current rating once all expired, history intact', () => {
    expect(currentRating(history, '2026-06-17')).toBeNull();
    expect(history).toHaveLength(3);
  });
  it('expiresWithin counts days to the last valid day', () => {
    expect(expiresWithin(history[1], '2026-05-17', 30)).toBe(true);
    expect(expiresWithin(history[1], '2026-05-16', 30)).toBe(false);
    expect(expiresWithin(history[1], '2026-06-17', 30)).toBe(false);
  });
});

describe('validateRevocation (Art. 8)', () => {
  const r: RatingRecord = { id: 1, stars: 4, decisionDate: '2025-03-01' };
  const ok = {
    ground: 'PRODUCTION_STOPPED',
    reason: 'Cơ sở ngừng sản xuất',
    revokedOn: '2026-01-10',
    decisionNumber: '9/QĐ-UBND',
    authority: province,
  };
  it('accepts a proper revocation', () => expect(validateRevocation(r, ok, TODAY)).toEqual([]));
  it('requires a reason and a known ground', () => {
    expect(validateRevocation(r, { ...ok, reason: '', ground: 'X' }, TODAY).map((p) => p.field)).toEqual(['ground', 'reason']);
  });
  it('refuses dates before the decision or in the future, and a second revocation', () => {
    expect(validateRevocation(r, { ...ok, revokedOn: '2025-02-28' }, TODAY).map((p) => p.field)).toEqual(['revokedOn']);
    expect(validateRevocation(r, { ...ok, revokedOn: '2026-12-02' }, TODAY).map((p) => p.field)).toEqual(['revokedOn']);
    expect(validateRevocation({ ...r, revokedOn: '2025-05-01' }, ok, TODAY).map((p) => p.field)).toEqual(['rating']);
  });
  it('needs the minister for 5★', () => {
    expect(validateRevocation({ ...r, stars: 5 }, ok, TODAY).map((p) => p.field)).toEqual(['authority.level']);
    expect(validateRevocation({ ...r, stars: 5 }, { ...ok, authority: ministry }, TODAY)).toEqual([]);
  });
});
