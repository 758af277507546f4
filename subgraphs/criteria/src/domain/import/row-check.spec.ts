import type { CriteriaSetDef } from '../criteria-file';
import { checkValue, indicatorFor, parseYear, type IndicatorLookup } from './row-check';
import { ImportUnitResolver, type ProfileUnit } from './unit-resolution';

const OLD = '2025-03-01';
const u = (code: string, level: string, name: string, ancestorIds: string[], listId = OLD): ProfileUnit => ({
  unitId: `${code}@${listId}`,
  code,
  listId,
  level,
  name,
  ancestorIds,
  successorIds: [],
  validFrom: null,
  validTo: '2025-06-30',
});
const resolver = new ImportUnitResolver([
  u('40', 'PROVINCE', 'Tỉnh Nghệ An', []),
  u('413', 'DISTRICT', 'Huyện Nghi Lộc', ['40@' + OLD]),
  u('90002', 'COMMUNE', 'Xã Nghi Phong', ['40@' + OLD, '413@' + OLD]),
  u('90008', 'COMMUNE', 'Xã Nghi Lộc', ['40@' + OLD, '413@' + OLD]),
]);

// A minimal made-up catalogue: one commune set 2021–2025 with a percentage and a yes/no indicator.
const indicator = (code: string, valueType: 'PERCENTAGE' | 'BOOLEAN') => ({
  code,
  criterionNumber: 2,
  nameVi: code,
  nameEn: code,
  valueType,
  unit: null,
  ruleText: null,
  rule: null,
  placeholder: true,
  allowedValues: null,
  source: 'test',
  confidence: 'LOW' as const,
  note: null,
});
const set = {
  code: 'COMMUNE_TEST',
  kind: 'NATIONAL',
  tier: 'STANDARD',
  level: 'COMMUNE',
  validFromYear: 2021,
  validToYear: 2025,
  criteria: [{ number: 2, indicators: [indicator('2.2', 'PERCENTAGE'), indicator('8.4', 'BOOLEAN')] }],
} as unknown as CriteriaSetDef;
const lookup: IndicatorLookup = { sets: [set], idOf: (s, c) => (s === 'COMMUNE_TEST' ? { '2.2': 1, '8.4': 2 }[c] : undefined) };
const ctx = { resolver, lookup, defaultYear: 2024 };
const raw = (
  over: Partial<{ unitCode: string | null; unitName: string | null; district: string | null; indicator: string; year: string | null; value: string }>,
) => ({
  row: 5,
  unitCode: null,
  unitName: 'Xã Nghi Phong',
  district: null,
  indicator: '2.2',
  year: null,
  value: '85,5',
  ...over,
});

describe('import row check', () => {
  it('reads years as spreadsheets write them', () => {
    expect(parseYear('2024', null)).toBe(2024);
    expect(parseYear('2024.0', null)).toBe(2024);
    expect(parseYear('Năm 2023', null)).toBe(2023);
    expect(parseYear(null, 2022)).toBe(2022);
    expect(parseYear(null, null)).toMatchObject({ code: 'YEAR_MISSING', field: 'year' });
    expect(parseYear('hai nghìn', null)).toMatchObject({ code: 'YEAR_INVALID', field: 'year' });
  });

  it('finds a bare indicator code in the standard set of the level in force that year', () => {
    expect(indicatorFor(lookup, '2.2', 'COMMUNE', 2024)).toMatchObject({ id: 1 });
    expect(indicatorFor(lookup, 'CT 8.4', 'COMMUNE', 2024)).toMatchObject({ id: 2 });
    expect(indicatorFor(lookup, '2.2', 'COMMUNE', 2027)).toMatchObject({ code: 'INDICATOR_NOT_IN_FORCE' });
    expect(indicatorFor(lookup, '9.9', 'COMMUNE', 2024)).toMatchObject({ code: 'INDICATOR_UNKNOWN', field: 'indicator' });
    expect(indicatorFor(lookup, '2.2', 'DISTRICT', 2024)).toMatchObject({ code: 'INDICATOR_NOT_IN_FORCE' });
  });

  it('accepts a clean row with a decimal comma, canonicalising the value', () => {
    const c = checkValue(raw({}), ctx);
    expect(c).toMatchObject({ status: 'OK', reasons: [], indicatorId: 1, year: 2024, value: '85.5', numeric: 85.5, unit: { code: '90002' } });
  });

  it('warns on a fuzzy unit and names the field of each error', () => {
    expect(checkValue(raw({ unitName: 'Xa Ngi Phong' }), ctx)).toMatchObject({
      status: 'WARNING',
      reasons: [{ code: 'UNIT_MATCHED', field: 'unit' }],
    });
    expect(checkValue(raw({ value: '150%' }), ctx)).toMatchObject({ status: 'ERROR', reasons: [{ code: 'VALUE_INVALID', field: 'value' }] });
    expect(checkValue(raw({ indicator: '8.4', value: 'không đạt' }), ctx)).toMatchObject({ status: 'OK', value: 'false' });
    expect(checkValue(raw({ unitName: null }), ctx)).toMatchObject({ status: 'ERROR', reasons: [{ code: 'UNIT_MISSING' }] });
    expect(checkValue(raw({ unitName: 'Huyện Nghi Lộc' }), ctx).reasons[0].code).toBe('INDICATOR_NOT_IN_FORCE');
    expect(checkValue(raw({ unitName: 'Tỉnh Nghệ An' }), ctx)).toMatchObject({ status: 'ERROR', reasons: [{ code: 'UNIT_LEVEL' }] });
  });

  it('reports an ambiguous unit but still checks the rest, keeping only candidates that can take the value', () => {
    // "Nghi Lộc" without a kind is both the district and a commune of it; 2.2 is a commune indicator.
    const c = checkValue(raw({ unitName: 'Nghi Loc' }), ctx);
    expect(c.status).toBe('ERROR');
    expect(c.reasons.map((r) => r.code)).toEqual(['UNIT_AMBIGUOUS']);
    expect(c.unit).toBeNull();
    expect(c.candidates.map((x) => x.code)).toEqual(['90008']);
    expect(c).toMatchObject({ indicatorId: 1, value: '85.5' });
  });
});
