/**
 * OCOP product and e-commerce listing checks (pure): the product comes from a commune (either official
 * list; a district or province is refused), is rated under a product set (a leaf class), has an owner of
 * one of the five kinds of QĐ 26/2026 Art. 2.3.
 */
import { ProductClassCatalog } from './classes';
import { isIsoDate } from './dates';
import { Problem } from './problems';

/** Owner kinds (chủ thể OCOP, QĐ 26/2026 Art. 2.3): hợp tác xã, tổ hợp tác, doanh nghiệp nhỏ và vừa, trang trại, hộ sản xuất/hộ gia đình có đăng ký kinh doanh. */
export const OWNER_TYPES = ['COOPERATIVE', 'COOPERATIVE_GROUP', 'ENTERPRISE', 'FARM', 'HOUSEHOLD_BUSINESS'] as const;

/** Platforms a listing may name (our list; OWN_WEBSITE for the owner's shop). */
export const PLATFORMS = ['SHOPEE', 'LAZADA', 'TIKTOK_SHOP', 'TIKI', 'SENDO', 'POSTMART', 'VOSO', 'OWN_WEBSITE', 'OTHER'] as const;

export interface ProposedProduct {
  readonly name: string;
  readonly productSetCode: string;
  readonly ownerId: string | number | null;
  readonly communeCode: string;
  readonly keyProduct: boolean;
}

export function validateProduct(
  p: ProposedProduct,
  ctx: { catalog: ProductClassCatalog; communeLevel: 'PROVINCE' | 'DISTRICT' | 'COMMUNE' | 'VILLAGE' | null },
): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string, reason: string) => problems.push({ field, reason });
  if (typeof p.name !== 'string' || !p.name.trim()) add('name', 'the product name is required');
  const set = ctx.catalog.get(p.productSetCode);
  if (!set) add('productSetCode', `no product class has code ${JSON.stringify(p.productSetCode)}`);
  else if (set.productSetNo === null) add('productSetCode', `${set.code} (${set.nameVi}) is a ${set.level.toLowerCase()}, not a product set`);
  if (p.ownerId === null || p.ownerId === undefined || p.ownerId === '') add('ownerId', 'the owner (chủ thể OCOP) is required');
  if (ctx.communeLevel === null) add('communeCode', `no administrative unit has code ${JSON.stringify(p.communeCode)}`);
  else if (ctx.communeLevel !== 'COMMUNE')
    add('communeCode', `${p.communeCode} is a ${ctx.communeLevel.toLowerCase()}; an OCOP product comes from a commune`);
  if (typeof p.keyProduct !== 'boolean') add('keyProduct', 'must be true or false');
  return problems;
}

export interface ProposedListing {
  readonly platform: string;
  readonly url: string;
  readonly since: string;
}

export function validateListing(l: ProposedListing, today: string): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string, reason: string) => problems.push({ field, reason });
  if (!(PLATFORMS as readonly string[]).includes(l.platform)) add('platform', `must be one of ${PLATFORMS.join(', ')}`);
  let url: URL | null;
  try {
    url = new URL(l.url);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) add('url', `must be an http(s) address, got ${JSON.stringify(l.url)}`);
  if (!isIsoDate(l.since)) add('since', `must be a date YYYY-MM-DD, got ${JSON.stringify(l.since)}`);
  else if (l.since > today) add('since', `${l.since} is in the future (today is ${today})`);
  return problems;
}

/** Listings per platform (for "counts by platform"). */
export function countByPlatform(listings: readonly { platform: string }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const l of listings) out.set(l.platform, (out.get(l.platform) ?? 0) + 1);
  return out;
}
