import type { RowError } from '@ntm/kit';
import { Client } from 'pg';
import { foldText } from '@ntm/names';
import { OcopWriteService } from '@ntm/ocop';
import { connectGraph, leaksNothing, tokenFor } from './testkit/graph';

/**
 * The OCOP & cooperatives subgraph through the gateway (issue 12): the contract query with names from
 * admin-units, roll-ups in a bounded number of SQL statements, search without diacritics, the tables
 * exactly as the entities describe them, and writes refused with the field named and nothing written.
 */
const graph = connectGraph();

const CONTRACT = `{
  adminUnit(code: "40") {
    name
    ocopProducts(filter: { minStars: 4 }, first: 50) {
      totalCount
      edges { node { code name stars productSet { code nameVi sector { nameVi } }
        commune { code name }
        owner { __typename name ... on Cooperative { registrationNumber legalForm members } }
        currentRating { score stars decisionNumber decidedOn authority validUntil } } }
    }
    expiring: ocopProducts(filter: { expiresWithinDays: 90 }, first: 50) { totalCount }
    ocopSummary { byStars { stars count } linkedCommuneShare digitalZoneShare expiring(days: 90) }
  }
}`;

describe('ocop subgraph', () => {
  it('has tables exactly as its entities describe them (migrations and entities agree)', async () => {
    const res = await fetch(`${process.env.NTM_TEST_CONTROL_URL}/schema-diff?subgraph=ocop`);
    const body = (await res.json()) as { sql: string };
    // seed_state is the kit's seed bookkeeping table (created by seedOnce, described by no entity).
    const statements = body.sql.split('\n').filter((line) => line.trim() && !line.includes('"seed_state"'));
    expect(statements).toEqual([]);
  });

  it('answers the contract query with unit names from admin-units, consistent with its own roll-ups', async () => {
    const data = await graph.ok(CONTRACT);
    const unit = data.adminUnit;
    expect(unit.name).toBe('Tỉnh Nghệ An');
    const byStars = Object.fromEntries(unit.ocopSummary.byStars.map((s: { stars: number; count: number }) => [s.stars, s.count]));
    expect(unit.ocopProducts.totalCount).toBe(byStars[4] + byStars[5]);
    expect(unit.ocopProducts.totalCount).toBeGreaterThan(0);
    expect(unit.expiring.totalCount).toBe(unit.ocopSummary.expiring);
    for (const { node } of unit.ocopProducts.edges) {
      expect(node.currentRating.stars).toBeGreaterThanOrEqual(4);
      expect(node.stars).toBe(node.currentRating.stars);
      expect(node.commune.name).toEqual(expect.any(String));
      expect(node.productSet.sector?.nameVi ?? null).not.toBeUndefined();
      expect(['Cooperative', 'CooperativeGroup', 'Enterprise', 'Farm', 'HouseholdBusiness']).toContain(node.owner.__typename);
      if (node.owner.__typename === 'Cooperative') expect(node.owner.registrationNumber).toEqual(expect.any(String));
      expect(node.currentRating.validUntil > node.currentRating.decidedOn).toBe(true);
    }
    for (const share of [unit.ocopSummary.linkedCommuneShare, unit.ocopSummary.digitalZoneShare]) {
      if (share !== null) expect(share >= 0 && share <= 1).toBe(true);
    }
  });

  it('computes the roll-ups of a province and of the country in a bounded number of SQL statements', async () => {
    const summary = `byStars { stars count } bySector { sector { code } count } expiring(days: 90) linkedCommuneShare digitalZoneShare listingsByPlatform { platform count }`;
    const province = await graph.countStatements('ocop', () => graph.ok(`{ adminUnit(code: "40") { ocopSummary { ${summary} } } }`));
    const country = await graph.countStatements('ocop', () => graph.ok(`{ ocopNationalSummary { ${summary} } }`));
    // byStars and bySector share one statement per request only if batched; each field is at most one.
    expect(province.statements).toBeLessThanOrEqual(6);
    expect(country.statements).toBeLessThanOrEqual(6);
    const sum = (d: { byStars: { count: number }[] }) => d.byStars.reduce((n, s) => n + s.count, 0);
    expect(sum(country.result.ocopNationalSummary)).toBeGreaterThanOrEqual(sum(province.result.adminUnit.ocopSummary));
    const page = await graph.countStatements('ocop', () => graph.ok(CONTRACT));
    expect(page.statements).toBeLessThanOrEqual(12);
  });

  it('finds products by name without diacritics, and an area through the lineage of its units', async () => {
    const data = await graph.ok(`{ ocopProducts(first: 1) { edges { node { name commune { id } } } } }`);
    const { name } = data.ocopProducts.edges[0].node;
    const words = foldText(name).split(' ').slice(0, 2).join(' ');
    const found = await graph.ok(`query ($q: String!) { ocopProducts(filter: { search: $q }, first: 500) { totalCount edges { node { name } } } }`, {
      q: words,
    });
    expect(found.ocopProducts.edges.map((e: { node: { name: string } }) => e.node.name)).toContain(name);
    for (const e of found.ocopProducts.edges) expect(foldText(e.node.name)).toContain(words);
    // Products registered on the pre-reform list count under today's provinces: the two default
    // provinces together hold every generated product.
    const total = await graph.ok(
      `{ ocopProducts(first: 0) { totalCount } a: adminUnit(code: "40") { ocopProducts(first: 0) { totalCount } } b: adminUnit(code: "42") { ocopProducts(first: 0) { totalCount } } }`,
    );
    const old = await graph.ok(`{ adminUnit(code: "40", asOf: "2024-06-30") { ocopProducts(first: 0) { totalCount } } }`);
    expect(total.a.ocopProducts.totalCount + total.b.ocopProducts.totalCount).toBeGreaterThanOrEqual(total.ocopProducts.totalCount);
    // Without the lineage, today's province would count only products registered on the current list.
    expect(old.adminUnit.ocopProducts.totalCount).toBeGreaterThan(0);
    expect(total.a.ocopProducts.totalCount).toBeGreaterThanOrEqual(old.adminUnit.ocopProducts.totalCount);
  });

  it('refuses writes without a signed-in user (UNAUTHENTICATED) and writes nothing', async () => {
    const before = await graph.ok(`{ ocopProducts(first: 0) { totalCount } }`);
    const res = await graph.query(
      `mutation { createOcopProduct(input: { name: "Mật ong test", productSetCode: "26-I.3.b", cooperativeId: "1", commune: "40@2025-07-01" }) { code } }`,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(leaksNothing(res.raw)).toBe(true);
    const after = await graph.ok(`{ ocopProducts(first: 0) { totalCount } }`);
    expect(after.ocopProducts.totalCount).toBe(before.ocopProducts.totalCount);
  });

  it("refuses a write outside the signed-in user's units (FORBIDDEN, naming the unit) and one by a role that may not make it", async () => {
    const write = `mutation { createOcopProduct(input: { name: "Mật ong test", productSetCode: "26-I.3.b", cooperativeId: "1", commune: "40@2025-07-01" }) { code } }`;
    const outside = await graph.query(write, {}, { auth: await tokenFor({ role: 'EDITOR', units: ['42'], sub: 'editor-42-ocop' }) });
    expect(outside.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', units: ['40@2025-07-01'] });
    const ministry = await graph.query(write, {}, { auth: await tokenFor({ role: 'MINISTRY', sub: 'ministry-ocop' }) });
    expect(ministry.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

/**
 * Validation of writes, on the same database, through the write service with a stand-in authorizer
 * (authorization is tested through the gateway above).
 */
describe('ocop writes', () => {
  // The write service on a plain pg connection: MikroORM does not survive jest's module sandbox
  // (the ORM behind the gateway runs in the global setup's realm). The shim offers the two calls the
  // service makes — execute, and a transaction with raw — with knex's `?` placeholders.
  let client: Client;
  const TODAY = '2026-12-01';
  /** Stand-in for `authorize` (tested through the gateway above): allows everything, so validation alone is tested here. */
  const allowAll = async () => ({ sub: 'test', name: 'test', roles: ['ADMIN' as const], units: [] });
  const toDollar = (sql: string) => {
    let n = 0;
    return sql.replace(/\?/g, () => `$${++n}`);
  };
  const exec = async (sql: string, params: unknown[] = []) => (await client.query(toDollar(sql), params)).rows;
  const em = {
    getConnection: () => ({
      execute: exec,
      transactional: async <T>(cb: (trx: { raw: (sql: string, p?: unknown[]) => Promise<{ rows: unknown[] }> }) => Promise<T>): Promise<T> => {
        await client.query('begin');
        try {
          const result = await cb({ raw: async (sql, p = []) => ({ rows: await exec(sql, p) }) });
          await client.query('commit');
          return result;
        } catch (error) {
          await client.query('rollback');
          throw error;
        }
      },
    }),
  };
  let writes: OcopWriteService;
  let communeId: string;
  let districtId: string;

  beforeAll(async () => {
    client = new Client({ connectionString: process.env.NTM_TEST_DATABASE_URL, options: '-c search_path=ocop,public' });
    await client.connect();
    writes = new OcopWriteService(em as never, { user: null, em: em as never }, allowAll, () => TODAY);
    const units = await graph.ok(`{ now: adminUnit(code: "40") { children(first: 1) { edges { node { id } } } }
      old: adminUnit(code: "40", asOf: "2024-06-30") { children(first: 1) { edges { node { id } } } } }`);
    communeId = units.now.children.edges[0].node.id;
    districtId = units.old.children.edges[0].node.id;
  });
  afterAll(async () => client?.end());

  const count = async (table: string) => Number((await exec(`select count(*) as n from ${table}`))[0].n);
  const refusedOn = async (write: () => Promise<unknown>, table: string): Promise<string[]> => {
    const before = await count(table);
    let fields: string[] = [];
    await write().then(
      () => {
        throw new Error('the write was accepted');
      },
      (error: { extensions?: { code?: string; problems?: RowError[] } }) => {
        expect(error.extensions?.code).toBe('BAD_USER_INPUT');
        fields = (error.extensions?.problems ?? []).map((p) => p.field);
      },
    );
    expect(await count(table)).toBe(before);
    return fields;
  };

  const coop = (registrationNumber: string) => ({
    legalForm: 'COOPERATIVE',
    registrationNumber,
    name: 'HTX Nông nghiệp Thử nghiệm',
    commune: communeId,
    foundedOn: '2020-01-15',
    members: 12,
    mainSector: 'AGRICULTURE',
  });
  const rating = (productCode: string, over: Record<string, unknown> = {}) => ({
    productCode,
    score: 60,
    partA: 25,
    partB: 15,
    partC: 20,
    stars: 3,
    decisionNumber: '123/QĐ-UBND',
    decisionDate: '2026-10-01',
    authority: { level: 'PROVINCE', unitCode: '40', name: 'UBND tỉnh Nghệ An' },
    ...over,
  });

  it('creates a cooperative and refuses a duplicate registration number, naming the field', async () => {
    await writes.createCooperative(coop('4001999001'));
    expect(await refusedOn(() => writes.createCooperative(coop(' 4001999001 ')), 'cooperative')).toContain('registrationNumber');
  });

  it('refuses a product in a district, naming the field', async () => {
    const [{ id }] = await exec(`select id from cooperative where registration_key = '4001999001'`);
    expect(
      await refusedOn(
        () => writes.createProduct({ name: 'Mật ong rừng', productSetCode: '26-I.3.b', cooperativeId: String(id), commune: districtId }),
        'ocop_product',
      ),
    ).toContain('commune');
  });

  it('refuses 6 stars, stars disagreeing with the score, a 5★ by a province, a future decision — nothing written', async () => {
    const [{ id }] = await exec(`select id from cooperative where registration_key = '4001999001'`);
    const code = await writes.createProduct({
      name: 'Mật ong rừng Thử nghiệm',
      productSetCode: '26-I.3.b',
      cooperativeId: String(id),
      commune: communeId,
    });
    expect(await refusedOn(() => writes.recordRating(rating(code, { stars: 6 })), 'ocop_rating')).toContain('stars');
    expect(
      await refusedOn(() => writes.recordRating(rating(code, { score: 95, partA: 38, partB: 24, partC: 33, stars: 4 })), 'ocop_rating'),
    ).toContain('stars');
    const fivebyProvince = await refusedOn(
      () => writes.recordRating(rating(code, { score: 95, partA: 38, partB: 24, partC: 33, stars: 5 })),
      'ocop_rating',
    );
    expect(fivebyProvince).toContain('authority.level');
    expect(await refusedOn(() => writes.recordRating(rating(code, { decisionDate: '2026-12-02' })), 'ocop_rating')).toContain('decisionDate');
    const ratingId = await writes.recordRating(rating(code));
    const q = `query ($c: String!) { ocopProduct(code: $c) { code communeToday { id } currentRating(asOf: "${TODAY}") { stars authority } ratings { stars revocation { ground revokedOn } } } }`;
    const data = await graph.ok(q, { c: code });
    expect(data.ocopProduct.currentRating).toEqual({ stars: 3, authority: 'UBND tỉnh Nghệ An' });
    expect(data.ocopProduct.communeToday).toEqual([{ id: communeId }]);
    expect(data.ocopProduct.code).toMatch(/^OCOP-40-\d{5}-2026-\d{4}$/);

    // Revocation: refused without a reason or dated before the decision; then recorded, and the product has no current rating.
    const revoke = (over: Record<string, unknown> = {}) =>
      writes.revokeRating({
        ratingId: String(ratingId),
        ground: 'MISUSE_OF_OCOP_MARK',
        reason: 'Dùng nhãn OCOP sai quy định',
        revokedOn: '2026-11-15',
        decisionNumber: '45/QĐ-UBND',
        authority: { level: 'PROVINCE', unitCode: '40', name: 'Chủ tịch UBND tỉnh Nghệ An' },
        ...over,
      });
    expect(await refusedOn(() => revoke({ reason: ' ' }), 'ocop_revocation')).toContain('reason');
    expect(await refusedOn(() => revoke({ revokedOn: '2026-09-30' }), 'ocop_revocation')).toContain('revokedOn');
    await revoke();
    const after = await graph.ok(q, { c: code });
    expect(after.ocopProduct.currentRating).toBeNull();
    expect(after.ocopProduct.ratings).toEqual([{ stars: 3, revocation: { ground: 'MISUSE_OF_OCOP_MARK', revokedOn: '2026-11-15' } }]);
  });

  it('an expired rating leaves the product without a current rating but in its history', async () => {
    const [{ id }] = await exec(`select id from cooperative where registration_key = '4001999001'`);
    const code = await writes.createProduct({
      name: 'Nước mắm Thử nghiệm',
      productSetCode: '26-I.3.b',
      cooperativeId: String(id),
      commune: communeId,
    });
    await writes.recordRating(rating(code, { productSetCode: '148-1', decisionDate: '2023-06-01' }));
    const q = `query ($c: String!, $d: Date!) { ocopProduct(code: $c) { currentRating(asOf: $d) { decidedOn validUntil } ratings { decidedOn validUntil } } }`;
    const now = await graph.ok(q, { c: code, d: TODAY });
    expect(now.ocopProduct.currentRating).toBeNull();
    expect(now.ocopProduct.ratings).toEqual([{ decidedOn: '2023-06-01', validUntil: '2026-06-01' }]);
    const then = await graph.ok(q, { c: code, d: '2026-06-01' });
    expect(then.ocopProduct.currentRating).toEqual({ decidedOn: '2023-06-01', validUntil: '2026-06-01' });
  });
});
