/**
 * Which criteria set is in force for a year (bộ tiêu chí áp dụng theo giai đoạn).
 *
 * A set's validity period is its `phase` (`validFromYear`..`validToYear`, inclusive), read from
 * the data file: the 2021–2025 sets (318/QĐ-TTg, 320/QĐ-TTg) answer for 2021..2025, the
 * 2026–2030 commune set (51/2025/QĐ-TTg) from 2026. Year granularity: Decision 51/2025/QĐ-TTg
 * takes effect on 15/02/2026 (vneconomy.vn report of the decision), so early-2026 recognitions
 * made under the old set are not distinguished here.
 */
import { CriteriaSetDef } from './criteria-file';
import { Level, SetKind, Tier } from './types';

export function isSetInForce(set: Pick<CriteriaSetDef, 'validFromYear' | 'validToYear'>, year: number): boolean {
  return year >= set.validFromYear && year <= set.validToYear;
}

const sameSlot = (a: SetSlot, b: SetSlot): boolean => a.level === b.level && a.kind === b.kind && a.tier === b.tier;

/**
 * Whether `set` answers for `year` among `sets`: in its period, or, for the earliest set of its
 * level/kind/tier, any year before it. No older set is in the data (the 2016–2020 sets are not), so
 * values of 2010–2020 are read against the 2021–2025 sets — "2021–2025 sets up to 2025" — rather
 * than against nothing.
 */
export function answersForYear(sets: readonly CriteriaSetDef[], set: CriteriaSetDef, year: number): boolean {
  if (isSetInForce(set, year)) return true;
  return year < set.validFromYear && !sets.some((s) => sameSlot(s, set) && s.validFromYear < set.validFromYear);
}

/** What identifies "the same kind of set" across phases. */
export interface SetSlot {
  readonly level: Level;
  readonly kind: SetKind;
  readonly tier: Tier;
}

/**
 * The set of this level, kind and tier in force for `year`, or null when none is (e.g. a
 * DISTRICT set for 2026: the 2026–2030 decision has no district set; before the first phase, the
 * earliest set: see `answersForYear`). When several match (two
 * pilot-eligibility sets of one phase), the first in file order is returned.
 */
export function setInForce(sets: readonly CriteriaSetDef[], slot: SetSlot, year: number): CriteriaSetDef | null {
  return sets.find((s) => sameSlot(s, slot) && answersForYear(sets, s, year)) ?? null;
}

/** All sets in force for `year`, in file order. */
export function setsInForce(sets: readonly CriteriaSetDef[], year: number): CriteriaSetDef[] {
  return sets.filter((s) => isSetInForce(s, year));
}

/**
 * Checks that `set` may be used for `year`. Returns null when it is in force, else a message
 * naming both the set asked for (with its period) and the set of the same level/kind/tier in
 * force that year, or saying that there is none.
 */
export function checkSetForYear(sets: readonly CriteriaSetDef[], set: CriteriaSetDef, year: number): string | null {
  if (answersForYear(sets, set, year)) return null;
  const current = setInForce(sets, set, year);
  const asked = `set ${set.code} is in force ${set.validFromYear}–${set.validToYear}, not in ${year}`;
  return current
    ? `${asked}; for ${year} use ${current.code} (in force ${current.validFromYear}–${current.validToYear})`
    : `${asked}; no ${set.level} ${set.kind} ${set.tier} set is in force in ${year}`;
}

export class SetNotInForceError extends Error {
  constructor(
    readonly setCode: string,
    readonly year: number,
    /** The set in force for that year, or null. */
    readonly setInForceCode: string | null,
    message: string,
  ) {
    super(message);
    this.name = 'SetNotInForceError';
  }
}

/** Like `checkSetForYear`, but throws SetNotInForceError. */
export function assertSetForYear(sets: readonly CriteriaSetDef[], set: CriteriaSetDef, year: number): void {
  const problem = checkSetForYear(sets, set, year);
  if (problem) throw new SetNotInForceError(set.code, year, setInForce(sets, set, year)?.code ?? null, problem);
}
