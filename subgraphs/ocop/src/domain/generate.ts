/**
 * Deterministic generator of the national OCOP & cooperative dataset. EVERYTHING IT PRODUCES IS
 * GENERATED (every row carries `generated: true`): names, codes, scores, decisions, URLs and links are
 * invented; only the proportions are taken from published national counts (research §1.6, §2), cited
 * beside each constant. Same communes + same options → the same rows, byte for byte.
 *
 * Scale 1.0 ≈ today's national size:
 *   - 18,000 rated products (18,243 OCOP products ≥3★ at 12/2025, vneconomy.vn 2025-12-22 [claim]);
 *   - 10,000 owners (~10,000 at 12/2025, same source [claim]);
 *   - 35,000 cooperatives (35,041 at end 2025 incl. 164 unions, MoF report 768/BC-BTC via
 *     en.baoninhbinh.org.vn [claim]), plus the cooperative groups that own OCOP products;
 *   - 4,000 linkage projects (>4,000 cooperatives in value chains at end 2024, doanhnghieptiepthi.vn [claim]).
 *
 * Rows are yielded lazily, table by table; each entity is computed from its own seeded stream
 * (random.ts), so a table can be generated without the others and a row without its neighbours.
 * Communes come from the caller (both official lists, `{ id, code, provinceCode, validFrom, validTo }`).
 * A record's commune is drawn from the list in force on the record's founding date (before the
 * earliest list's validFrom: the earliest list), so old records point at pre-reform communes — the
 * API shows them with today's unit through the lineage.
 */
import { ClassSystem, ProductClass } from './classes';
import { addDays, daysBetween, fromDayNumber, toDayNumber } from './dates';
import { LegalForm, MainSector, CooperativeStatus } from './cooperative';
import { DigitalTechnology, PartyKind, PartyRole, SUPPORT_KINDS, SupportKind } from './linkage';
import { formatProductCode } from './product-code';
import { hashString, Rng } from '@ntm/kit';
import { AuthorityLevel, RevocationGround, REVOCATION_GROUNDS, reRatingWindow, Stars, validUntil } from './rating';

export interface CommuneInput {
  readonly id: string;
  readonly code: string;
  readonly provinceCode: string;
  /** District code for pre-reform communes, when the caller knows it (district-issued 3★ need it). */
  readonly districtCode?: string | null;
  readonly validFrom: string;
  readonly validTo: string | null;
}

export interface GenerateOptions {
  /** Size factor; 1.0 ≈ today's national counts. */
  readonly scale?: number;
  readonly seed?: number;
  /** The "today" of the dataset: nothing is dated after it. */
  readonly today: string;
}

export type OwnerType = 'COOPERATIVE' | 'COOPERATIVE_GROUP' | 'ENTERPRISE' | 'FARM' | 'HOUSEHOLD_BUSINESS';

export interface GeneratedOwner {
  readonly id: number;
  readonly ownerType: OwnerType;
  readonly name: string;
  readonly communeId: string;
  readonly establishedOn: string;
  readonly cooperativeId: number | null;
  readonly generated: true;
}
export interface GeneratedCooperative {
  readonly id: number;
  readonly legalForm: LegalForm;
  readonly registrationNumber: string;
  readonly name: string;
  readonly communeId: string;
  readonly foundedOn: string;
  readonly members: number;
  readonly mainSector: MainSector;
  readonly status: CooperativeStatus;
  readonly generated: true;
}
export interface GeneratedProduct {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly productSetCode: string;
  readonly classSystem: ClassSystem;
  readonly ownerId: number;
  readonly communeId: string;
  readonly keyProduct: boolean;
  readonly traceable: boolean;
  readonly generated: true;
}
export interface GeneratedRating {
  readonly id: number;
  readonly productId: number;
  readonly seq: number;
  readonly stars: Stars;
  readonly score: number;
  readonly partA: number;
  readonly partB: number;
  readonly partC: number;
  readonly classSystem: ClassSystem;
  readonly productSetCode: string;
  readonly decisionNumber: string;
  readonly decisionDate: string;
  readonly authorityLevel: AuthorityLevel;
  readonly authorityUnitCode: string | null;
  readonly authorityName: string;
  readonly validUntil: string;
  readonly reRatingFiledOn: string | null;
  readonly reRatingDecidedOn: string | null;
  readonly revokedOn: string | null;
  readonly revocationGround: RevocationGround | null;
  readonly revocationReason: string | null;
  readonly revocationDecisionNumber: string | null;
  readonly generated: true;
}
export type Platform = 'SHOPEE' | 'LAZADA' | 'TIKTOK_SHOP' | 'TIKI' | 'SENDO' | 'POSTMART' | 'VOSO' | 'OWN_WEBSITE';
export interface GeneratedListing {
  readonly id: number;
  readonly productId: number;
  readonly platform: Platform;
  readonly url: string;
  readonly since: string;
  readonly generated: true;
}
export interface GeneratedProject {
  readonly id: number;
  readonly name: string;
  readonly leadKind: PartyKind;
  readonly leadRef: string;
  readonly keyProduct: string | null;
  readonly rawMaterialAreaHa: number | null;
  readonly growingAreaCodes: readonly string[];
  readonly startDate: string;
  readonly endDate: string | null;
  readonly contractRefs: readonly string[];
  readonly digitalTechnologies: readonly DigitalTechnology[];
  readonly approvalDecisionNumber: string | null;
  readonly approvalDecisionDate: string | null;
  readonly generated: true;
}
export interface GeneratedParticipant {
  readonly projectId: number;
  readonly kind: PartyKind;
  readonly role: PartyRole;
  readonly ref: string;
  readonly cooperativeId: number | null;
  readonly ownerId: number | null;
  readonly generated: true;
}
export interface GeneratedProjectCommune {
  readonly projectId: number;
  readonly communeId: string;
  readonly generated: true;
}
export interface GeneratedSupportItem {
  readonly id: number;
  readonly projectId: number;
  readonly kind: SupportKind;
  readonly sharePercent: number;
  readonly capVnd: bigint;
  readonly amountVnd: bigint;
  readonly generated: true;
}

// ── Proportions (each from research §1.6 / §2 unless marked) ─────────────────────────────────────
/** Owners by type: 32% cooperatives (12/2024, thuonghieusanpham.vn 77152 [claim]); firms 24.2% and
 * households 34.9% (end 2023, lmhtx.hochiminhcity.gov.vn [claim]); farms and cooperative groups share
 * the rest [generated split]. */
const OWNER_SHARES: readonly [OwnerType, number][] = [
  ['COOPERATIVE', 0.32],
  ['ENTERPRISE', 0.24],
  ['HOUSEHOLD_BUSINESS', 0.35],
  ['FARM', 0.05],
  ['COOPERATIVE_GROUP', 0.04],
];
/** First-rating periods, from the cumulative ≥3★ counts 8,565 (31/10/2022), 10,322 (2023), 15,590
 * (2024), 18,243 (2025) [claims, research §1.6]; 2026 is a guess. Programme start: QĐ 1048, 21/8/2019. */
const FIRST_RATING_PERIODS: readonly [string, string, number][] = [
  ['2019-08-21', '2022-10-31', 0.45],
  ['2022-11-01', '2023-12-31', 0.095],
  ['2024-01-01', '2024-12-31', 0.27],
  ['2025-01-01', '2025-12-31', 0.14],
  ['2026-01-01', '2026-12-31', 0.045],
];
/** Initial stars: 76.2% 3★, 22.9% 4★, 79 5★ of 15,590 (~0.5%) at 12/2024 [claim]; upgrades move a few up. */
const INITIAL_STARS: readonly number[] = [0.83, 0.166, 0.004];
/** Products by QĐ 26 sector, food first [generated: no national split was found]. */
const SECTOR_WEIGHTS: Readonly<Record<string, number>> = { '26-I': 0.68, '26-II': 0.1, '26-III': 0.1, '26-IV': 0.07, '26-V': 0.02, '26-VI': 0.03 };
/** Cooperatives by main sector: 22,415 agricultural of 33,557 (end 2024, doanhnghieptiepthi.vn [claim]); the rest [generated]. */
const MAIN_SECTOR_WEIGHTS: readonly [MainSector, number][] = [
  ['AGRICULTURE', 0.67],
  ['INDUSTRY_HANDICRAFT', 0.08],
  ['TRADE_SERVICES', 0.1],
  ['TRANSPORT', 0.04],
  ['CONSTRUCTION', 0.03],
  ['PEOPLES_CREDIT_FUND', 0.035],
  ['ENVIRONMENT', 0.025],
  ['OTHER', 0.02],
];
/** 164 unions among 35,041 (end 2025 [claim]) ≈ 1 in 214. */
const UNION_EVERY = 214;
const PLATFORMS: readonly [Platform, number, string][] = [
  ['SHOPEE', 0.3, 'shopee'],
  ['LAZADA', 0.15, 'lazada'],
  ['TIKTOK_SHOP', 0.2, 'tiktok-shop'],
  ['TIKI', 0.05, 'tiki'],
  ['SENDO', 0.03, 'sendo'],
  ['POSTMART', 0.12, 'postmart'],
  ['VOSO', 0.08, 'voso'],
  ['OWN_WEBSITE', 0.07, 'own-website'],
];
const SECTOR_KEYS = Object.keys(SECTOR_WEIGHTS);
const SECTOR_W = SECTOR_KEYS.map((k) => SECTOR_WEIGHTS[k]);
const PLATFORM_W = PLATFORMS.map((x) => x[1]);
const MAIN_SECTOR_W = MAIN_SECTOR_WEIGHTS.map((w) => w[1]);
const STATUS_W = [0.85, 0.08, 0.07];
const MOVE_W = [0.8, 0.12, 0.08];
const GROUNDS = Object.keys(REVOCATION_GROUNDS) as RevocationGround[];
const PROJECT_SECTOR_W = [0.85, 0.05, 0.07, 0.03, 0, 0];
const MAX_RATINGS_PER_PRODUCT = 8;
const MAX_LISTINGS_PER_PRODUCT = 4;
const MAX_SUPPORT_ITEMS = 4;
const QD148_FROM = '2023-02-24';
const QD26_FROM = '2026-05-22';
const MINISTRY_RENAMED_ON = '2025-03-01'; // MARD + MONRE → Bộ Nông nghiệp và Môi trường [claim, widely reported]
const LAST_DISTRICT_DAY = '2025-06-30';

const SYLLABLES = [
  'An',
  'Bình',
  'Phú',
  'Thịnh',
  'Hưng',
  'Phát',
  'Minh',
  'Tân',
  'Đông',
  'Sơn',
  'Thành',
  'Lộc',
  'Hòa',
  'Xuân',
  'Quang',
  'Tiến',
  'Phúc',
  'Hải',
  'Nam',
  'Việt',
  'Trường',
  'Hồng',
  'Kim',
  'Ngọc',
];
const PRODUCT_NOUNS: Readonly<Record<string, readonly string[]>> = {
  '26-I': [
    'Gạo',
    'Mật ong',
    'Chè',
    'Nước mắm',
    'Bánh đa',
    'Giò',
    'Mứt',
    'Tương',
    'Miến',
    'Cà phê',
    'Hồ tiêu',
    'Lạc rang',
    'Măng khô',
    'Cam',
    'Bưởi',
    'Nhãn sấy',
  ],
  '26-II': ['Rượu', 'Nước uống', 'Rượu vang', 'Nước ép'],
  '26-III': ['Cao dược liệu', 'Tinh dầu', 'Trà dược liệu', 'Xà phòng thảo mộc'],
  '26-IV': ['Chiếu cói', 'Mây tre đan', 'Thổ cẩm', 'Gốm', 'Nón lá'],
  '26-V': ['Lan', 'Bonsai', 'Cá cảnh', 'Đào cảnh'],
  '26-VI': ['Homestay', 'Điểm du lịch cộng đồng', 'Du lịch sinh thái'],
};
const OWNER_PREFIX: Readonly<Record<OwnerType, string>> = {
  COOPERATIVE: 'Hợp tác xã',
  COOPERATIVE_GROUP: 'Tổ hợp tác',
  ENTERPRISE: 'Công ty TNHH',
  FARM: 'Trang trại',
  HOUSEHOLD_BUSINESS: 'Hộ kinh doanh',
};

// Stream names (each table its own stream family).
const S = {
  owner: hashString('owner'),
  coop: hashString('cooperative'),
  product: hashString('product'),
  rating: hashString('rating'),
  listing: hashString('listing'),
  project: hashString('project'),
};

interface CommuneList {
  readonly validFrom: string;
  readonly validTo: string | null;
  readonly communes: readonly CommuneInput[];
  readonly byProvince: ReadonlyMap<string, readonly CommuneInput[]>;
}

interface OwnerCore {
  type: OwnerType;
  commune: CommuneInput;
  establishedOn: string;
  name: string;
  cooperativeIndex: number | null;
}
interface ProductCore {
  ownerIndex: number;
  firstDate: string;
  sectorCode: string;
  system: ClassSystem;
  setCode: string;
  name: string;
  keyProduct: boolean;
  traceable: boolean;
}
interface CoopCore {
  legalForm: LegalForm;
  commune: CommuneInput;
  foundedOn: string;
  name: string;
  ownerIndex: number | null;
  status: CooperativeStatus;
}

/** Counts of entities at a scale (rows of dependent tables vary with the histories drawn). */
export function datasetCounts(scale: number) {
  const products = Math.max(1, Math.round(18_000 * scale));
  const owners = Math.max(1, Math.min(products, Math.round(10_000 * scale)));
  const blocks = ownerBlocks(owners);
  return {
    products,
    owners,
    cooperatives: Math.max(1, Math.round(35_000 * scale)),
    cooperativeGroups: blocks.COOPERATIVE_GROUP[1] - blocks.COOPERATIVE_GROUP[0],
    projects: Math.max(1, Math.round(4_000 * scale)),
  };
}

/** Owners are laid out in blocks by type ([start, end) index ranges), in OWNER_SHARES order. */
function ownerBlocks(n: number): Record<OwnerType, [number, number]> {
  const out = {} as Record<OwnerType, [number, number]>;
  let at = 0;
  OWNER_SHARES.forEach(([type, share], i) => {
    const end = i === OWNER_SHARES.length - 1 ? n : Math.min(n, at + Math.round(share * n));
    out[type] = [at, end];
    at = end;
  });
  return out;
}

/**
 * The generated national dataset. Call the table methods in any order, any number of times; each
 * returns a fresh lazy iterator over the same rows.
 */
export class NationalDataset {
  readonly scale: number;
  readonly seed: number;
  readonly today: string;
  readonly counts: ReturnType<typeof datasetCounts>;
  private readonly lists: CommuneList[];
  private readonly blocks: Record<OwnerType, [number, number]>;
  private readonly setsBySystemSector = new Map<string, ProductClass[]>();
  private readonly sectorOf = new Map<string, string>();
  private readonly periods: [number, number, number][];
  private readonly periodWeights: number[];
  /** Memo of owner cores (one per owner, computed on first use). */
  private readonly ownerMemo: (OwnerCore | undefined)[] = [];
  private coopsByListProvince: Map<string, number[]> | null = null;

  constructor(communes: readonly CommuneInput[], classes: readonly ProductClass[], options: GenerateOptions) {
    this.scale = options.scale ?? 1;
    this.seed = options.seed ?? 20261201;
    this.today = options.today;
    if (!(this.scale > 0 && Number.isFinite(this.scale))) throw new Error(`scale: must be a positive number, got ${options.scale}`);
    const ok = communes.filter((c) => /^\d{5}$/.test(c.code) && /^\d{2}$/.test(c.provinceCode));
    if (ok.length === 0) throw new Error('communes: at least one commune with a 5-digit code and a 2-digit province code is needed');
    this.counts = datasetCounts(this.scale);
    this.blocks = ownerBlocks(this.counts.owners);

    const byKey = new Map<string, CommuneInput[]>();
    for (const c of ok) {
      const k = `${c.validFrom}|${c.validTo ?? ''}`;
      (byKey.get(k) ?? byKey.set(k, []).get(k)!).push(c);
    }
    this.lists = [...byKey.values()]
      .map((cs) => {
        const sorted = [...cs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        const byProvince = new Map<string, CommuneInput[]>();
        for (const c of sorted) (byProvince.get(c.provinceCode) ?? byProvince.set(c.provinceCode, []).get(c.provinceCode)!).push(c);
        return { validFrom: cs[0].validFrom, validTo: cs[0].validTo, communes: sorted, byProvince };
      })
      .sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));

    // Product sets by (system, current sector).
    const byCode = new Map(classes.map((c) => [c.code, c]));
    const topOf = (c: ProductClass): ProductClass => (c.parentCode ? topOf(byCode.get(c.parentCode)!) : c);
    for (const c of classes) {
      if (c.productSetNo === null) continue;
      const top = topOf(c);
      const sector = top.system === 'QD26_2026' ? top.code : top.mapsToSector;
      if (!sector) continue;
      this.sectorOf.set(c.code, sector);
      const k = `${c.system}|${sector}`;
      (this.setsBySystemSector.get(k) ?? this.setsBySystemSector.set(k, []).get(k)!).push(c);
    }
    // A sector an old system has no set for (QĐ 1048 had no ornamentals sector that we know of) borrows
    // the system's handicraft-mapped sets, else its first set.
    for (const system of ['QD26_2026', 'QD148_2023', 'QD1048_2019'] as ClassSystem[]) {
      const any = classes.filter((c) => c.system === system && c.productSetNo !== null);
      if (any.length === 0) throw new Error(`classes: class system ${system} has no product set`);
      for (const sector of Object.keys(SECTOR_WEIGHTS)) {
        if (!this.setsBySystemSector.has(`${system}|${sector}`)) {
          this.setsBySystemSector.set(`${system}|${sector}`, this.setsBySystemSector.get(`${system}|26-IV`) ?? [any[0]]);
        }
      }
    }
    const todayDay = toDayNumber(this.today);
    this.periods = FIRST_RATING_PERIODS.map(([from, to, w]): [number, number, number] => [
      toDayNumber(from),
      Math.min(toDayNumber(to), todayDay - 1),
      w,
    ]).filter(([from, to]) => from <= to);
    if (this.periods.length === 0) throw new Error(`today: ${this.today} is before the OCOP programme (2019-08-21)`);
    this.periodWeights = this.periods.map((x) => x[2]);
  }

  // ── cores (pure functions of index) ─────────────────────────────────────────────────────────
  private listFor(date: string): CommuneList {
    for (const l of this.lists) if (l.validFrom <= date && (l.validTo === null || date <= l.validTo)) return l;
    return date < this.lists[0].validFrom ? this.lists[0] : this.lists[this.lists.length - 1];
  }
  private communeOn(rng: Rng, date: string): CommuneInput {
    return rng.pick(this.listFor(date).communes);
  }
  private ownerType(j: number): OwnerType {
    for (let t = 0; t < OWNER_SHARES.length; t++) {
      const type = OWNER_SHARES[t][0];
      if (j < this.blocks[type][1]) return type;
    }
    return 'HOUSEHOLD_BUSINESS';
  }
  private name(rng: Rng): string {
    return `${rng.pick(SYLLABLES)} ${rng.pick(SYLLABLES)}`;
  }
  private firstDateSampled(rng: Rng): number {
    const [from, to] = this.periods[rng.weighted(this.periodWeights)];
    return from + rng.int(to - from + 1);
  }

  private productCore(i: number): ProductCore {
    const rng = Rng.for(this.seed, S.product, i);
    const owners = this.counts.owners;
    const ownerIndex = i < owners ? i : rng.int(owners);
    let first = this.firstDateSampled(rng);
    if (i >= owners) {
      const ownersFirst = toDayNumber(this.productCore(ownerIndex).firstDate);
      first = Math.min(Math.max(first, ownersFirst + 30), toDayNumber(this.today) - 1);
      if (first < ownersFirst) first = ownersFirst;
    }
    const firstDate = fromDayNumber(first);
    const sectorCode = SECTOR_KEYS[rng.weighted(SECTOR_W)];
    const system = systemOn(firstDate);
    const setCode = rng.pick(this.setsBySystemSector.get(`${system}|${sectorCode}`)!).code;
    const name = `${rng.pick(PRODUCT_NOUNS[sectorCode])} ${this.name(rng)}`;
    return { ownerIndex, firstDate, sectorCode, system, setCode, name, keyProduct: rng.chance(0.25), traceable: rng.chance(0.35) };
  }

  private ownerCore(j: number): OwnerCore {
    return (this.ownerMemo[j] ??= this.computeOwnerCore(j));
  }

  private computeOwnerCore(j: number): OwnerCore {
    const rng = Rng.for(this.seed, S.owner, j);
    const type = this.ownerType(j);
    const first = this.productCore(j).firstDate;
    const establishedOn = maxDate('1990-01-01', addDays(first, -rng.between(180, 365 * 12)));
    const commune = this.communeOn(rng, establishedOn);
    const name = `${OWNER_PREFIX[type]} ${this.name(rng)}`;
    let cooperativeIndex: number | null = null;
    if (type === 'COOPERATIVE') cooperativeIndex = j - this.blocks.COOPERATIVE[0];
    else if (type === 'COOPERATIVE_GROUP') cooperativeIndex = this.counts.cooperatives + (j - this.blocks.COOPERATIVE_GROUP[0]);
    return { type, commune, establishedOn, name, cooperativeIndex };
  }

  /** Owner index of cooperative k when it is an OCOP owner, else null. */
  private ownerOfCooperative(k: number): number | null {
    const coopOwners = this.blocks.COOPERATIVE[1] - this.blocks.COOPERATIVE[0];
    if (k < coopOwners && k < this.counts.cooperatives) return this.blocks.COOPERATIVE[0] + k;
    if (k >= this.counts.cooperatives) return this.blocks.COOPERATIVE_GROUP[0] + (k - this.counts.cooperatives);
    return null;
  }

  private coopCore(k: number): CoopCore {
    const rng = Rng.for(this.seed, S.coop, k);
    const ownerIndex = this.ownerOfCooperative(k);
    const legalForm: LegalForm =
      k >= this.counts.cooperatives ? 'COOPERATIVE_GROUP' : k % UNION_EVERY === UNION_EVERY - 1 ? 'COOPERATIVE_UNION' : 'COOPERATIVE';
    if (ownerIndex !== null) {
      const o = this.ownerCore(ownerIndex);
      return {
        legalForm,
        commune: o.commune,
        foundedOn: o.establishedOn,
        name: o.name,
        ownerIndex,
        status: rng.chance(0.96) ? 'ACTIVE' : 'SUSPENDED',
      };
    }
    // Founding years: weighted towards the waves after the 2003, 2012 and 2023 laws [generated].
    const from = toDayNumber('1997-01-01');
    const span = toDayNumber(this.today) - from;
    const foundedOn = fromDayNumber(from + Math.floor(span * Math.pow(rng.next(), 0.7)));
    const prefix = legalForm === 'COOPERATIVE_UNION' ? 'Liên hiệp hợp tác xã' : 'Hợp tác xã';
    // Status split 85/8/7 [generated, unverified: no national status counts were found].
    const status: CooperativeStatus = (['ACTIVE', 'SUSPENDED', 'DISSOLVED'] as const)[rng.weighted(STATUS_W)];
    return { legalForm, commune: this.communeOn(rng, foundedOn), foundedOn, name: `${prefix} ${this.name(rng)}`, ownerIndex: null, status };
  }

  private coopsInListProvince(list: CommuneList, provinceCode: string): number[] {
    if (!this.coopsByListProvince) {
      const m = new Map<string, number[]>();
      for (let k = 0; k < this.counts.cooperatives; k++) {
        const c = this.coopCore(k);
        const key = `${this.listFor(c.foundedOn).validFrom}|${c.commune.provinceCode}`;
        (m.get(key) ?? m.set(key, []).get(key)!).push(k);
      }
      this.coopsByListProvince = m;
    }
    return this.coopsByListProvince.get(`${list.validFrom}|${provinceCode}`) ?? [];
  }

  // ── tables ──────────────────────────────────────────────────────────────────────────────────
  *owners(): IterableIterator<GeneratedOwner> {
    for (let j = 0; j < this.counts.owners; j++) {
      const o = this.ownerCore(j);
      yield {
        id: j + 1,
        ownerType: o.type,
        name: o.name,
        communeId: o.commune.id,
        establishedOn: o.establishedOn,
        cooperativeId: o.cooperativeIndex === null ? null : o.cooperativeIndex + 1,
        generated: true,
      };
    }
  }

  *cooperatives(): IterableIterator<GeneratedCooperative> {
    const total = this.counts.cooperatives + this.counts.cooperativeGroups;
    for (let k = 0; k < total; k++) {
      const c = this.coopCore(k);
      const rng = Rng.for(this.seed, S.coop ^ 0x5bd1e995, k);
      // Members: log-normal; ~6M members over ~35k cooperatives (research §2 [claim]) gives a long tail [generated].
      const members =
        c.legalForm === 'COOPERATIVE_UNION'
          ? rng.between(3, 15)
          : c.legalForm === 'COOPERATIVE_GROUP'
            ? rng.between(2, 30)
            : 5 + Math.floor(Math.exp(3.6 + 1.2 * rng.normal()));
      const registrationNumber =
        c.legalForm === 'COOPERATIVE_GROUP' ? `THT-${c.commune.code}-${k + 1}` : `${c.commune.provinceCode}${String(k + 1).padStart(8, '0')}`;
      yield {
        id: k + 1,
        legalForm: c.legalForm,
        registrationNumber,
        name: c.name,
        communeId: c.commune.id,
        foundedOn: c.foundedOn,
        members,
        mainSector: MAIN_SECTOR_WEIGHTS[rng.weighted(MAIN_SECTOR_W)][0],
        status: c.status,
        generated: true,
      };
    }
  }

  *products(): IterableIterator<GeneratedProduct> {
    for (let i = 0; i < this.counts.products; i++) {
      const p = this.productCore(i);
      const o = this.ownerCore(p.ownerIndex);
      const code = formatProductCode({
        provinceCode: o.commune.provinceCode,
        communeCode: o.commune.code,
        year: +p.firstDate.slice(0, 4),
        serial: i + 1,
      });
      yield {
        id: i + 1,
        code,
        name: p.name,
        productSetCode: p.setCode,
        classSystem: p.system,
        ownerId: p.ownerIndex + 1,
        communeId: o.commune.id,
        keyProduct: p.keyProduct,
        traceable: p.traceable,
        generated: true,
      };
    }
  }

  /** The rating history of product i (0-based), oldest first. */
  ratingsOf(i: number): GeneratedRating[] {
    const p = this.productCore(i);
    const commune = this.ownerCore(p.ownerIndex).commune;
    const rng = Rng.for(this.seed, S.rating, i);
    const out: GeneratedRating[] = [];
    let date = p.firstDate;
    let stars = (3 + rng.weighted(INITIAL_STARS)) as Stars;
    while (out.length < MAX_RATINGS_PER_PRODUCT && date <= this.today) {
      const system = systemOn(date);
      const setCode =
        system === p.system
          ? p.setCode
          : this.setsBySystemSector.get(`${system}|${p.sectorCode}`)![i % this.setsBySystemSector.get(`${system}|${p.sectorCode}`)!.length].code;
      const { score, partA, partB, partC } = drawScore(rng, stars);
      const authority = this.authorityFor(rng, stars, date, commune);
      const until = validUntil(date);
      const r: Mutable<GeneratedRating> = {
        id: i * MAX_RATINGS_PER_PRODUCT + out.length + 1,
        productId: i + 1,
        seq: out.length + 1,
        stars,
        score,
        partA,
        partB,
        partC,
        classSystem: system,
        productSetCode: setCode,
        decisionNumber: authority.decisionNumber,
        decisionDate: date,
        authorityLevel: authority.level,
        authorityUnitCode: authority.unitCode,
        authorityName: authority.name,
        validUntil: until,
        reRatingFiledOn: null,
        reRatingDecidedOn: null,
        revokedOn: null,
        revocationGround: null,
        revocationReason: null,
        revocationDecisionNumber: null,
        generated: true,
      };
      out.push(r);
      // Revocation: ~1.2% of certificates [generated; no national figure found].
      if (rng.chance(0.012)) {
        const revokedOn = addDays(date, rng.between(60, daysBetween(date, until)));
        if (revokedOn <= this.today) {
          const ground = rng.pick(GROUNDS);
          r.revokedOn = revokedOn;
          r.revocationGround = ground;
          r.revocationReason = `Generated: ${REVOCATION_GROUNDS[ground]}`;
          r.revocationDecisionNumber = `${rng.between(100, 3999)}/QĐ-${stars === 5 ? ministrySuffix(revokedOn) : 'UBND'}`;
          break;
        }
      }
      // Upgrade within the term (nâng hạng, Art. 7.5): ~6% [generated].
      if (stars < 5 && rng.chance(stars === 3 ? 0.06 : 0.015)) {
        const upOn = addDays(date, rng.between(365, 900));
        if (upOn < until && upOn <= this.today) {
          stars = (stars + 1) as Stars;
          date = upOn;
          continue;
        }
      }
      // Re-rating near expiry (Art. 7.6): ~65% file [generated]; 90% of those in the window, the rest late.
      const { opens, closes } = reRatingWindow(date);
      if (opens > this.today || !rng.chance(0.65)) break;
      const late = rng.chance(0.1);
      const filed = late ? addDays(closes, rng.between(1, 120)) : addDays(opens, rng.between(0, 60));
      if (filed > this.today) break;
      r.reRatingFiledOn = filed;
      const decided = addDays(filed, rng.between(20, 45));
      if (decided > this.today) break; // still pending
      r.reRatingDecidedOn = decided;
      if (rng.chance(0.05)) break; // not re-certified
      const move = rng.weighted(MOVE_W);
      // Re-rated 5★ are rare (126 5★ nationally by mid 2025 [claim]): an upward move to 5★ sticks 1 time in 5.
      const up = move === 1 && (stars < 4 || rng.chance(0.2));
      stars = Math.min(5, Math.max(3, stars + (up ? 1 : move === 2 ? -1 : 0))) as Stars;
      date = decided;
    }
    return out;
  }

  *ratings(): IterableIterator<GeneratedRating> {
    for (let i = 0; i < this.counts.products; i++) yield* this.ratingsOf(i);
  }

  *listings(): IterableIterator<GeneratedListing> {
    for (let i = 0; i < this.counts.products; i++) {
      const rng = Rng.for(this.seed, S.listing, i);
      // ~40% of products sell online [generated: no national figure found].
      if (!rng.chance(0.4)) continue;
      const p = this.productCore(i);
      const n = rng.between(1, 3);
      const used = new Set<Platform>();
      for (let k = 0; k < n; k++) {
        const [platform, , slug] = PLATFORMS[rng.weighted(PLATFORM_W)];
        if (used.has(platform)) continue;
        used.add(platform);
        const since = addDays(p.firstDate, rng.between(-365, Math.max(0, daysBetween(p.firstDate, this.today))));
        yield {
          id: i * MAX_LISTINGS_PER_PRODUCT + k + 1,
          productId: i + 1,
          platform,
          url: `https://${slug}.generated.invalid/ocop/${i + 1}`,
          since: since > this.today ? this.today : since,
          generated: true,
        };
      }
    }
  }

  private projectCore(q: number) {
    const rng = Rng.for(this.seed, S.project, q);
    const leadIsCoop = rng.chance(0.75);
    const start = fromDayNumber(toDayNumber('2019-01-01') + rng.int(Math.max(1, daysBetween('2019-01-01', this.today) - 30)));
    let lead: { kind: PartyKind; ref: string; cooperativeId: number | null; ownerId: number | null; commune: CommuneInput; list: CommuneList };
    if (leadIsCoop) {
      const k = rng.int(this.counts.cooperatives);
      const c = this.coopCore(k);
      lead = {
        kind: c.legalForm === 'COOPERATIVE_UNION' ? 'COOPERATIVE_UNION' : 'COOPERATIVE',
        ref: `HTX-${k + 1}`,
        cooperativeId: k + 1,
        ownerId: null,
        commune: c.commune,
        list: this.listFor(c.foundedOn),
      };
    } else {
      const [a, b] = this.blocks.ENTERPRISE;
      const j = b > a ? a + rng.int(b - a) : 0;
      const o = this.ownerCore(j);
      lead = { kind: 'ENTERPRISE', ref: `DN-${j + 1}`, cooperativeId: null, ownerId: j + 1, commune: o.commune, list: this.listFor(o.establishedOn) };
    }
    const participants: Omit<GeneratedParticipant, 'projectId' | 'generated'>[] = [
      { kind: lead.kind, role: 'LEAD', ref: lead.ref, cooperativeId: lead.cooperativeId, ownerId: lead.ownerId },
    ];
    const sameProvince = this.coopsInListProvince(lead.list, lead.commune.provinceCode);
    const seen = new Set([lead.ref]);
    const extra = rng.between(1, 4);
    for (let n = 0; n < extra; n++) {
      const kind = (['COOPERATIVE', 'FARMER_GROUP', 'HOUSEHOLD', 'ENTERPRISE'] as PartyKind[])[rng.weighted([0.55, 0.2, 0.15, 0.1])];
      const role: PartyRole = kind === 'ENTERPRISE' ? (rng.chance(0.7) ? 'BUYER' : 'PROCESSOR') : rng.chance(0.85) ? 'PRODUCER' : 'SERVICE_PROVIDER';
      let ref: string;
      let cooperativeId: number | null = null;
      let ownerId: number | null = null;
      if (kind === 'COOPERATIVE' && sameProvince.length > 0) {
        const k = rng.pick(sameProvince);
        ref = `HTX-${k + 1}`;
        cooperativeId = k + 1;
      } else if (kind === 'ENTERPRISE') {
        const [a, b] = this.blocks.ENTERPRISE;
        const j = b > a ? a + rng.int(b - a) : 0;
        ref = `DN-${j + 1}`;
        ownerId = j + 1;
      } else {
        ref = `${kind === 'HOUSEHOLD' ? 'HO' : 'TND'}-${q + 1}-${n + 1}`;
      }
      if (seen.has(ref)) continue;
      seen.add(ref);
      participants.push({ kind: kind === 'COOPERATIVE' && cooperativeId === null ? 'FARMER_GROUP' : kind, role, ref, cooperativeId, ownerId });
    }
    if (participants.length < 2)
      participants.push({ kind: 'FARMER_GROUP', role: 'PRODUCER', ref: `TND-${q + 1}-0`, cooperativeId: null, ownerId: null });
    const province = lead.list.byProvince.get(lead.commune.provinceCode) ?? [lead.commune];
    const communes = new Set([lead.commune.id]);
    const more = rng.between(0, 3);
    for (let n = 0; n < more; n++) communes.add(rng.pick(province).id);
    const sector = SECTOR_KEYS[rng.weighted(PROJECT_SECTOR_W)];
    const keyProduct = rng.chance(0.55) ? rng.pick(PRODUCT_NOUNS[sector]) : null;
    const hasZone = rng.chance(0.6);
    const areaHa = hasZone ? Math.round(Math.exp(Math.log(10) + rng.next() * Math.log(200)) * 10) / 10 : null;
    const growingAreaCodes = hasZone ? Array.from({ length: rng.between(0, 3) }, (_, n) => `VT-${lead.commune.provinceCode}-${q + 1}-${n + 1}`) : [];
    const digital: DigitalTechnology[] = [];
    if (rng.chance(hasZone ? 0.45 : 0.15)) {
      const techs: DigitalTechnology[] = ['TRACEABILITY', 'E_COMMERCE', 'GROWING_AREA_CODES_DIGITAL', 'FARM_MANAGEMENT_SOFTWARE', 'IOT_SENSORS'];
      const n = rng.between(1, 2);
      for (let t = 0; t < n; t++) {
        const x = rng.pick(techs);
        if (!digital.includes(x)) digital.push(x);
      }
    }
    const end = rng.chance(0.1) ? null : addDays(start, rng.between(2 * 365, 5 * 365));
    const approved = rng.chance(0.8);
    const approvalDate = approved ? addDays(start, -rng.between(0, 90)) : null;
    const year = +start.slice(0, 4);
    const contractRefs = Array.from({ length: rng.between(1, 3) }, (_, n) => `HĐLK ${rng.between(1, 99)}-${n + 1}/${year}`);
    const supportItems: Omit<GeneratedSupportItem, 'generated'>[] = [];
    const kinds = Object.keys(SUPPORT_KINDS) as SupportKind[];
    const nItems = rng.between(0, 3);
    for (let n = 0; n < nItems; n++) {
      const kind = rng.pick(kinds);
      if (supportItems.some((s) => s.kind === kind)) continue;
      const rule = SUPPORT_KINDS[kind];
      const sharePercent =
        rule.maxSharePercent === 100 && kind === 'CONSULTANCY' ? 100 : rng.between(Math.min(10, rule.maxSharePercent), rule.maxSharePercent);
      const capVnd = rule.capVnd ?? BigInt(rng.between(1, 20)) * 100_000_000n;
      const amountVnd = (capVnd * BigInt(rng.between(10, 100))) / 100n;
      supportItems.push({ id: q * MAX_SUPPORT_ITEMS + supportItems.length + 1, projectId: q + 1, kind, sharePercent, capVnd, amountVnd });
    }
    const project: GeneratedProject = {
      id: q + 1,
      name: `Liên kết ${keyProduct ?? rng.pick(PRODUCT_NOUNS[sector])} ${this.name(rng)}`,
      leadKind: lead.kind,
      leadRef: lead.ref,
      keyProduct,
      rawMaterialAreaHa: areaHa,
      growingAreaCodes,
      startDate: start,
      endDate: end,
      contractRefs,
      digitalTechnologies: digital,
      approvalDecisionNumber: approved ? `${rng.between(100, 3999)}/QĐ-UBND` : null,
      approvalDecisionDate: approvalDate,
      generated: true,
    };
    return { project, participants, communes: [...communes], supportItems };
  }

  /**
   * Each linkage project with its participants, communes and support items, computed once (a loader
   * writing the four tables uses this instead of the four table methods, which each recompute projects).
   */
  *projectBundles(): IterableIterator<{
    project: GeneratedProject;
    participants: GeneratedParticipant[];
    communes: GeneratedProjectCommune[];
    supportItems: GeneratedSupportItem[];
  }> {
    for (let q = 0; q < this.counts.projects; q++) {
      const c = this.projectCore(q);
      yield {
        project: c.project,
        participants: c.participants.map((p) => ({ projectId: q + 1, ...p, generated: true as const })),
        communes: c.communes.map((communeId) => ({ projectId: q + 1, communeId, generated: true as const })),
        supportItems: c.supportItems.map((s) => ({ ...s, generated: true as const })),
      };
    }
  }

  *projects(): IterableIterator<GeneratedProject> {
    for (let q = 0; q < this.counts.projects; q++) yield this.projectCore(q).project;
  }
  *projectParticipants(): IterableIterator<GeneratedParticipant> {
    for (let q = 0; q < this.counts.projects; q++)
      for (const p of this.projectCore(q).participants) yield { projectId: q + 1, ...p, generated: true };
  }
  *projectCommunes(): IterableIterator<GeneratedProjectCommune> {
    for (let q = 0; q < this.counts.projects; q++)
      for (const communeId of this.projectCore(q).communes) yield { projectId: q + 1, communeId, generated: true };
  }
  *supportItems(): IterableIterator<GeneratedSupportItem> {
    for (let q = 0; q < this.counts.projects; q++) for (const s of this.projectCore(q).supportItems) yield { ...s, generated: true };
  }

  private authorityFor(
    rng: Rng,
    stars: Stars,
    date: string,
    commune: CommuneInput,
  ): { level: AuthorityLevel; unitCode: string | null; name: string; decisionNumber: string } {
    const n = rng.between(100, 3999);
    if (stars === 5)
      return {
        level: 'MINISTRY',
        unitCode: null,
        name: date < MINISTRY_RENAMED_ON ? 'Bộ Nông nghiệp và Phát triển nông thôn' : 'Bộ Nông nghiệp và Môi trường',
        decisionNumber: `${n}/QĐ-${ministrySuffix(date)}`,
      };
    // Districts recognised 3★ before the reform in many provinces (research §1.3); share 60% [generated].
    if (stars === 3 && date <= LAST_DISTRICT_DAY && commune.districtCode && rng.chance(0.6)) {
      return {
        level: 'DISTRICT',
        unitCode: commune.districtCode,
        name: `UBND cấp huyện (mã ${commune.districtCode})`,
        decisionNumber: `${n}/QĐ-UBND`,
      };
    }
    return { level: 'PROVINCE', unitCode: commune.provinceCode, name: `UBND cấp tỉnh (mã ${commune.provinceCode})`, decisionNumber: `${n}/QĐ-UBND` };
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
const maxDate = (a: string, b: string) => (a > b ? a : b);
const ministrySuffix = (date: string) => (date < MINISTRY_RENAMED_ON ? 'BNN-VPĐP' : 'BNNMT');

/** The class system a decision of `date` is taken under (new decisions from QĐ 26's entry into force). */
export function systemOn(date: string): ClassSystem {
  return date >= QD26_FROM ? 'QD26_2026' : date >= QD148_FROM ? 'QD148_2023' : 'QD1048_2019';
}

/** A score inside the star band, in tenths, split into parts within their maxima. */
function drawScore(rng: Rng, stars: Stars): { score: number; partA: number; partB: number; partC: number } {
  const [lo, hi] = stars === 5 ? [900, 975] : stars === 4 ? [700, 899] : [500, 699];
  const s = rng.between(lo, hi);
  const a = clamp(Math.round(s * 0.4 * (0.9 + rng.next() * 0.2)), Math.max(0, s - 600), Math.min(400, s));
  const b = clamp(Math.round(s * 0.25 * (0.9 + rng.next() * 0.2)), Math.max(0, s - a - 350), Math.min(250, s - a));
  return { score: s / 10, partA: a / 10, partB: b / 10, partC: (s - a - b) / 10 };
}
const clamp = (x: number, lo: number, hi: number) => (x < lo ? lo : x > hi ? hi : x);
