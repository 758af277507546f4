import { isIsoDate } from '../domain/dates';

/**
 * "Today" for this subgraph: the date in Vietnam (UTC+7), or `OCOP_TODAY` (YYYY-MM-DD) when set, so
 * that tests and demonstrations can fix the day ratings are judged on. Every read also takes an
 * explicit `asOf` argument; this is only its default.
 */
export function today(env: NodeJS.ProcessEnv = process.env): string {
  const fixed = env.OCOP_TODAY;
  if (fixed) {
    if (!isIsoDate(fixed)) throw new Error(`OCOP_TODAY must be a date YYYY-MM-DD, got ${JSON.stringify(fixed)}`);
    return fixed;
  }
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}
