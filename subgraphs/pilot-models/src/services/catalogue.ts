import { readCatalogue } from '../data-files';
import type { Catalogue } from '../domain';

let cached: Catalogue | null = null;

/** The reference data (data/*.csv), parsed once per process; the lifecycle and central plan are also seeded as tables for SQL. */
export function catalogue(): Catalogue {
  return (cached ??= readCatalogue());
}

/** Today's date, YYYY-MM-DD (UTC): what schedules and "not in the future" checks are measured against. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}
