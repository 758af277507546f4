import { loadProductClasses } from '../product-classes';
import { ProductClassCatalog } from './classes';
import { countBySector, countByStars, expiringWithin, ProductWithHistory } from './rollups';

const products: ProductWithHistory[] = [
  { id: 1, productSetCode: '26-I.1.a', ratings: [{ id: 1, stars: 3, decisionDate: '2026-06-01' }] },
  { id: 2, productSetCode: '148-2', ratings: [{ id: 2, stars: 4, decisionDate: '2024-01-10' }] },
  { id: 3, productSetCode: '148-1', ratings: [{ id: 3, stars: 5, decisionDate: '2023-01-01' }] },
  { id: 4, productSetCode: '1048-1', ratings: [{ id: 4, stars: 4, decisionDate: '2025-01-01', revokedOn: '2025-06-01' }] },
];
const ON = '2026-12-01';

describe('roll-ups', () => {
  it('counts products by current stars; expired and revoked count as none', () => {
    expect(countByStars(products, ON)).toEqual({ 3: 1, 4: 1, 5: 0, none: 2 });
  });
  it('counts rated products by QĐ 26 sector across class systems', () => {
    const by = countBySector(products, new ProductClassCatalog(loadProductClasses()), ON);
    expect(Object.fromEntries(by)).toEqual({ '26-I': 1, '26-II': 1 });
  });
  it('lists products expiring within N days, soonest first', () => {
    expect(expiringWithin(products, '2026-12-01', 40).map((x) => [x.product.id, x.validUntil])).toEqual([[2, '2027-01-10']]);
    expect(expiringWithin(products, '2026-12-01', 39)).toEqual([]);
  });
});
