/**
 * Kinds of pilot model (mô hình thí điểm) and what each needs: the level of the unit it is built in
 * and the topic groups it may cover. Sources: DOMAIN.md §4; seed 001 (MARD interim guidance
 * 3445/BNN-VPĐP of 05/06/2023, provincial reproduction of 08/06/2023); seed 003 (Nghệ An plan
 * 132/KH-UBND of 03/03/2023, §II.2.4 and §III.5).
 */
import type { TopicGroupDef } from './catalogue';
import { isIsoDate, type FieldError } from './types';

export const PILOT_KINDS = ['SMART_COMMUNE', 'ECOMMERCE_COMMUNE', 'SMART_VILLAGE', 'DISTRICT_DATA_PILOT', 'MODERN_NTM_COMMUNE'] as const;
/**
 * SMART_COMMUNE: xã nông thôn mới thông minh; ECOMMERCE_COMMUNE: xã thương mại điện tử;
 * SMART_VILLAGE: thôn thông minh; DISTRICT_DATA_PILOT: mô hình cấp huyện về chuẩn hóa dữ liệu,
 * cập nhật cơ sở dữ liệu về nông thôn mới (seed 003 §II.2.4, §III.5); MODERN_NTM_COMMUNE: xã nông thôn
 * mới hiện đại, the 2026–2030 pilot of Decision 51/2025/QĐ-TTg Art. 1.1.b ("Quy định khung thí điểm xây
 * dựng xã nông thôn mới hiện đại giai đoạn 2026 - 2030 (Phụ lục II)").
 */
export type PilotKind = (typeof PILOT_KINDS)[number];

/** Levels of administrative units, as admin-units names them. */
export type UnitLevel = 'PROVINCE' | 'DISTRICT' | 'COMMUNE' | 'VILLAGE';

/**
 * Status of a pilot (trạng thái): separate from its lifecycle stage, which is derived from the steps.
 * PROPOSED: registered, no approving decision recorded; SELECTED: named by the competent authority
 * (e.g. the first batch, chosen by MARD) but no approving decision of its own proposal is recorded;
 * APPROVED: the approving decision is recorded; SUSPENDED (tạm dừng); CANCELLED (hủy bỏ).
 */
export const PILOT_STATUSES = ['PROPOSED', 'SELECTED', 'APPROVED', 'SUSPENDED', 'CANCELLED'] as const;
export type PilotStatus = (typeof PILOT_STATUSES)[number];

export interface KindRule {
  readonly nameVi: string;
  readonly nameEn: string;
  /** The level of the unit the pilot is built in. */
  readonly level: UnitLevel;
  /**
   * REQUIRED: at least one topic group of this kind (seed 001: a smart commune implements "một số
   * hoặc toàn bộ" of the six groups; an e-commerce commune "một hoặc kết hợp" of the core contents).
   * NONE: the kind has no topic groups (its content is fixed by seed 003).
   */
  readonly topicGroups: 'REQUIRED' | 'NONE';
  /**
   * The first day of the official unit list the unit must be on (its id's `@<list>` part on or after
   * this date), or null when any list will do. MODERN_NTM_COMMUNE: `2025-07-01`, the list after the
   * 2025 reform, since its phase (2026–2030) starts after the reform.
   */
  readonly listFrom: string | null;
  readonly source: string;
}

/**
 * DISTRICT_DATA_PILOT after the 2025 reform: on 1 July 2025 the district level (cấp huyện) was
 * abolished and local government has two levels (province, commune). A district data pilot is
 * therefore always built in a district of the list in force until 2025-06-30 (`…@2025-03-01`); the
 * pilot keeps that old unit, and today's units covering its area are its successors through the
 * lineage links (usually several communes, some only in PART). No district pilot can be created on
 * today's list, which has no districts: the level check refuses any non-district unit. What a district
 * pilot means after the reform — the data work carried on by the province or by the successor
 * communes — is a policy question the seeds do not answer; the graph only shows the lineage.
 */
export const KIND_RULES: Readonly<Record<PilotKind, KindRule>> = {
  SMART_COMMUNE: {
    nameVi: 'Xã nông thôn mới thông minh',
    nameEn: 'Smart NTM commune',
    level: 'COMMUNE',
    topicGroups: 'REQUIRED',
    listFrom: null,
    source: 'seed 001 (3445/BNN-VPĐP)',
  },
  ECOMMERCE_COMMUNE: {
    nameVi: 'Xã thương mại điện tử',
    nameEn: 'E-commerce commune',
    level: 'COMMUNE',
    topicGroups: 'REQUIRED',
    listFrom: null,
    source: 'seed 001 (3445/BNN-VPĐP)',
  },
  SMART_VILLAGE: {
    nameVi: 'Thôn thông minh',
    nameEn: 'Smart village',
    level: 'VILLAGE',
    topicGroups: 'NONE',
    listFrom: null,
    source: 'seed 003 §III.5 (132/KH-UBND Nghệ An)',
  },
  DISTRICT_DATA_PILOT: {
    nameVi: 'Mô hình cấp huyện về chuẩn hóa dữ liệu, cập nhật cơ sở dữ liệu về nông thôn mới',
    nameEn: 'District data-standardisation pilot',
    level: 'DISTRICT',
    topicGroups: 'NONE',
    listFrom: null,
    source: 'seed 003 §II.2.4, §III.5 (132/KH-UBND Nghệ An)',
  },
  MODERN_NTM_COMMUNE: {
    nameVi: 'Xã nông thôn mới hiện đại',
    nameEn: 'Modern NTM commune',
    level: 'COMMUNE',
    // Appendix II could not be read (criteria data/sources/qd-51-2025.md): no topic groups are known.
    topicGroups: 'NONE',
    listFrom: '2025-07-01',
    source: 'Decision 51/2025/QĐ-TTg of 29/12/2025, Art. 1.1.b and Appendix II (Appendix II not read)',
  },
};

export function isPilotKind(value: unknown): value is PilotKind {
  return typeof value === 'string' && (PILOT_KINDS as readonly string[]).includes(value);
}

/** Refuses a unit whose level is not the one `kind` needs, naming `field`. */
export function checkUnitLevel(kind: PilotKind, unit: { readonly id: string; readonly level: UnitLevel }, field = 'unitId'): FieldError | null {
  const need = KIND_RULES[kind].level;
  if (unit.level === need) return null;
  return { field, reason: `a ${kind} pilot is built in a ${need}; ${unit.id} is a ${unit.level}` };
}

/**
 * Refuses a unit of a list before the one `kind` needs (KindRule.listFrom), naming `field`: a modern NTM
 * commune pilot (2026–2030) is built in a commune of the list from 2025-07-01, not in a 2024 commune.
 * A unit id without a `@<list>` part is refused too.
 */
export function checkUnitList(kind: PilotKind, unitId: string, field = 'unitId'): FieldError | null {
  const from = KIND_RULES[kind].listFrom;
  if (from === null) return null;
  const list = /@(\d{4}-\d{2}-\d{2})$/.exec(unitId)?.[1];
  if (list === undefined)
    return { field, reason: `"${unitId}" names no list ("<code>@<list>"); a ${kind} pilot needs a unit of the list from ${from}` };
  if (list >= from) return null;
  return { field, reason: `a ${kind} pilot is built in a unit of the list from ${from}; ${unitId} is on the list of ${list}` };
}

/** Refuses topic groups that are unknown, of another kind, repeated, or missing when the kind needs some. */
export function checkTopicGroups(kind: PilotKind, codes: readonly string[], groups: readonly TopicGroupDef[], field = 'topicGroups'): FieldError[] {
  const errors: FieldError[] = [];
  const rule = KIND_RULES[kind];
  if (rule.topicGroups === 'NONE') {
    if (codes.length) errors.push({ field, reason: `a ${kind} pilot has no topic groups` });
    return errors;
  }
  if (!codes.length)
    errors.push({
      field,
      reason: `a ${kind} pilot covers at least one of ${groups
        .filter((g) => g.kind === kind)
        .map((g) => g.code)
        .join(', ')}`,
    });
  codes.forEach((c, i) => {
    const g = groups.find((x) => x.code === c);
    if (!g) errors.push({ field: `${field}[${i}]`, reason: `unknown topic group "${c}"` });
    else if (g.kind !== kind) errors.push({ field: `${field}[${i}]`, reason: `"${c}" is a topic of ${g.kind}, not of ${kind}` });
    else if (codes.indexOf(c) !== i) errors.push({ field: `${field}[${i}]`, reason: `"${c}" is listed twice` });
  });
  return errors;
}

/** The decision approving a pilot (quyết định phê duyệt): number, date, issuing authority. */
export interface ApprovalDecision {
  /** e.g. `1234/QĐ-UBND`. */
  readonly number: string;
  readonly date: string;
  /** e.g. `UBND tỉnh Nghệ An`. */
  readonly authority: string;
}

/** Checks an approving decision: number and authority present, a real date not after `today`. */
export function checkApproval(approval: ApprovalDecision, today: string, field = 'approval'): FieldError[] {
  const errors: FieldError[] = [];
  if (!approval.number.trim()) errors.push({ field: `${field}.number`, reason: 'the decision number is required (e.g. 1234/QĐ-UBND)' });
  if (!approval.authority.trim()) errors.push({ field: `${field}.authority`, reason: 'the issuing authority is required (e.g. UBND tỉnh Nghệ An)' });
  if (!isIsoDate(approval.date)) errors.push({ field: `${field}.date`, reason: `"${approval.date}" is not a date YYYY-MM-DD` });
  else if (approval.date > today) errors.push({ field: `${field}.date`, reason: `${approval.date} is in the future (today is ${today})` });
  return errors;
}
