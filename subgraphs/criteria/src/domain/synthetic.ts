/**
 * Deterministic synthetic indicator values, for demo and load-test data. NOT real data.
 *
 * Model: for a unit, an indicator and a year, a latent score
 *   score = BASE + UNIT_WEIGHT·q(unit) + INDICATOR_WEIGHT·e(unit, indicator) + YEAR_NOISE·n(unit, indicator, year)
 *           + PROGRESS·(year − 2021) − difficulty(indicator) − DISADVANTAGE·(EM/mountain/island)
 * where q, e, n are roughly standard-normal draws from a seeded hash (no Math.random), so a unit's
 * values are stable across runs and mostly improve year on year. The indicator is met when
 * score > 0; the value is then placed on the matching side of the applied threshold, further
 * from it as |score| grows. About 4% of values are missing (null), clustered in ~10% of
 * unit-years that report carelessly. Indicators without an
 * applicable threshold get a plausible value from the same score.
 *
 * Allocation-light: one string result per call, no objects; pass a precomputed
 * `hashUnitKey(code)` as `unitKey` in hot loops.
 *
 * Which indicators get values in a year: those of the sets in force that year
 * (`syntheticSetsFor`): the 2021–2025 sets up to 2025, the 2026–2030 commune set (51/2025/QĐ-TTg)
 * from 2026. Values for one indicator code do not depend on the set, so 2021–2025 values are the
 * same as before the 2026–2030 set was added. A 2026–2030 rule that needs the commune group gives
 * a unit without a group a plausible value from the same score (no threshold to place it by).
 */
import { CriteriaSetDef, IndicatorDef } from './criteria-file';
import { isSetInForce } from './set-validity';
import { Comparison, selectBranch, ThresholdRule } from './threshold-rule';
import { Level, UnitAttributes, ValueType } from './types';

/** What the generator needs from an indicator (an IndicatorDef fits). */
export interface SyntheticIndicator {
  readonly code: string;
  readonly valueType: ValueType;
  readonly rule: ThresholdRule | null;
  readonly allowedValues?: readonly string[] | null;
}

/** Tunables (exported for tests and documentation). */
export const SYNTHETIC_MODEL = {
  /** Share of unit-years that report carelessly, and their share of missing values. */
  sloppyReporterShare: 0.1,
  sloppyMissingRate: 0.38,
  /** Share of missing values for the other unit-years. Overall ≈ 0.1·0.38 + 0.9·0.001 ≈ 4%. */
  missingRate: 0.001,
  base: 2.0,
  unitWeight: 0.9,
  indicatorWeight: 0.55,
  yearNoise: 0.15,
  /** Score gained per year after 2021. */
  progress: 0.22,
  /** Score lost by ethnic-minority / mountainous / island units. */
  disadvantage: 0.55,
  /** Max extra difficulty of an indicator (drawn per indicator and seed). */
  maxDifficulty: 0.9,
  firstYear: 2021,
} as const;

// --- hashing (murmur3-style mixing, 32-bit)

/**
 * Bound once: global look-ups are slow inside sandboxes such as jest's vm context (measured 50×),
 * and this is the hot path.
 */
const { imul, round: mathRound, abs, max, min } = Math;

function fmix(h: number): number {
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Mixes b into hash a. */
function mix(a: number, b: number): number {
  let k = imul(b, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = imul(k, 0x1b873593);
  let h = a ^ k;
  h = (h << 13) | (h >>> 19);
  h = (imul(h, 5) + 0xe6546b64) | 0;
  return fmix(h);
}

/** A stable 32-bit hash of a text (FNV-1a, then mixed). Precompute it for unit codes in hot loops. */
export function hashUnitKey(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = imul(h, 0x01000193);
  }
  return fmix(h);
}

const U32 = 1 / 4294967296;
/** Uniform [0, 1) from a hash. */
function unit01(h: number): number {
  return (h >>> 0) * U32;
}
/** Roughly standard normal from a hash: Irwin–Hall sum of three 10-bit uniforms, scaled. */
function normal(h: number): number {
  const a = h & 0x3ff;
  const b = (h >>> 10) & 0x3ff;
  const c = (h >>> 20) & 0x3ff;
  return ((a + b + c + 1.5) / 1024 - 1.5) * 2;
}

// Salts so the draws are independent.
const SALT_UNIT = 0x1234567;
const SALT_IND = 0x2345678;
const SALT_YEAR = 0x3456789;
const SALT_MISS = 0x456789a;
const SALT_DIFF = 0x56789ab;
const SALT_PICK = 0x6789abc;
const SALT_REPORT = 0x789abcd;

const codeHashes = new Map<string, number>();
function codeHash(code: string): number {
  let h = codeHashes.get(code);
  if (h === undefined) {
    h = hashUnitKey(code);
    codeHashes.set(code, h);
  }
  return h;
}

function round1(x: number): number {
  return mathRound(x * 10) / 10;
}
function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/** Places a numeric value relative to a threshold: on the met side when score > 0. */
function numericValue(c: Comparison & { kind: 'number' }, score: number, valueType: ValueType): number {
  const t = c.target;
  const pct = valueType === 'PERCENTAGE';
  const hi = pct ? 100 : Infinity;
  // spread: how far from the target one unit of score moves the value
  const spread = pct ? max(2, min(t, 100 - t, 25) * 0.35 + 3) : max(0.5, abs(t) * 0.12);
  const s = abs(score);
  const met = score > 0;
  let v: number;
  switch (c.operator) {
    case '>=':
    case '>':
      if (pct && t >= 100) return met ? 100 : round1(clamp(100 - (0.5 + s * 4), 0, 99.9));
      v = met ? t + s * spread : t - (0.1 + s) * spread;
      v = clamp(v, 0, hi);
      v = round1(v);
      if (met && (c.operator === '>' ? v <= t : v < t)) v = round1(t + 0.1);
      if (!met && v >= t) v = round1(max(0, t - 0.1));
      return v;
    case '<=':
    case '<':
      v = met ? t - s * spread * 0.8 : t + (0.1 + s) * spread;
      v = round1(clamp(v, 0, hi));
      if (met && (c.operator === '<' ? v >= t : v > t)) v = round1(max(0, t - 0.1));
      if (!met && v <= t) v = round1(min(hi, t + 0.1));
      return v;
    case '=': {
      if (met) return t;
      const d = 0.5 + s * 4;
      v = round1(clamp(t - d, 0, hi));
      if (v === t) v = round1(clamp(t + d, 0, hi));
      return v;
    }
  }
}

/** A plausible value for an indicator without an applicable threshold. */
function freeValue(valueType: ValueType, score: number, h: number, allowed: readonly string[] | null | undefined): string {
  switch (valueType) {
    case 'BOOLEAN':
      return score > 0 ? 'true' : 'false';
    case 'PERCENTAGE':
      return String(round1(clamp(60 + score * 12, 0, 100)));
    case 'NUMBER':
      return String(round1(max(0, 20 + score * 6)));
    case 'CATEGORY':
      return allowed && allowed.length > 0 ? allowed[h % allowed.length] : score > 0 ? 'A' : 'B';
  }
}

function categoryValue(c: Comparison & { kind: 'category' }, met: boolean, h: number, allowed: readonly string[] | null | undefined): string {
  const inSet: readonly string[] = c.operator === 'in' ? c.target : [c.target];
  if (met) return inSet[h % inSet.length];
  if (allowed) {
    const lowered = inSet.map((x) => x.toLowerCase());
    const outside = allowed.filter((a) => !lowered.includes(a.toLowerCase()));
    if (outside.length > 0) return outside[h % outside.length];
  }
  return 'KHÁC';
}

/**
 * A synthetic value text for one unit, indicator and year, or null (missing). Deterministic in
 * all its arguments. `unitKey` is the unit's code (or its `hashUnitKey`), `seed` any integer.
 */
export function syntheticIndicatorValue(
  unitKey: string | number,
  unit: UnitAttributes,
  indicator: SyntheticIndicator,
  year: number,
  seed: number,
): string | null {
  const m = SYNTHETIC_MODEL;
  const u = mix(typeof unitKey === 'number' ? unitKey : hashUnitKey(unitKey), seed | 0);
  const ic = codeHash(indicator.code);
  const ui = mix(u, ic);
  const uiy = mix(ui, year | 0);

  // Missing values cluster in a few unit-years (sloppy reporting), as real returns do.
  const sloppy = unit01(mix(mix(u, year | 0), SALT_REPORT)) < m.sloppyReporterShare;
  if (unit01(mix(uiy, SALT_MISS)) < (sloppy ? m.sloppyMissingRate : m.missingRate)) return null;

  const disadvantaged = unit.ethnicMinorityArea || unit.mountainous || unit.island;
  const difficulty = unit01(mix(mix(ic, seed | 0), SALT_DIFF)) * m.maxDifficulty;
  const score =
    m.base +
    m.unitWeight * normal(mix(u, SALT_UNIT)) +
    m.indicatorWeight * normal(mix(ui, SALT_IND)) +
    m.yearNoise * normal(mix(uiy, SALT_YEAR)) +
    m.progress * (year - m.firstYear) -
    difficulty -
    (disadvantaged ? m.disadvantage : 0);

  const branch = indicator.rule ? selectBranch(indicator.rule, unit, year) : null;
  const pick = mix(ui, SALT_PICK);
  if (!branch) return freeValue(indicator.valueType, score, pick, indicator.allowedValues);
  const c = branch.comparison;
  switch (c.kind) {
    case 'boolean':
      return score > 0 === c.target ? 'true' : 'false';
    case 'number':
      if (indicator.valueType === 'BOOLEAN' || indicator.valueType === 'CATEGORY')
        return freeValue(indicator.valueType, score, pick, indicator.allowedValues);
      return String(numericValue(c, score, indicator.valueType));
    case 'category':
      return categoryValue(c, score > 0, pick, indicator.allowedValues);
  }
}

/**
 * The sets whose indicators get synthetic values for units of `level` in `year`: every set of
 * that level in force that year, in file order (national and pilot-eligibility sets alike, as
 * before). 2021–2025 → the four 2021–2025 sets of the level and the smart-commune pilot set;
 * 2026–2030 → the 2026–2030 commune set and the modern-commune pilot set; no district set.
 */
export function syntheticSetsFor(sets: readonly CriteriaSetDef[], level: Level, year: number): CriteriaSetDef[] {
  return sets.filter((s) => s.level === level && isSetInForce(s, year));
}

/** The indicators of `syntheticSetsFor`, with their set, in set then criterion then code order. */
export function syntheticIndicatorsFor(
  sets: readonly CriteriaSetDef[],
  level: Level,
  year: number,
): { set: CriteriaSetDef; indicator: IndicatorDef }[] {
  return syntheticSetsFor(sets, level, year).flatMap((set) => set.criteria.flatMap((c) => c.indicators.map((indicator) => ({ set, indicator }))));
}
