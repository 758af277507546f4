import { loadProductClasses } from '../product-classes';
import { ProductClassCatalog } from './classes';
import { validateCooperative } from './cooperative';
import { CommuneInput, NationalDataset } from './generate';
import { validateLinkageProject } from './linkage';
import { parseProductCode } from './product-code';
import { currentRating, validateRating } from './rating';

/** Test communes (made up): an old three-level list and a new two-level list. */
function communes(): CommuneInput[] {
  const out: CommuneInput[] = [];
  let n = 100;
  for (const p of ['01', '02', '40'])
    for (const d of ['1', '2'])
      for (let i = 0; i < 10; i++, n++) {
        out.push({
          id: `${String(n).padStart(5, '0')}@2025-03-01`,
          code: String(n).padStart(5, '0'),
          provinceCode: p,
          districtCode: `${p}${d}`,
          validFrom: '2025-03-01',
          validTo: '2025-06-30',
        });
      }
  for (const p of ['01', '40'])
    for (let i = 0; i < 12; i++, n++) {
      out.push({
        id: `${String(n).padStart(5, '0')}@2025-07-01`,
        code: String(n).padStart(5, '0'),
        provinceCode: p,
        validFrom: '2025-07-01',
        validTo: null,
      });
    }
  return out;
}
const TODAY = '2026-12-01';
const classes = loadProductClasses();
const catalog = new ProductClassCatalog(classes);
const make = (scale = 0.05, seed = 7) => new NationalDataset(communes(), classes, { scale, seed, today: TODAY });

describe('NationalDataset', () => {
  const ds = make();

  it('gives the same linkage rows in project bundles as in the four table methods', () => {
    const bundles = [...ds.projectBundles()];
    expect(bundles.map((b) => b.project)).toEqual([...ds.projects()]);
    expect(bundles.flatMap((b) => b.participants)).toEqual([...ds.projectParticipants()]);
    expect(bundles.flatMap((b) => b.communes)).toEqual([...ds.projectCommunes()]);
    expect(bundles.flatMap((b) => b.supportItems)).toEqual([...ds.supportItems()]);
  });
  const products = [...ds.products()];
  const ratings = [...ds.ratings()];

  it('is deterministic for a seed and differs for another', () => {
    const again = make();
    expect([...again.ratings()]).toEqual(ratings);
    expect(JSON.stringify([...again.projects()])).toBe(JSON.stringify([...ds.projects()]));
    expect([...make(0.05, 8).products()].map((p) => p.name)).not.toEqual(products.map((p) => p.name));
  });

  it('scales the counts', () => {
    expect(products).toHaveLength(900);
    expect([...ds.owners()]).toHaveLength(500);
    expect(ds.counts.cooperatives).toBe(1750);
    expect(make(0.1).counts.products).toBe(1800);
  });

  it('marks every row generated', () => {
    const tables = [
      ds.owners(),
      ds.cooperatives(),
      ds.products(),
      ds.ratings(),
      ds.listings(),
      ds.projects(),
      ds.projectParticipants(),
      ds.projectCommunes(),
      ds.supportItems(),
    ];
    for (const t of tables) for (const row of t) expect(row.generated).toBe(true);
  });

  it('gives unique ids, product codes and registration numbers', () => {
    const unique = <T>(xs: T[]) => new Set(xs).size === xs.length;
    expect(unique(products.map((p) => p.code))).toBe(true);
    expect(products.every((p) => parseProductCode(p.code) !== null)).toBe(true);
    expect(unique(ratings.map((r) => r.id))).toBe(true);
    expect(unique([...ds.listings()].map((l) => l.id))).toBe(true);
    expect(unique([...ds.supportItems()].map((s) => s.id))).toBe(true);
    const coops = [...ds.cooperatives()];
    expect(unique(coops.map((c) => c.registrationNumber))).toBe(true);
  });

  it('produces ratings that pass the rating rules, under the class in force on the decision date', () => {
    for (const r of ratings) {
      const set = catalog.get(r.productSetCode)!;
      const problems = validateRating(
        { ...r, authority: { level: r.authorityLevel, unitCode: r.authorityUnitCode, name: r.authorityName }, productSet: set },
        TODAY,
      );
      expect({ id: r.id, problems }).toEqual({ id: r.id, problems: [] });
    }
  });

  it('keeps pre-2026 products in their old class and has expired, revoked, extended and district-issued history', () => {
    expect(products.some((p) => p.classSystem === 'QD148_2023')).toBe(true);
    expect(products.some((p) => p.classSystem === 'QD1048_2019')).toBe(true);
    expect(ratings.some((r) => r.validUntil < TODAY && !r.reRatingDecidedOn)).toBe(true);
    expect(ratings.some((r) => r.revokedOn)).toBe(true);
    expect(ratings.some((r) => r.authorityLevel === 'DISTRICT' && r.stars === 3 && r.decisionDate <= '2025-06-30')).toBe(true);
    expect(ratings.every((r) => r.authorityLevel !== 'DISTRICT' || r.decisionDate <= '2025-06-30')).toBe(true);
  });

  it('has plausible current-star shares (≈76% 3★, 23% 4★, ~1% 5★; research §1.6)', () => {
    const big = make(0.3, 11);
    const byProduct = new Map<number, ReturnType<typeof big.ratingsOf>>();
    for (let i = 0; i < big.counts.products; i++) byProduct.set(i + 1, big.ratingsOf(i));
    const current = [...byProduct.values()].map((h) => currentRating(h, TODAY)).filter((r) => r !== null);
    const share = (s: number) => current.filter((r) => r.stars === s).length / current.length;
    expect(share(3)).toBeGreaterThan(0.66);
    expect(share(3)).toBeLessThan(0.84);
    expect(share(4)).toBeGreaterThan(0.15);
    expect(share(4)).toBeLessThan(0.32);
    expect(share(5)).toBeLessThan(0.02);

    console.log(`current ratings: ${current.length}; 3★ ${share(3).toFixed(3)}, 4★ ${share(4).toFixed(3)}, 5★ ${share(5).toFixed(3)}`);
    expect(current.length).toBeLessThan(big.counts.products); // expired and revoked ones are not current
  });

  it('owner types follow the published split (≈32% cooperatives)', () => {
    const owners = [...ds.owners()];
    const coops = owners.filter((o) => o.ownerType === 'COOPERATIVE');
    expect(coops.length / owners.length).toBeCloseTo(0.32, 2);
    const coopById = new Map([...ds.cooperatives()].map((c) => [c.id, c]));
    for (const o of coops) expect(coopById.get(o.cooperativeId!)?.communeId).toBe(o.communeId);
  });

  it('uses communes of the list in force when the owner was established', () => {
    const byId = new Map(communes().map((c) => [c.id, c]));
    for (const o of ds.owners()) {
      const c = byId.get(o.communeId)!;
      if (o.establishedOn >= '2025-07-01') expect(c.validFrom).toBe('2025-07-01');
      else expect(c.validFrom).toBe('2025-03-01');
    }
  });

  it('produces cooperatives and linkage projects that pass their rules', () => {
    for (const c of ds.cooperatives()) {
      const { problems } = validateCooperative({ ...c, communeCode: c.communeId }, { today: TODAY, communeLevel: 'COMMUNE' });
      expect(problems).toEqual([]);
    }
    const participants = [...ds.projectParticipants()];
    const communesOf = [...ds.projectCommunes()];
    const items = [...ds.supportItems()];
    for (const p of ds.projects()) {
      const problems = validateLinkageProject(
        {
          ...p,
          participants: participants.filter((x) => x.projectId === p.id),
          communeCodes: communesOf.filter((x) => x.projectId === p.id).map((x) => x.communeId),
          rawMaterialZone: p.rawMaterialAreaHa === null ? null : { areaHa: p.rawMaterialAreaHa, growingAreaCodes: p.growingAreaCodes },
          supportItems: items.filter((x) => x.projectId === p.id),
        },
        TODAY,
      );
      expect({ id: p.id, problems }).toEqual({ id: p.id, problems: [] });
    }
  });

  it('refuses bad options naming them', () => {
    expect(() => new NationalDataset(communes(), classes, { scale: 0, today: TODAY })).toThrow(/scale/);
    expect(() => new NationalDataset([], classes, { today: TODAY })).toThrow(/communes/);
  });
});
