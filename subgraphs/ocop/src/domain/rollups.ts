/**
 * Roll-ups for an area over plain records (the caller selects the area's products): products by
 * current stars and by sector, and products whose current rating expires within N days. Totals are
 * always computed from the records, never stored (research §1.6: published national counts disagree).
 */
import { ProductClassCatalog } from './classes';
import { currentRating, effectiveValidUntil, RatingRecord } from './rating';
import { addDays } from './dates';

export interface ProductWithHistory<R extends RatingRecord = RatingRecord> {
  readonly id: string | number;
  readonly productSetCode: string;
  readonly ratings: readonly R[];
}

export interface StarCounts {
  readonly 3: number;
  readonly 4: number;
  readonly 5: number;
  readonly none: number;
}

/** Products by their current stars on `on` (`none`: no current rating — never rated, expired or revoked). */
export function countByStars(products: readonly ProductWithHistory[], on: string): StarCounts {
  const c = { 3: 0, 4: 0, 5: 0, none: 0 };
  for (const p of products) {
    const r = currentRating(p.ratings, on);
    if (r) c[r.stars]++;
    else c.none++;
  }
  return c;
}

/**
 * Products with a current rating on `on`, by QĐ 26 sector code (old classes roll up through their
 * `mapsToSector`; unmapped ones under `UNMAPPED`).
 */
export function countBySector(products: readonly ProductWithHistory[], catalog: ProductClassCatalog, on: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of products) {
    if (!currentRating(p.ratings, on)) continue;
    const key = catalog.currentSector(p.productSetCode)?.code ?? 'UNMAPPED';
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** Products whose current rating's last valid day falls within `days` days after `on`, soonest first. */
export function expiringWithin<P extends ProductWithHistory>(products: readonly P[], on: string, days: number): { product: P; validUntil: string }[] {
  const limit = addDays(on, days);
  const out: { product: P; validUntil: string }[] = [];
  for (const p of products) {
    const r = currentRating(p.ratings, on);
    if (!r) continue;
    const until = effectiveValidUntil(r);
    if (until <= limit) out.push({ product: p, validUntil: until });
  }
  return out.sort((a, b) =>
    a.validUntil < b.validUntil ? -1 : a.validUntil > b.validUntil ? 1 : String(a.product.id) < String(b.product.id) ? -1 : 1,
  );
}
