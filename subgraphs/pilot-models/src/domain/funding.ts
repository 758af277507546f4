/**
 * Funding of a pilot by source (nguồn kinh phí), in VND as bigint — never floating point.
 *
 * Sources (seed 001 "Huy động nguồn lực": ngân sách Trung ương, ngân sách địa phương (tỉnh, huyện, xã),
 * nguồn vốn xã hội hóa (doanh nghiệp và người dân); seed 000 Bước 4): CENTRAL (ngân sách Trung ương),
 * PROVINCE / DISTRICT / COMMUNE (đối ứng ngân sách tỉnh / huyện / xã), ENTERPRISE (doanh nghiệp),
 * PEOPLE (người dân). District budgets exist only until 2025-06-30 (districts were abolished on
 * 2025-07-01); a DISTRICT line records money committed before then.
 *
 * Shares are basis points (1 bp = 0.01 %) of the plan's total, by the largest-remainder method:
 * each line gets ⌊amount·10000/total⌋ bp, and the bp still missing to reach exactly 10000 go one each
 * to the lines with the largest remainders (ties: in source order CENTRAL … PEOPLE). Shares therefore
 * always add up to 10000, and no share is off by a whole basis point. The disbursement rate of a line
 * (disbursed / planned) is rounded down, so a line shows 10000 bp only when fully disbursed.
 */
import type { FieldError } from './types';

export const FUNDING_SOURCES = ['CENTRAL', 'PROVINCE', 'DISTRICT', 'COMMUNE', 'ENTERPRISE', 'PEOPLE'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];
/** State budget (ngân sách nhà nước các cấp) or socialised funding (xã hội hóa). */
export const SOURCE_GROUP: Readonly<Record<FundingSource, 'STATE_BUDGET' | 'SOCIALISED'>> = {
  CENTRAL: 'STATE_BUDGET',
  PROVINCE: 'STATE_BUDGET',
  DISTRICT: 'STATE_BUDGET',
  COMMUNE: 'STATE_BUDGET',
  ENTERPRISE: 'SOCIALISED',
  PEOPLE: 'SOCIALISED',
};

/** The largest amount PostgreSQL's bigint holds. */
export const MAX_VND = 9_223_372_036_854_775_807n;

export interface FundingLine {
  readonly source: string;
  /** Kinh phí kế hoạch, VND. */
  readonly planned: bigint;
  /** Kinh phí đã giải ngân, VND. */
  readonly disbursed: bigint;
}

export interface FundingPlan {
  readonly lines: readonly FundingLine[];
  /** The plan's own stated total (tổng kinh phí), if it states one. */
  readonly declaredTotal?: bigint | null;
}

export interface SourceShare {
  readonly source: FundingSource;
  readonly planned: bigint;
  readonly disbursed: bigint;
  /** Share of the planned total, bp; null when the total is 0. */
  readonly plannedShareBp: number | null;
  /** Share of the disbursed total, bp; null when nothing is disbursed. */
  readonly disbursedShareBp: number | null;
  /** disbursed / planned, bp rounded down; null when planned is 0. */
  readonly disbursementRateBp: number | null;
}

export interface FundingSummary {
  readonly totalPlanned: bigint;
  readonly totalDisbursed: bigint;
  readonly declaredTotal: bigint | null;
  /** One entry per source present, in source order. */
  readonly bySource: readonly SourceShare[];
  readonly stateBudgetPlanned: bigint;
  readonly socialisedPlanned: bigint;
  /** True when there are no problems. */
  readonly balanced: boolean;
  /** Why the plan does not add up, each naming its field (`lines[i].…`, `declaredTotal`). */
  readonly problems: readonly FieldError[];
  /**
   * Notes that do not make the plan unbalanced: seed 000 (Bước 4) asks the funding structure to be
   * complete ("phải đảm bảo cơ cấu đầy đủ"): state budget and socialised sources.
   */
  readonly warnings: readonly FieldError[];
}

/**
 * Reads a VND amount from an API value: a bigint, a string of digits (optionally `-`), or a safe integer
 * number. Anything else (fractions, exponents, separators, unsafe numbers) is refused naming `field`.
 */
export function parseVnd(value: unknown, field: string): { ok: true; value: bigint } | { ok: false; error: FieldError } {
  if (typeof value === 'bigint') return { ok: true, value };
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) return { ok: true, value: BigInt(value) };
    return {
      ok: false,
      error: {
        field,
        reason: `${value} is not a whole number of VND within ±${Number.MAX_SAFE_INTEGER} (send larger amounts as a string of digits)`,
      },
    };
  }
  if (typeof value === 'string' && /^-?\d{1,19}$/.test(value.trim())) return { ok: true, value: BigInt(value.trim()) };
  return { ok: false, error: { field, reason: `${JSON.stringify(value)} is not a whole number of VND (digits only, no separators or decimals)` } };
}

/** Largest-remainder shares (bp) of `parts` in `total`; all null when total is 0. */
export function sharesBp(parts: readonly bigint[], total: bigint): (number | null)[] {
  if (total <= 0n) return parts.map(() => null);
  const floors = parts.map((p) => (p * 10000n) / total);
  const rema = parts.map((p, i) => ({ i, r: p * 10000n - floors[i] * total }));
  let missing = 10000n - floors.reduce((a, b) => a + b, 0n);
  rema.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  const out = floors.slice();
  for (const { i } of rema) {
    if (missing <= 0n) break;
    out[i] = out[i] + 1n;
    missing -= 1n;
  }
  return out.map(Number);
}

/** Totals, shares and every reason a plan does not add up. */
export function summariseFunding(plan: FundingPlan): FundingSummary {
  const problems: FieldError[] = [];
  const warnings: FieldError[] = [];
  if (!plan.lines.length) problems.push({ field: 'lines', reason: 'a funding plan needs at least one line' });
  const firstLine = new Map<string, number>();
  plan.lines.forEach((l, i) => {
    const f = `lines[${i}]`;
    if (!(FUNDING_SOURCES as readonly string[]).includes(l.source))
      problems.push({ field: `${f}.source`, reason: `"${l.source}" is not one of ${FUNDING_SOURCES.join(', ')}` });
    else if (firstLine.has(l.source))
      problems.push({ field: `${f}.source`, reason: `${l.source} already has a line (lines[${firstLine.get(l.source)}]); one line per source` });
    else firstLine.set(l.source, i);
    if (l.planned < 0n) problems.push({ field: `${f}.planned`, reason: `negative amount ${l.planned}` });
    if (l.disbursed < 0n) problems.push({ field: `${f}.disbursed`, reason: `negative amount ${l.disbursed}` });
    if (l.planned > MAX_VND) problems.push({ field: `${f}.planned`, reason: `${l.planned} exceeds the largest storable amount ${MAX_VND}` });
    if (l.disbursed > l.planned && l.planned >= 0n)
      problems.push({ field: `${f}.disbursed`, reason: `disbursed ${l.disbursed} is more than planned ${l.planned}` });
  });
  const totalPlanned = plan.lines.reduce((a, l) => a + l.planned, 0n);
  const totalDisbursed = plan.lines.reduce((a, l) => a + l.disbursed, 0n);
  const declaredTotal = plan.declaredTotal ?? null;
  if (declaredTotal !== null && declaredTotal !== totalPlanned) {
    problems.push({
      field: 'declaredTotal',
      reason: `the plan states ${declaredTotal} VND but its lines add up to ${totalPlanned} VND (difference ${declaredTotal - totalPlanned})`,
    });
  }
  if (totalPlanned > MAX_VND) problems.push({ field: 'lines', reason: `the total ${totalPlanned} exceeds the largest storable amount ${MAX_VND}` });

  // Aggregate per known source (first line of each; duplicates are already problems).
  const known = FUNDING_SOURCES.filter((s) => firstLine.has(s));
  const lineOf = (s: FundingSource) => plan.lines[firstLine.get(s)!];
  const usable = problems.length === 0;
  const plannedShares = sharesBp(
    known.map((s) => lineOf(s).planned),
    totalPlanned,
  );
  const disbursedShares = sharesBp(
    known.map((s) => lineOf(s).disbursed),
    totalDisbursed,
  );
  const bySource: SourceShare[] = known.map((s, k) => {
    const l = lineOf(s);
    return {
      source: s,
      planned: l.planned,
      disbursed: l.disbursed,
      // Shares of a plan with problems would not add up to anything meaningful.
      plannedShareBp: usable ? plannedShares[k]! : null,
      disbursedShareBp: usable ? disbursedShares[k]! : null,
      disbursementRateBp: l.planned > 0n && l.disbursed >= 0n ? Number((l.disbursed * 10000n) / l.planned) : null,
    };
  });
  const sum = (g: 'STATE_BUDGET' | 'SOCIALISED') => known.filter((s) => SOURCE_GROUP[s] === g).reduce((a, s) => a + lineOf(s).planned, 0n);
  const stateBudgetPlanned = sum('STATE_BUDGET');
  const socialisedPlanned = sum('SOCIALISED');
  if (plan.lines.length && stateBudgetPlanned === 0n)
    warnings.push({
      field: 'lines',
      reason: 'no state-budget funding (central, province, district or commune): seed 000 asks for a complete funding structure',
    });
  if (plan.lines.length && socialisedPlanned === 0n)
    warnings.push({ field: 'lines', reason: 'no socialised funding (enterprises or people): seed 000 asks for a complete funding structure' });
  return {
    totalPlanned,
    totalDisbursed,
    declaredTotal,
    bySource,
    stateBudgetPlanned,
    socialisedPlanned,
    balanced: problems.length === 0,
    problems,
    warnings,
  };
}
