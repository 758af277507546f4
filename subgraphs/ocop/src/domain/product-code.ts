/**
 * Our OCOP product code: `OCOP-<province>-<commune>-<year>-<serial>`, e.g. `OCOP-40-17380-2024-0007`.
 *
 * Why this shape:
 *  - It follows the registration slip number of QĐ 26/2026 Appendix III Form 01, `…/PĐK-(Mã tỉnh)-(Mã
 *    xã)-(Năm)` (province code, commune code, year) [src: research §1.4], so officials recognise it.
 *  - It is assigned once, at the product's first registration, from the unit codes in force then and the
 *    year, with a 4-digit serial allocated per prefix; it is never recomputed. A product keeps its code
 *    when the 2025 reform renames or merges its commune (its commune is shown with today's unit through
 *    the lineage), and when its stars change — unlike the pre-2025 code `83-829-28780-3-2022` (province-
 *    district-commune-stars-year, research §1.4), which carried a district that no longer exists and a
 *    star count that changes. Imported old codes are kept as a separate legacy code.
 *  - Uniqueness: the serial is unique within its prefix, so the whole code is unique even though some
 *    commune codes were reused by different units across the reform.
 *  - The `OCOP-` prefix keeps it from being mistaken for a legacy code.
 */
export interface ProductCodeParts {
  readonly provinceCode: string;
  readonly communeCode: string;
  readonly year: number;
  readonly serial: number;
}

const CODE = /^OCOP-(\d{2})-(\d{5})-(\d{4})-(\d{4,})$/;
const LEGACY = /^(\d{2})-(\d{3})-(\d{5})-([1-5])-(\d{4})$/;

export function formatProductCode(p: ProductCodeParts): string {
  if (!/^\d{2}$/.test(p.provinceCode)) throw new Error(`provinceCode: two digits expected, got ${JSON.stringify(p.provinceCode)}`);
  if (!/^\d{5}$/.test(p.communeCode)) throw new Error(`communeCode: five digits expected, got ${JSON.stringify(p.communeCode)}`);
  if (!Number.isInteger(p.year) || p.year < 2000 || p.year > 9999) throw new Error(`year: a four-digit year expected, got ${p.year}`);
  if (!Number.isInteger(p.serial) || p.serial < 1) throw new Error(`serial: a positive integer expected, got ${p.serial}`);
  return `OCOP-${p.provinceCode}-${p.communeCode}-${p.year}-${String(p.serial).padStart(4, '0')}`;
}

/** The parts of one of our codes, or null when the text is not one. */
export function parseProductCode(text: string): ProductCodeParts | null {
  const m = CODE.exec(text.trim());
  return m ? { provinceCode: m[1], communeCode: m[2], year: +m[3], serial: +m[4] } : null;
}

/** The parts of a pre-2025 code such as `83-829-28780-3-2022`, or null. */
export function parseLegacyProductCode(
  text: string,
): { provinceCode: string; districtCode: string; communeCode: string; stars: number; year: number } | null {
  const m = LEGACY.exec(text.trim());
  return m ? { provinceCode: m[1], districtCode: m[2], communeCode: m[3], stars: +m[4], year: +m[5] } : null;
}
