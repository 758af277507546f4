/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`), computed in UTC so that no time zone can shift a day.
 * Legal deadlines here are whole days; a time of day never matters.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True for a real calendar date written `YYYY-MM-DD` (2026-02-30 is false). */
export function isIsoDate(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** Days since 1970-01-01 of an ISO date (assumed valid). */
export const toDayNumber = (iso: string): number =>
  Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY_MS;

/** ISO date of a day number. */
export const fromDayNumber = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The date `days` days after (negative: before) `iso`. */
export const addDays = (iso: string, days: number): string => fromDayNumber(toDayNumber(iso) + days);

/** Whole days from `from` to `to` (positive when `to` is later). */
export const daysBetween = (from: string, to: string): number => toDayNumber(to) - toDayNumber(from);

/**
 * The same day-of-month `months` months later; when that month is shorter, its last day
 * (2023-08-31 + 36 months → 2026-08-31; 2024-02-29 + 36 months → 2027-02-28).
 * This is how the Civil Code 2015 (Art. 148.2, our reading, see rating.ts) ends a period counted in months.
 */
export function addMonths(iso: string, months: number): string {
  const y = +iso.slice(0, 4);
  const m = +iso.slice(5, 7) - 1 + months;
  const d = +iso.slice(8, 10);
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, last))).toISOString().slice(0, 10);
}
