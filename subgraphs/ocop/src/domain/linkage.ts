/**
 * Linkage projects (dự án / kế hoạch liên kết) under Decree 98/2018/NĐ-CP (in force 20/8/2018) on
 * incentives for cooperation and linkage in producing and selling farm products, and the two plan
 * targets built on them (seed 003 §II.2.2: > 70% of communes with a cooperative in a linkage model for a
 * key product; half of those tied to a raw-material zone using digital technology).
 *
 * Sources: research §2 [src: vietjack.me; bizlawyer.vn; ls1.hethongphapluat.com English text] for the
 * parties and the consultancy and infrastructure caps; a real approval (Lâm Đồng 606/QĐ-UBND, 19/3/2019)
 * for the record's fields. The contract's required clauses were not found [unverified].
 */
import { isIsoDate } from './dates';
import { Problem } from './problems';

/** Kinds of party (Decree 98 Art. 3: farmers, household businesses, cooperatives/unions, enterprises). */
export type PartyKind = 'COOPERATIVE' | 'COOPERATIVE_UNION' | 'ENTERPRISE' | 'FARMER_GROUP' | 'HOUSEHOLD';
export const PARTY_KINDS: readonly PartyKind[] = ['COOPERATIVE', 'COOPERATIVE_UNION', 'ENTERPRISE', 'FARMER_GROUP', 'HOUSEHOLD'];
/**
 * Role of a party in the chain. LEAD is the chủ trì liên kết; the others are our names for the linkage
 * forms of Decree 98 Art. 3 (input supply, production, processing, purchase/consumption, services).
 */
export type PartyRole = 'LEAD' | 'INPUT_SUPPLIER' | 'PRODUCER' | 'PROCESSOR' | 'BUYER' | 'SERVICE_PROVIDER';
export const PARTY_ROLES: readonly PartyRole[] = ['LEAD', 'INPUT_SUPPLIER', 'PRODUCER', 'PROCESSOR', 'BUYER', 'SERVICE_PROVIDER'];
/** Who may lead: enterprises, cooperatives and unions (Decree 98 Art. 3) [farmer representatives as lead: unverified, refused]. */
export const LEAD_KINDS: readonly PartyKind[] = ['COOPERATIVE', 'COOPERATIVE_UNION', 'ENTERPRISE'];

/** Digital technology a project uses (the plan target's "công nghệ số"). */
export type DigitalTechnology = 'TRACEABILITY' | 'E_COMMERCE' | 'GROWING_AREA_CODES_DIGITAL' | 'FARM_MANAGEMENT_SOFTWARE' | 'IOT_SENSORS';
export const DIGITAL_TECHNOLOGIES: readonly DigitalTechnology[] = [
  'TRACEABILITY',
  'E_COMMERCE',
  'GROWING_AREA_CODES_DIGITAL',
  'FARM_MANAGEMENT_SOFTWARE',
  'IOT_SENSORS',
];

/**
 * Support items of Decree 98/2018 Art. 7 as data: the largest share of the cost the state pays and the
 * cap in VND (null: none known). Verified per research §2 only where marked.
 */
export const SUPPORT_KINDS = {
  CONSULTANCY: {
    nameVi: 'chi phí tư vấn xây dựng liên kết (hợp đồng, dự án, kế hoạch)',
    maxSharePercent: 100,
    capVnd: 300_000_000n,
    verified: true,
    source: 'Decree 98/2018 Art. 7 — 100% of consultancy costs for the lead, ≤ 300 M VND (research §2)',
  },
  INFRASTRUCTURE: {
    nameVi: 'hạ tầng phục vụ liên kết (nhà xưởng, bến bãi, kho, máy móc)',
    maxSharePercent: 30,
    capVnd: 10_000_000_000n,
    verified: true,
    source: 'Decree 98/2018 Art. 7 — 30% of machinery and infrastructure, ≤ 10 bn VND per project (research §2)',
  },
  TECHNOLOGY_QUALITY: {
    nameVi: 'chuyển giao khoa học kỹ thuật, quản lý chất lượng đồng bộ',
    maxSharePercent: 40,
    capVnd: null,
    verified: true,
    source: 'Decree 98/2018 Art. 7 — ≤ 40% of technology-transfer and quality-system costs (research §2)',
  },
  EXTENSION_TRAINING: {
    nameVi: 'khuyến nông, đào tạo, tập huấn',
    maxSharePercent: 100,
    capVnd: null,
    verified: false,
    source: 'Decree 98/2018 Art. 7 (item listed in research §2; share and cap unverified)',
  },
  SEEDS_MATERIALS_PACKAGING: {
    nameVi: 'giống, vật tư, bao bì, nhãn mác (tối đa 03 vụ/chu kỳ)',
    maxSharePercent: 100,
    capVnd: null,
    verified: false,
    source: 'Decree 98/2018 Art. 7 (≤ 3 crops or cycles per research §2; share and cap unverified)',
  },
} as const;
export type SupportKind = keyof typeof SUPPORT_KINDS;

export interface Participant {
  readonly kind: string;
  /** Reference of the party (cooperative id, enterprise registration number, group name…). */
  readonly ref: string;
  readonly role: string;
}
export interface RawMaterialZone {
  /** Area in hectares. */
  readonly areaHa: number;
  /** Growing-area codes (mã số vùng trồng); format not verified, any non-empty distinct strings. */
  readonly growingAreaCodes: readonly string[];
}
export interface SupportItem {
  readonly kind: string;
  /** Share of the cost supported, percent 0..100. */
  readonly sharePercent: number;
  /** Cap and amount in whole VND. */
  readonly capVnd: bigint;
  readonly amountVnd: bigint;
}
export interface ProposedLinkageProject {
  readonly name: string;
  readonly leadRef: string;
  readonly participants: readonly Participant[];
  /** The key product (sản phẩm chủ lực) the linkage is for, if any: free text or a product code. */
  readonly keyProduct: string | null;
  readonly communeCodes: readonly string[];
  readonly rawMaterialZone: RawMaterialZone | null;
  readonly startDate: string;
  readonly endDate: string | null;
  readonly contractRefs: readonly string[];
  readonly digitalTechnologies: readonly string[];
  readonly supportItems: readonly SupportItem[];
  readonly approvalDecisionNumber: string | null;
  readonly approvalDecisionDate: string | null;
}

export function validateLinkageProject(p: ProposedLinkageProject, today: string): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string, reason: string) => problems.push({ field, reason });
  if (typeof p.name !== 'string' || !p.name.trim()) add('name', 'the project name is required');

  const leads = p.participants.filter((x) => x.role === 'LEAD');
  if (p.participants.length < 2) add('participants', 'a linkage needs at least two parties');
  if (leads.length !== 1) add('participants', `exactly one participant must have role LEAD, found ${leads.length}`);
  else if (leads[0].ref !== p.leadRef) add('leadRef', `${p.leadRef} is not the participant with role LEAD (${leads[0].ref})`);
  const seen = new Set<string>();
  p.participants.forEach((x, i) => {
    if (!PARTY_KINDS.includes(x.kind as PartyKind)) add(`participants[${i}].kind`, `must be one of ${PARTY_KINDS.join(', ')}`);
    if (!PARTY_ROLES.includes(x.role as PartyRole)) add(`participants[${i}].role`, `must be one of ${PARTY_ROLES.join(', ')}`);
    if (x.role === 'LEAD' && PARTY_KINDS.includes(x.kind as PartyKind) && !LEAD_KINDS.includes(x.kind as PartyKind)) {
      add(`participants[${i}].kind`, `a ${x.kind} cannot lead a linkage (leads: ${LEAD_KINDS.join(', ')}; Decree 98/2018 Art. 3)`);
    }
    if (!x.ref || !x.ref.trim()) add(`participants[${i}].ref`, 'the party reference is required');
    const key = `${x.kind}:${x.ref}`;
    if (seen.has(key)) add(`participants[${i}]`, `${key} is listed twice`);
    seen.add(key);
  });

  if (p.communeCodes.length === 0) add('communeCodes', 'at least one commune is covered');
  if (new Set(p.communeCodes).size !== p.communeCodes.length) add('communeCodes', 'a commune is listed twice');

  const startOk = isIsoDate(p.startDate);
  if (!startOk) add('startDate', `must be a date YYYY-MM-DD, got ${JSON.stringify(p.startDate)}`);
  if (p.endDate !== null) {
    if (!isIsoDate(p.endDate)) add('endDate', `must be a date YYYY-MM-DD, got ${JSON.stringify(p.endDate)}`);
    else if (startOk && p.endDate < p.startDate) add('endDate', `${p.endDate} is before the start ${p.startDate}`);
  }
  if ((p.approvalDecisionNumber === null) !== (p.approvalDecisionDate === null))
    add('approvalDecisionDate', 'give both the approving decision number and its date, or neither');
  if (p.approvalDecisionDate !== null) {
    if (!isIsoDate(p.approvalDecisionDate)) add('approvalDecisionDate', `must be a date YYYY-MM-DD, got ${JSON.stringify(p.approvalDecisionDate)}`);
    else if (p.approvalDecisionDate > today) add('approvalDecisionDate', `${p.approvalDecisionDate} is in the future (today is ${today})`);
  }

  const z = p.rawMaterialZone;
  if (z) {
    if (typeof z.areaHa !== 'number' || !Number.isFinite(z.areaHa) || z.areaHa <= 0)
      add('rawMaterialZone.areaHa', `must be a positive number of hectares, got ${z.areaHa}`);
    if (z.growingAreaCodes.some((c) => typeof c !== 'string' || !c.trim())) add('rawMaterialZone.growingAreaCodes', 'codes must be non-empty');
    if (new Set(z.growingAreaCodes).size !== z.growingAreaCodes.length)
      add('rawMaterialZone.growingAreaCodes', 'a growing-area code is listed twice');
  }
  p.digitalTechnologies.forEach((t, i) => {
    if (!DIGITAL_TECHNOLOGIES.includes(t as DigitalTechnology)) add(`digitalTechnologies[${i}]`, `must be one of ${DIGITAL_TECHNOLOGIES.join(', ')}`);
  });
  if (p.contractRefs.some((c) => typeof c !== 'string' || !c.trim())) add('contractRefs', 'contract references must be non-empty');

  p.supportItems.forEach((s, i) => {
    const at = (f: string) => `supportItems[${i}].${f}`;
    const rule = SUPPORT_KINDS[s.kind as SupportKind];
    if (!rule) add(at('kind'), `must be one of ${Object.keys(SUPPORT_KINDS).join(', ')}`);
    if (typeof s.sharePercent !== 'number' || !Number.isFinite(s.sharePercent) || s.sharePercent < 0 || s.sharePercent > 100) {
      add(at('sharePercent'), `must be between 0 and 100, got ${s.sharePercent}`);
    } else if (rule && s.sharePercent > rule.maxSharePercent) {
      add(at('sharePercent'), `at most ${rule.maxSharePercent}% for ${s.kind} (${rule.source}), got ${s.sharePercent}`);
    }
    const bigOk = (v: unknown, f: string): v is bigint =>
      (typeof v === 'bigint' && v >= 0n) || (add(at(f), `must be a whole number of VND ≥ 0, got ${String(v)}`), false);
    const capOk = bigOk(s.capVnd, 'capVnd');
    const amountOk = bigOk(s.amountVnd, 'amountVnd');
    if (capOk && rule?.capVnd != null && s.capVnd > rule.capVnd)
      add(at('capVnd'), `at most ${rule.capVnd} VND for ${s.kind} (${rule.source}), got ${s.capVnd}`);
    if (capOk && amountOk && s.amountVnd > s.capVnd) add(at('amountVnd'), `${s.amountVnd} VND exceeds the cap of ${s.capVnd} VND`);
  });
  return problems;
}

/** Plain records for the plan-target shares (the caller filters them to an area). */
export interface LinkageFacts {
  readonly id: string | number;
  readonly keyProduct: boolean;
  readonly startDate: string;
  readonly endDate: string | null;
  /** Ids of the cooperatives (any legal form) taking part. */
  readonly cooperativeIds: readonly (string | number)[];
  readonly hasRawMaterialZone: boolean;
  readonly digitalTechnologies: readonly string[];
}
export interface CooperativeFacts {
  readonly id: string | number;
  readonly communeId: string;
  readonly status: string;
}
export interface Share {
  readonly numerator: number;
  readonly denominator: number;
  /** numerator / denominator, null when the denominator is 0. */
  readonly share: number | null;
}
const share = (numerator: number, denominator: number): Share => ({
  numerator,
  denominator,
  share: denominator === 0 ? null : numerator / denominator,
});
const runsOn = (p: LinkageFacts, on: string) => p.startDate <= on && (p.endDate === null || p.endDate >= on);

/**
 * Share of communes (of `communeIds`, the area's communes) where a cooperative registered in the commune
 * and not dissolved takes part in a linkage project for a key product running on `on` — the plan target
 * "> 70% of communes with a cooperative in a linkage model for a key product" (seed 003 §II.2.2).
 * [Our reading: the cooperative's registered commune counts, not the communes the project covers.]
 */
export function communesWithKeyProductLinkage(
  communeIds: readonly string[],
  cooperatives: readonly CooperativeFacts[],
  projects: readonly LinkageFacts[],
  on: string,
): Share {
  const linked = new Set<string | number>();
  for (const p of projects) if (p.keyProduct && runsOn(p, on)) for (const c of p.cooperativeIds) linked.add(c);
  const area = new Set(communeIds);
  const hit = new Set<string>();
  for (const c of cooperatives) if (c.status !== 'DISSOLVED' && linked.has(c.id) && area.has(c.communeId)) hit.add(c.communeId);
  return share(hit.size, area.size);
}

/**
 * Share of linkage projects running on `on` that have a raw-material zone and use at least one digital
 * technology — the plan target "half of those tied to a raw-material zone using digital technology".
 */
export function projectsWithDigitalZone(projects: readonly LinkageFacts[], on: string): Share {
  const running = projects.filter((p) => runsOn(p, on));
  return share(running.filter((p) => p.hasRawMaterialZone && p.digitalTechnologies.length > 0).length, running.length);
}
