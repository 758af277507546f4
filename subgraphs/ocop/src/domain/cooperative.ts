/**
 * Cooperatives (kinh tế tập thể) under the Law on Cooperatives 17/2023/QH15 (in force 1/7/2024).
 *
 * What is verified and what is not:
 *  - The three legal forms (tổ hợp tác, hợp tác xã, liên hiệp hợp tác xã) [src: research §2, Law 17/2023 Art. 1].
 *  - A cooperative needs at least 5 official members (Art. 4.7: "do ít nhất 05 thành viên chính thức tự
 *    nguyện thành lập") [src: Art. 4.7 as quoted by vanbanluat.com and danluat.thuvienphapluat.vn; the
 *    2012 law required 7]. Enforced.
 *  - A cooperative union needs at least 3 member cooperatives and a cooperative group at least 2 members
 *    [unverified: not read in the text]. Reported as warnings, never refused.
 *  - Registration numbers: no text found says the cooperative number is its 10-digit tax code (research
 *    §2, Decree 92/2024 not read). We accept any 1–20 characters of digits, letters, '-', '/' and '.',
 *    and only classify the shape (10-digit, 13-digit with branch suffix, other) for information.
 */
import { foldKey } from '@ntm/names';
import { isIsoDate } from './dates';
import { Problem } from './problems';

export type LegalForm = 'COOPERATIVE_GROUP' | 'COOPERATIVE' | 'COOPERATIVE_UNION';
export const LEGAL_FORMS: Readonly<Record<LegalForm, { nameVi: string; minimumMembers: number; minimumVerified: boolean; source: string }>> = {
  COOPERATIVE_GROUP: { nameVi: 'tổ hợp tác', minimumMembers: 2, minimumVerified: false, source: 'Law 17/2023/QH15 [unverified minimum]' },
  COOPERATIVE: { nameVi: 'hợp tác xã', minimumMembers: 5, minimumVerified: true, source: 'Law 17/2023/QH15 Art. 4.7' },
  COOPERATIVE_UNION: {
    nameVi: 'liên hiệp hợp tác xã',
    minimumMembers: 3,
    minimumVerified: false,
    source: 'Law 17/2023/QH15 [unverified minimum: member cooperatives]',
  },
};

export type CooperativeStatus = 'ACTIVE' | 'SUSPENDED' | 'DISSOLVED';
/** Statuses: đang hoạt động, tạm ngừng hoạt động, đã giải thể. A dissolved cooperative does not come back. */
export const COOPERATIVE_STATUSES: readonly CooperativeStatus[] = ['ACTIVE', 'SUSPENDED', 'DISSOLVED'];

/**
 * Main sector of activity. Our own coarse grouping [unverified: no national code list was read];
 * agriculture is the largest (22,415 of 33,557 cooperatives at end 2024, research §2 [claim]).
 */
export const MAIN_SECTORS = {
  AGRICULTURE: 'nông nghiệp, lâm nghiệp, thủy sản',
  INDUSTRY_HANDICRAFT: 'công nghiệp, tiểu thủ công nghiệp',
  TRADE_SERVICES: 'thương mại, dịch vụ',
  TRANSPORT: 'vận tải',
  CONSTRUCTION: 'xây dựng',
  PEOPLES_CREDIT_FUND: 'quỹ tín dụng nhân dân',
  ENVIRONMENT: 'môi trường, nước sạch',
  OTHER: 'khác',
} as const;
export type MainSector = keyof typeof MAIN_SECTORS;

export type RegistrationShape = 'TAX_CODE_10' | 'TAX_CODE_13' | 'OTHER';

/** Normal form of a registration number: trimmed, upper case, inner spaces removed. */
export const normaliseRegistrationNumber = (text: string): string => text.trim().replace(/\s+/g, '').toUpperCase();

/** The uniqueness key of a registration number (two numbers with the same key are duplicates). */
export const registrationKey = normaliseRegistrationNumber;

/** Null when the registration number is acceptable, else the reason. Loose on purpose (see header). */
export function registrationNumberProblem(text: unknown): string | null {
  if (typeof text !== 'string' || !text.trim()) return 'the registration number is required';
  const n = normaliseRegistrationNumber(text);
  if (n.length > 20) return `at most 20 characters, got ${n.length}`;
  if (!/^[0-9A-Z][0-9A-Z./-]*$/.test(n)) return 'only digits, letters, "-", "/" and "." (starting with a digit or letter)';
  return null;
}

/** The shape of a registration number, for information only (the tax-code rule is unverified). */
export function registrationShape(text: string): RegistrationShape {
  const n = normaliseRegistrationNumber(text);
  if (/^\d{10}$/.test(n)) return 'TAX_CODE_10';
  if (/^\d{10}-\d{3}$/.test(n)) return 'TAX_CODE_13';
  return 'OTHER';
}

/** Folded name key (no diacritics, case or spacing), to help spot the same cooperative entered twice. */
export const cooperativeNameKey = (name: string): string => foldKey(name);

export interface ProposedCooperative {
  readonly legalForm: string;
  readonly registrationNumber: string;
  readonly name: string;
  /** Code of the commune the cooperative is registered in. */
  readonly communeCode: string;
  readonly foundedOn: string;
  readonly members: number;
  readonly mainSector: string;
  readonly status: string;
}

export interface CooperativeContext {
  readonly today: string;
  /** Level of the unit `communeCode` names (in the list in force on `foundedOn` or today); null when unknown. */
  readonly communeLevel: 'PROVINCE' | 'DISTRICT' | 'COMMUNE' | 'VILLAGE' | null;
  /** Registration keys already taken (other cooperatives). */
  readonly takenRegistrationKeys?: ReadonlySet<string>;
}

export interface CooperativeCheck {
  readonly problems: Problem[];
  /** Things that look wrong under unverified rules; never block a write. */
  readonly warnings: Problem[];
}

export function validateCooperative(c: ProposedCooperative, ctx: CooperativeContext): CooperativeCheck {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const add = (field: string, reason: string) => problems.push({ field, reason });

  const form = LEGAL_FORMS[c.legalForm as LegalForm];
  if (!form) add('legalForm', `must be one of ${Object.keys(LEGAL_FORMS).join(', ')}`);
  const regProblem = registrationNumberProblem(c.registrationNumber);
  if (regProblem) add('registrationNumber', regProblem);
  else if (ctx.takenRegistrationKeys?.has(registrationKey(c.registrationNumber))) {
    add('registrationNumber', `${normaliseRegistrationNumber(c.registrationNumber)} is already registered to another cooperative`);
  }
  if (typeof c.name !== 'string' || !c.name.trim()) add('name', 'the name is required');
  if (ctx.communeLevel === null) add('communeCode', `no administrative unit has code ${JSON.stringify(c.communeCode)}`);
  else if (ctx.communeLevel !== 'COMMUNE') add('communeCode', `${c.communeCode} is a ${ctx.communeLevel.toLowerCase()}, not a commune`);
  if (!isIsoDate(c.foundedOn)) add('foundedOn', `must be a date YYYY-MM-DD, got ${JSON.stringify(c.foundedOn)}`);
  else if (c.foundedOn > ctx.today) add('foundedOn', `${c.foundedOn} is in the future (today is ${ctx.today})`);
  if (!Number.isInteger(c.members) || c.members < 0) add('members', `must be a whole number ≥ 0, got ${c.members}`);
  else if (form && c.members < form.minimumMembers) {
    const reason = `a ${form.nameVi} needs at least ${form.minimumMembers} members (${form.source}), got ${c.members}`;
    if (form.minimumVerified && c.status !== 'DISSOLVED') add('members', reason);
    else if (!form.minimumVerified) warnings.push({ field: 'members', reason });
  }
  if (!(c.mainSector in MAIN_SECTORS)) add('mainSector', `must be one of ${Object.keys(MAIN_SECTORS).join(', ')}`);
  if (!COOPERATIVE_STATUSES.includes(c.status as CooperativeStatus)) add('status', `must be one of ${COOPERATIVE_STATUSES.join(', ')}`);
  return { problems, warnings };
}

/** Null when a status change is allowed, else the reason (dissolution is final). */
export function statusChangeProblem(from: CooperativeStatus, to: CooperativeStatus): string | null {
  return from === 'DISSOLVED' && to !== 'DISSOLVED' ? 'a dissolved cooperative cannot change status (re-register it instead)' : null;
}
