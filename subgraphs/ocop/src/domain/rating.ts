/**
 * OCOP rating rules (đánh giá, phân hạng sản phẩm OCOP) of Decision 26/2026/QĐ-TTg, with the earlier
 * practice it replaced. Article numbers refer to QĐ 26 as transcribed in `hakienpdu95/minhan`
 * `docs/bnn_txng.html` (a third-party copy of the text; research §1.3).
 *
 * - Score out of 100 in three parts (Art. 3.1): A product & community strength 0..40, B marketing
 *   0..25, C quality 0..35. The score is an average over council members ("tổng điểm trung bình",
 *   Art. 3.3), so it may have decimals; we keep two.
 * - Stars (Art. 3.3): 90–100 → 5★; 70–<90 → 4★; 50–<70 → 3★; 30–<50 → 2★; <30 → 1★. No decision and
 *   no certificate for 1–2★ (Art. 4.1a), so a stored rating has 3, 4 or 5 stars.
 * - Who decides (Art. 4.1, 7.3e, 7.4e): the province (UBND cấp tỉnh) 3–4★, the Ministry of Agriculture
 *   and Environment 5★. Before the 2025 two-tier reform district committees recognised 3★ (research
 *   §1.3 "earlier practice"); those decisions stay valid to expiry (Art. 12.1).
 * - Validity (Art. 4.3): "có giá trị trong thời hạn 36 tháng kể từ ngày cơ quan có thẩm quyền ban hành"
 *   — valid for 36 months from the day of issue. See `validUntil`.
 * - Re-rating (Art. 7.6a): filed "không sớm hơn 180 ngày và không muộn hơn 120 ngày tính đến ngày hết
 *   thời hạn" — no earlier than 180 and no later than 120 days before expiry; decided within 45 days (7.6g).
 * - Late filers (Art. 12.3): the certificate stays valid until the authority decides, at most 180 days
 *   after expiry.
 * - Revocation (Art. 8): six grounds (8.1 a–e, with đ); the province chair revokes 3–4★, the minister 5★ (8.2).
 */
import { addDays, addMonths, isIsoDate } from './dates';
import { Problem } from './problems';

export type Stars = 3 | 4 | 5;
export type AuthorityLevel = 'MINISTRY' | 'PROVINCE' | 'DISTRICT';

/** The body that issued a recognition decision, stored as data on every rating (never derived from the stars). */
export interface Authority {
  readonly level: AuthorityLevel;
  /** Official code of the province or district (null for the ministry, or unknown). */
  readonly unitCode?: string | null;
  /** As written on the decision, e.g. "UBND tỉnh Nghệ An", "Bộ Nông nghiệp và Môi trường". */
  readonly name: string;
}

/** Maximum points of each part (Art. 3.1). */
export const PART_MAX = { partA: 40, partB: 25, partC: 35 } as const;
export const SCORE_MAX = 100;
/** Months a certificate is valid (Art. 4.3). */
export const VALIDITY_MONTHS = 36;
/** Re-rating filing window, days before expiry (Art. 7.6a). */
export const RERATING_WINDOW_DAYS = { earliest: 180, latest: 120 } as const;
/** Longest extension for a late re-rating filer, days after expiry (Art. 12.3). */
export const LATE_FILER_GRACE_DAYS = 180;
/** The first day of the two-tier local government (no districts) — Law 72/2025/QH15 on local government [claim: DOMAIN.md]. */
export const DISTRICTS_ABOLISHED_ON = '2025-07-01';

/** Star band of a score per Art. 3.3, including the 1–2★ bands that get no certificate. */
export function starBand(score: number): 1 | 2 | 3 | 4 | 5 {
  if (score >= 90) return 5;
  if (score >= 70) return 4;
  if (score >= 50) return 3;
  if (score >= 30) return 2;
  return 1;
}

/** Certified stars for a score: 5, 4, 3, or null below 50 (no certificate is issued, Art. 4.1a). */
export function starsForScore(score: number): Stars | null {
  const band = starBand(score);
  return band >= 3 ? (band as Stars) : null;
}

/**
 * Which authority level may issue which stars, and when (decision dates inclusive; null = open).
 *  - PROVINCE 3–4★: QĐ 26 Art. 4.1a, 7.3e; also the province level of QĐ 148/2023 (research §1.1, §1.3).
 *  - MINISTRY 5★: QĐ 26 Art. 4.1b, 7.4e. A ministry never certifies 3–4★: a product under 90 points at
 *    the central council goes back to the province chair (Art. 7.4, last paragraph).
 *  - DISTRICT 3★: practice under QĐ 148/2023 until the district level was abolished on 2025-07-01
 *    (research §1.3: Đắk Song 1887/QĐ-UBND 16/6/2025, Cư Jút 768/QĐ-UBND 7/5/2025 [src: ocop-lamdong
 *    manifest]). The start of district recognition is not verified; we accept it from QĐ 1048/2019.
 */
export const AUTHORITY_RULES: readonly { level: AuthorityLevel; stars: readonly Stars[]; from: string | null; to: string | null; source: string }[] =
  [
    { level: 'PROVINCE', stars: [3, 4], from: null, to: null, source: 'QĐ 26/2026/QĐ-TTg Art. 4.1a, 7.3e; QĐ 148/QĐ-TTg (2023) flow' },
    { level: 'MINISTRY', stars: [5], from: null, to: null, source: 'QĐ 26/2026/QĐ-TTg Art. 4.1b, 7.4e' },
    {
      level: 'DISTRICT',
      stars: [3],
      from: '2019-08-21',
      to: '2025-06-30',
      source: 'practice under QĐ 148/QĐ-TTg (research §1.3); districts abolished 2025-07-01',
    },
  ];

/** The rules that allow `level` to issue `stars` on `decisionDate`, or the reason it may not. */
export function authorityMayIssue(level: AuthorityLevel, stars: Stars, decisionDate: string): string | null {
  const rules = AUTHORITY_RULES.filter((r) => r.level === level);
  if (!rules.some((r) => r.stars.includes(stars))) {
    const allowed = rules.flatMap((r) => r.stars).join('–');
    return `a ${level} authority cannot certify ${stars}★ (it certifies ${allowed || 'nothing'}★; ${rules[0]?.source ?? 'no rule'})`;
  }
  const rule = rules.find((r) => r.stars.includes(stars))!;
  if ((rule.from && decisionDate < rule.from) || (rule.to && decisionDate > rule.to)) {
    return `a ${level} authority certified ${stars}★ only from ${rule.from ?? 'the start'} to ${rule.to ?? 'today'} (${rule.source})`;
  }
  return null;
}

/** The class-system window of the product set a rating is decided under (from classes.ts). */
export interface ProductSetValidity {
  readonly code: string;
  readonly validFrom: string;
  readonly validTo: string | null;
}

/** A rating as proposed for writing. */
export interface ProposedRating {
  readonly score: number;
  readonly partA: number;
  readonly partB: number;
  readonly partC: number;
  readonly stars: number;
  readonly decisionNumber: string;
  readonly decisionDate: string;
  readonly authority: Authority;
  /** The product set it is rated under; omitted when the caller checks the class elsewhere. */
  readonly productSet?: ProductSetValidity | null;
}

const twoDecimals = (n: number): boolean => Math.abs(Math.round(n * 100) - n * 100) < 1e-6;
const AUTHORITY_LEVELS: readonly AuthorityLevel[] = ['MINISTRY', 'PROVINCE', 'DISTRICT'];

/**
 * Every reason to refuse a proposed rating (empty when it may be written). `today` is injected so the
 * rule "no decision dated in the future" is testable.
 */
export function validateRating(r: ProposedRating, today: string): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string, reason: string) => problems.push({ field, reason });

  const numberOk = (field: 'score' | 'partA' | 'partB' | 'partC', max: number): boolean => {
    const v = r[field];
    if (typeof v !== 'number' || !Number.isFinite(v)) return (add(field, 'must be a number'), false);
    if (v < 0 || v > max) return (add(field, `must be between 0 and ${max} (QĐ 26/2026 Art. 3.1), got ${v}`), false);
    if (!twoDecimals(v)) return (add(field, `at most two decimals, got ${v}`), false);
    return true;
  };
  const scoreOk = numberOk('score', SCORE_MAX);
  const partsOk = [numberOk('partA', PART_MAX.partA), numberOk('partB', PART_MAX.partB), numberOk('partC', PART_MAX.partC)].every(Boolean);
  if (scoreOk && partsOk) {
    const sum = Math.round((r.partA + r.partB + r.partC) * 100) / 100;
    if (Math.abs(sum - r.score) > 0.005) add('score', `must equal the sum of its parts A + B + C = ${sum}, got ${r.score}`);
  }
  if (scoreOk && r.score < 50) add('score', `${r.score} points is below 50: 1–2★ products get no decision and no certificate (QĐ 26/2026 Art. 4.1a)`);

  const starsOk = Number.isInteger(r.stars) && r.stars >= 3 && r.stars <= 5;
  if (!starsOk) {
    add('stars', `must be 3, 4 or 5 (only 3★ to 5★ are certified, QĐ 26/2026 Art. 3.3, 4.1a), got ${r.stars}`);
  } else if (scoreOk && r.score >= 50 && starsForScore(r.score) !== r.stars) {
    add('stars', `${r.score} points gives ${starsForScore(r.score)}★, not ${r.stars}★ (90+ → 5★, 70–<90 → 4★, 50–<70 → 3★; QĐ 26/2026 Art. 3.3)`);
  }

  if (typeof r.decisionNumber !== 'string' || !r.decisionNumber.trim()) add('decisionNumber', 'the recognition decision number is required');
  const dateOk = isIsoDate(r.decisionDate);
  if (!dateOk) add('decisionDate', `must be a date YYYY-MM-DD, got ${JSON.stringify(r.decisionDate)}`);
  else if (r.decisionDate > today) add('decisionDate', `${r.decisionDate} is in the future (today is ${today})`);

  const a = r.authority;
  if (!a || !AUTHORITY_LEVELS.includes(a.level)) {
    add('authority.level', `must be one of ${AUTHORITY_LEVELS.join(', ')}`);
  } else {
    if (typeof a.name !== 'string' || !a.name.trim()) add('authority.name', 'the issuing authority name is required');
    if (a.level !== 'MINISTRY' && !a.unitCode) add('authority.unitCode', `a ${a.level} authority needs the code of its unit`);
    if (starsOk && dateOk) {
      const reason = authorityMayIssue(a.level, r.stars as Stars, r.decisionDate);
      if (reason) add('authority.level', reason);
    }
  }

  const set = r.productSet;
  if (set && dateOk) {
    if (r.decisionDate < set.validFrom)
      add('productSet', `product set ${set.code} applies from ${set.validFrom}; the decision is dated ${r.decisionDate}`);
    else if (set.validTo && r.decisionDate > set.validTo)
      add('productSet', `product set ${set.code} applied until ${set.validTo}; the decision is dated ${r.decisionDate}`);
  }
  return problems;
}

/**
 * Last day a certificate is valid (inclusive): the decision date plus 36 months, same day of month
 * (the month's last day when that day does not exist).
 *
 * Why: Art. 4.3 counts 36 months "kể từ ngày ... ban hành" (from the day of issue). Under the Civil
 * Code 2015 (Art. 147.1) a period counted from an event starts the next day, and a period in months
 * ends at the end of the corresponding day of its last month (Art. 148.2) [our reading of the Civil
 * Code; not confirmed for OCOP by any guidance]. So a decision of 2023-06-16 is valid through
 * 2026-06-16 and expired on 2026-06-17.
 */
export const validUntil = (decisionDate: string): string => addMonths(decisionDate, VALIDITY_MONTHS);

/** The re-rating filing window for a certificate (inclusive dates, Art. 7.6a). */
export function reRatingWindow(decisionDate: string): { opens: string; closes: string } {
  const end = validUntil(decisionDate);
  return { opens: addDays(end, -RERATING_WINDOW_DAYS.earliest), closes: addDays(end, -RERATING_WINDOW_DAYS.latest) };
}

/** A stored rating, as the rules below need it. */
export interface RatingRecord {
  readonly id: string | number;
  readonly stars: Stars;
  readonly decisionDate: string;
  /** Day the certificate was revoked (effective that day), else null. */
  readonly revokedOn?: string | null;
  /** A re-rating dossier filed for this certificate (Art. 7.6), if any. */
  readonly reRatingFiledOn?: string | null;
  /** Day that re-rating was decided (either way), if it has been. */
  readonly reRatingDecidedOn?: string | null;
}

/**
 * Last day the certificate is valid, with the late-filer extension of Art. 12.3: when the re-rating was
 * filed after the window closed but no later than the expiry day, and is not yet decided, validity runs
 * until the day before the decision, at most 180 days past expiry. [Our reading: Art. 12.3 sits among
 * the transitional provisions but its wording is general; a filing after expiry is treated as a new
 * application and extends nothing.]
 */
export function effectiveValidUntil(r: RatingRecord): string {
  const end = validUntil(r.decisionDate);
  const filed = r.reRatingFiledOn;
  if (!filed) return end;
  const { closes } = reRatingWindow(r.decisionDate);
  if (filed <= closes || filed > end) return end;
  const cap = addDays(end, LATE_FILER_GRACE_DAYS);
  if (r.reRatingDecidedOn) {
    const dayBefore = addDays(r.reRatingDecidedOn, -1);
    return dayBefore < end ? end : dayBefore < cap ? dayBefore : cap;
  }
  return cap;
}

export type RatingState = 'NOT_YET_DECIDED' | 'VALID' | 'EXTENDED' | 'EXPIRED' | 'REVOKED';

/** The state of one certificate on a date. */
export function ratingState(r: RatingRecord, on: string): RatingState {
  if (r.decisionDate > on) return 'NOT_YET_DECIDED';
  if (r.revokedOn && r.revokedOn <= on) return 'REVOKED';
  if (on <= validUntil(r.decisionDate)) return 'VALID';
  if (on <= effectiveValidUntil(r)) return 'EXTENDED';
  return 'EXPIRED';
}

/**
 * A product's current rating on a date: its latest (by decision date, then id) rating that is decided,
 * not revoked and still valid (including a late-filer extension). Null when none — expired and revoked
 * ratings stay in the history but never count as current.
 */
export function currentRating<R extends RatingRecord>(ratings: readonly R[], on: string): R | null {
  let best: R | null = null;
  for (const r of ratings) {
    const s = ratingState(r, on);
    if (s !== 'VALID' && s !== 'EXTENDED') continue;
    if (!best || r.decisionDate > best.decisionDate || (r.decisionDate === best.decisionDate && String(r.id) > String(best.id))) best = r;
  }
  return best;
}

/** True when the certificate expires (last valid day) within `days` days after `on` (and is valid on `on`). */
export function expiresWithin(r: RatingRecord, on: string, days: number): boolean {
  const s = ratingState(r, on);
  if (s !== 'VALID' && s !== 'EXTENDED') return false;
  return effectiveValidUntil(r) <= addDays(on, days);
}

/** Grounds for revocation, QĐ 26/2026 Art. 8.1. */
export const REVOCATION_GROUNDS = {
  FALSE_DOSSIER: 'a) thông tin, tài liệu không trung thực hoặc giả mạo hồ sơ (untruthful or forged dossier)',
  NO_LONGER_MEETS_CRITERIA: 'b) không còn đáp ứng các tiêu chí (no longer meets the criteria, per inspection)',
  LEGAL_VIOLATION: 'c) vi phạm quy định pháp luật về chất lượng, an toàn thực phẩm, môi trường, sở hữu trí tuệ, ghi nhãn (law violation)',
  MISUSE_OF_OCOP_MARK: 'd) sử dụng nhãn hiệu OCOP không đúng quy định (misuse of the OCOP mark)',
  PRODUCTION_STOPPED: 'đ) không còn hoạt động sản xuất sản phẩm OCOP (no longer produces the product)',
  OTHER_AUTHORITY_FINDING: 'e) trường hợp khác theo kết luận của cơ quan có thẩm quyền (other finding of a competent authority)',
} as const;
export type RevocationGround = keyof typeof REVOCATION_GROUNDS;

export interface ProposedRevocation {
  readonly ground: string;
  /** Free-text reason (the finding), required. */
  readonly reason: string;
  readonly revokedOn: string;
  readonly decisionNumber: string;
  /** Who revokes: province chair for 3–4★, minister for 5★ (Art. 8.2). */
  readonly authority: Authority;
}

/** Every reason to refuse revoking `rating` (empty when it may be written). */
export function validateRevocation(rating: RatingRecord, v: ProposedRevocation, today: string): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string, reason: string) => problems.push({ field, reason });
  if (!(v.ground in REVOCATION_GROUNDS)) add('ground', `must be one of ${Object.keys(REVOCATION_GROUNDS).join(', ')} (QĐ 26/2026 Art. 8.1)`);
  if (typeof v.reason !== 'string' || !v.reason.trim()) add('reason', 'a revocation needs its reason');
  if (typeof v.decisionNumber !== 'string' || !v.decisionNumber.trim()) add('decisionNumber', 'the revocation decision number is required');
  if (!isIsoDate(v.revokedOn)) add('revokedOn', `must be a date YYYY-MM-DD, got ${JSON.stringify(v.revokedOn)}`);
  else {
    if (v.revokedOn < rating.decisionDate) add('revokedOn', `${v.revokedOn} is before the rating's decision of ${rating.decisionDate}`);
    if (v.revokedOn > today) add('revokedOn', `${v.revokedOn} is in the future (today is ${today})`);
  }
  if (rating.revokedOn) add('rating', `already revoked on ${rating.revokedOn}`);
  const needed: AuthorityLevel = rating.stars === 5 ? 'MINISTRY' : 'PROVINCE';
  if (!v.authority || v.authority.level !== needed) {
    add(
      'authority.level',
      `a ${rating.stars}★ certificate is revoked by the ${needed === 'MINISTRY' ? 'minister' : 'province chair'} (QĐ 26/2026 Art. 8.2)`,
    );
  }
  return problems;
}
