/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`), computed in UTC so that no time zone can shift a day.
 * Legal deadlines here are whole days; a time of day never matters.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD` (2026-02-30 is false). */
export function isIsoDate(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** Days since 1970-01-01 of a civil date (proleptic Gregorian; H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;
const isoOf = (y: number, m: number, d: number): string => `${y}-${pad2(m)}-${pad2(d)}`;

/** Days since 1970-01-01 of an ISO date (assumed valid). Pure arithmetic: the generator calls this millions of times. */
export const toDayNumber = (iso: string): number => daysFromCivil(+iso.slice(0, 4), +iso.slice(5, 7), +iso.slice(8, 10));

/** ISO date of a day number (H. Hinnant's civil_from_days). */
export function fromDayNumber(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return isoOf(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

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
  const m0 = +iso.slice(5, 7) - 1 + months;
  const year = +iso.slice(0, 4) + Math.floor(m0 / 12);
  const month = (((m0 % 12) + 12) % 12) + 1;
  const last = month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return isoOf(year, month, Math.min(+iso.slice(8, 10), last));
}
