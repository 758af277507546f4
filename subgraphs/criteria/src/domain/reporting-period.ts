/**
 * Which official unit list a reporting year belongs to. Values for years up to 2024 are keyed by
 * the units of the list in force until 2025-06-30; later years by the list in force from
 * 2025-07-01 (the reform). 2025 itself is reported on the new units, as the year's returns are
 * made after the reform.
 */
export const LAST_YEAR_ON_OLD_LIST = 2024;

/** A date on which the list of this year's units is in force. */
export function listDateForYear(year: number): string {
  return year <= LAST_YEAR_ON_OLD_LIST ? '2024-06-30' : '2025-07-01';
}

/** Years values may be reported for. */
export const FIRST_YEAR = 2010;
export const LAST_YEAR = 2100;
