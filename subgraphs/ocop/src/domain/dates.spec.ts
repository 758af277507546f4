import { addDays, addMonths, daysBetween, fromDayNumber, isIsoDate, toDayNumber } from './dates';

describe('dates', () => {
  it('day numbers agree with Date for every day 1900–2100', () => {
    for (let day = toDayNumber('1900-01-01'); day <= toDayNumber('2100-12-31'); day += 1) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (fromDayNumber(day) !== iso || toDayNumber(iso) !== day) throw new Error(`mismatch at ${iso}`);
    }
    expect(toDayNumber('1970-01-01')).toBe(0);
  });
  it('adds days and months', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(addMonths('2024-02-29', 36)).toBe('2027-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2023-11-30', -12)).toBe('2022-11-30');
  });
  it('validates ISO dates', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-1-01')).toBe(false);
  });
});
