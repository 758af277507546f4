/**
 * OCOP product classification as data (danh mục phân loại sản phẩm OCOP), read from
 * `data/product-classes-2026.csv`. Three class systems are kept side by side, because a product keeps
 * the class it was rated under (QĐ 26/2026/QĐ-TTg Art. 12.1: earlier certificates stay valid to expiry):
 *
 *   QD26_2026    QĐ 26/2026/QĐ-TTg Appendix I: 6 sectors (ngành) → 17 groups (nhóm) → 16 subgroups
 *                (phân nhóm); the 26 leaves are the product sets (bộ sản phẩm), each with its lead
 *                ministries (cơ quan chủ trì quản lý). Verified against the text.
 *   QD148_2023   QĐ 148/QĐ-TTg (24/2/2023): its six product groups only (finer levels not modelled; unverified wording).
 *   QD1048_2019  QĐ 1048/QĐ-TTg (21/8/2019): six sectors (ngành) (unverified wording).
 *
 * A product set is a class with `productSetNo` (the leaf a product is rated under).
 */
import { readCsvObjects } from '@ntm/data-files';
import { isIsoDate } from './dates';

export type ClassSystem = 'QD26_2026' | 'QD148_2023' | 'QD1048_2019';
export const CLASS_SYSTEMS: readonly ClassSystem[] = ['QD26_2026', 'QD148_2023', 'QD1048_2019'];
export type ClassLevel = 'SECTOR' | 'GROUP' | 'SUBGROUP';

/** Lead ministries named in QĐ 26 Appendix I (codes are ours; names as the text writes them). */
export const MINISTRIES: Readonly<Record<string, { nameVi: string; nameEn: string }>> = {
  MAE: { nameVi: 'Bộ Nông nghiệp và Môi trường', nameEn: 'Ministry of Agriculture and Environment' },
  MOIT: { nameVi: 'Bộ Công Thương', nameEn: 'Ministry of Industry and Trade' },
  MOH: { nameVi: 'Bộ Y tế', nameEn: 'Ministry of Health' },
  MOCST: { nameVi: 'Bộ Văn hóa, Thể thao và Du lịch', nameEn: 'Ministry of Culture, Sports and Tourism' },
};

export interface ProductClass {
  readonly system: ClassSystem;
  /** Stable code: `26-I.3.b`, `148-2`, `1048-5`. */
  readonly code: string;
  readonly level: ClassLevel;
  readonly parentCode: string | null;
  readonly nameVi: string;
  readonly nameEn: string;
  /** Number of the product set (1..26 in QĐ 26 Appendix II order); null for inner classes. */
  readonly productSetNo: number | null;
  /** Lead ministry codes (keys of MINISTRIES), in the order the text lists them; empty when not given. */
  readonly leadMinistries: readonly string[];
  /** First and last day a rating may be decided under this class (validTo null: open). */
  readonly validFrom: string;
  readonly validTo: string | null;
  /** For an old system's class: the QĐ 26 sector it corresponds to (our mapping). */
  readonly mapsToSector: string | null;
  readonly source: string;
  readonly verified: boolean;
}

const COLUMNS = [
  'system',
  'code',
  'level',
  'parent_code',
  'name_vi',
  'name_en',
  'product_set_no',
  'lead_ministries',
  'valid_from',
  'valid_to',
  'maps_to_sector',
  'source',
  'status',
];

/** Parses and checks the classification file; throws naming the row and field of the first problem. */
export function parseProductClasses(csvText: string): ProductClass[] {
  const rows = readCsvObjects(csvText);
  if (rows.length === 0) throw new Error('product classes: the file has no rows');
  const missing = COLUMNS.filter((c) => !(c in rows[0]));
  if (missing.length) throw new Error(`product classes: missing column(s) ${missing.join(', ')}`);
  const out: ProductClass[] = [];
  const byCode = new Map<string, ProductClass>();
  rows.forEach((r, i) => {
    const at = (field: string, reason: string) => new Error(`product classes row ${i + 2} (${r.code || '?'}), ${field}: ${reason}`);
    if (!CLASS_SYSTEMS.includes(r.system as ClassSystem)) throw at('system', `unknown class system "${r.system}"`);
    if (!/^[0-9A-Za-z.-]+$/.test(r.code)) throw at('code', 'must be letters, digits, dots and dashes');
    if (byCode.has(r.code)) throw at('code', 'duplicate code');
    if (!['SECTOR', 'GROUP', 'SUBGROUP'].includes(r.level)) throw at('level', `unknown level "${r.level}"`);
    if (!r.name_vi.trim() || !r.name_en.trim()) throw at('name_vi/name_en', 'both names are required');
    if (!isIsoDate(r.valid_from)) throw at('valid_from', 'must be a date YYYY-MM-DD');
    if (r.valid_to && (!isIsoDate(r.valid_to) || r.valid_to < r.valid_from)) throw at('valid_to', 'must be a date on or after valid_from');
    const ministries = r.lead_ministries ? r.lead_ministries.split(';') : [];
    const unknown = ministries.filter((m) => !(m in MINISTRIES));
    if (unknown.length) throw at('lead_ministries', `unknown ministry code(s) ${unknown.join(', ')}`);
    let setNo: number | null = null;
    if (r.product_set_no) {
      setNo = Number(r.product_set_no);
      if (!Number.isInteger(setNo) || setNo < 1) throw at('product_set_no', 'must be a positive integer');
    }
    const parent = r.parent_code ? byCode.get(r.parent_code) : undefined;
    if (r.parent_code && (!parent || parent.system !== r.system))
      throw at('parent_code', `"${r.parent_code}" is not an earlier class of the same system`);
    if (parent && parent.productSetNo !== null) throw at('parent_code', 'a product set cannot have children');
    const c: ProductClass = {
      system: r.system as ClassSystem,
      code: r.code,
      level: r.level as ClassLevel,
      parentCode: r.parent_code || null,
      nameVi: r.name_vi.trim(),
      nameEn: r.name_en.trim(),
      productSetNo: setNo,
      leadMinistries: ministries,
      validFrom: r.valid_from,
      validTo: r.valid_to || null,
      mapsToSector: r.maps_to_sector || null,
      source: r.source,
      verified: r.status === 'VERIFIED',
    };
    byCode.set(c.code, c);
    out.push(c);
  });
  for (const c of out) {
    if (c.mapsToSector && byCode.get(c.mapsToSector)?.level !== 'SECTOR')
      throw new Error(`product classes (${c.code}), maps_to_sector: "${c.mapsToSector}" is not a sector`);
  }
  for (const system of CLASS_SYSTEMS) {
    const sets = out.filter((c) => c.system === system && c.productSetNo !== null).map((c) => c.productSetNo!);
    const unique = new Set(sets);
    if (unique.size !== sets.length) throw new Error(`product classes (${system}): product_set_no repeats`);
    for (const c of out.filter((x) => x.system === system && x.productSetNo === null)) {
      if (!out.some((x) => x.parentCode === c.code))
        throw new Error(`product classes (${c.code}): an inner class without children must be a product set`);
    }
  }
  return out;
}

/** Lookups over parsed classes. */
export class ProductClassCatalog {
  private readonly byCode: Map<string, ProductClass>;
  constructor(readonly classes: readonly ProductClass[]) {
    this.byCode = new Map(classes.map((c) => [c.code, c]));
  }
  get(code: string): ProductClass | undefined {
    return this.byCode.get(code);
  }
  /** The product sets (leaves) of a system, in set-number order. */
  productSets(system: ClassSystem): ProductClass[] {
    return this.classes.filter((c) => c.system === system && c.productSetNo !== null).sort((a, b) => a.productSetNo! - b.productSetNo!);
  }
  /** The chain from the sector down to the class. */
  path(code: string): ProductClass[] {
    const chain: ProductClass[] = [];
    for (let c = this.byCode.get(code); c; c = c.parentCode ? this.byCode.get(c.parentCode) : undefined) chain.unshift(c);
    return chain;
  }
  /** The top-level class (sector, or group for QD148) of a class. */
  top(code: string): ProductClass | undefined {
    return this.path(code)[0];
  }
  /**
   * The QĐ 26 sector a class rolls up to (for "products by sector" across class systems): its own
   * sector in QD26_2026, else the `mapsToSector` of its top class.
   */
  currentSector(code: string): ProductClass | undefined {
    const top = this.top(code);
    if (!top) return undefined;
    return top.system === 'QD26_2026' ? top : top.mapsToSector ? this.byCode.get(top.mapsToSector) : undefined;
  }
}
