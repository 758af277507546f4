import { loadProductClasses } from '../product-classes';
import { ProductClassCatalog } from './classes';
import { countByPlatform, ProposedProduct, validateListing, validateProduct } from './product';

const catalog = new ProductClassCatalog(loadProductClasses());
const ok: ProposedProduct = { name: 'Cam Vinh', productSetCode: '26-I.1.a', ownerId: 3, communeCode: '17380', keyProduct: true };
const fields = (p: ProposedProduct, communeLevel: 'COMMUNE' | 'DISTRICT' | null = 'COMMUNE') =>
  validateProduct(p, { catalog, communeLevel }).map((x) => x.field);

describe('validateProduct', () => {
  it('accepts a product from a commune under a product set', () => expect(fields(ok)).toEqual([]));
  it('refuses a product in a district', () => {
    expect(validateProduct(ok, { catalog, communeLevel: 'DISTRICT' })).toEqual([
      { field: 'communeCode', reason: expect.stringContaining('is a district') },
    ]);
  });
  it('refuses an inner class or unknown class, a missing owner and name', () => {
    expect(fields({ ...ok, productSetCode: '26-I.1' })).toEqual(['productSetCode']);
    expect(fields({ ...ok, productSetCode: 'X' })).toEqual(['productSetCode']);
    expect(fields({ ...ok, ownerId: null, name: '' })).toEqual(['name', 'ownerId']);
    expect(fields({ ...ok, productSetCode: '148-1' })).toEqual([]);
  });
});

describe('listings', () => {
  it('checks platform, URL and date', () => {
    expect(validateListing({ platform: 'SHOPEE', url: 'https://shopee.vn/x', since: '2025-01-01' }, '2026-12-01')).toEqual([]);
    expect(validateListing({ platform: 'EBAY', url: 'shopee', since: '2027-01-01' }, '2026-12-01').map((p) => p.field)).toEqual([
      'platform',
      'url',
      'since',
    ]);
  });
  it('counts by platform', () => {
    expect(Object.fromEntries(countByPlatform([{ platform: 'TIKI' }, { platform: 'TIKI' }, { platform: 'VOSO' }]))).toEqual({ TIKI: 2, VOSO: 1 });
  });
});
