import { connectGraph, leaksNothing } from './testkit/graph';

const graph = connectGraph();

describe('administrative units through the gateway', () => {
  it('answers Nghệ An before the reform: 20 districts, 412 communes', async () => {
    const data = await graph.ok(`{
      adminUnit(code: "40", asOf: "2024-06-30") { name level children(first: 50) { totalCount } descendantCount(level: COMMUNE) }
    }`);
    expect(data.adminUnit).toEqual({ name: 'Tỉnh Nghệ An', level: 'PROVINCE', children: { totalCount: 20 }, descendantCount: 412 });
  });

  it('answers Nghệ An today (no asOf): 130 communes', async () => {
    const data = await graph.ok(`{ adminUnit(code: "40") { descendantCount(level: COMMUNE) } }`);
    expect(data.adminUnit.descendantCount).toBe(130);
  });

  it('tells the two units behind code 00004 apart by date', async () => {
    const before = await graph.ok(`{ adminUnit(code: "00004", asOf: "2024-06-30") { id name validTo } }`);
    const after = await graph.ok(`{ adminUnit(code: "00004") { id name validFrom } }`);
    expect(before.adminUnit).toEqual({ id: '00004@2025-03-01', name: 'Phường Trúc Bạch', validTo: '2025-06-30' });
    expect(after.adminUnit).toEqual({ id: '00004@2025-07-01', name: 'Phường Ba Đình', validFrom: '2025-07-01' });
  });

  it('walks the hierarchy: parent, ancestors, children pages', async () => {
    const data = await graph.ok(`{
      adminUnit(code: "00004", asOf: "2024-06-30") { parent { code name } ancestors { code level } }
    }`);
    expect(data.adminUnit.parent).toEqual({ code: '001', name: 'Quận Ba Đình' });
    expect(data.adminUnit.ancestors).toEqual([
      { code: '01', level: 'PROVINCE' },
      { code: '001', level: 'DISTRICT' },
    ]);
    const first = await graph.ok(
      `{ adminUnit(code: "40", asOf: "2024-06-30") { children(first: 15) { edges { node { code } } pageInfo { hasNextPage endCursor } } } }`,
    );
    const page1 = first.adminUnit.children;
    expect(page1.edges).toHaveLength(15);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await graph.ok(
      `query($after: String) { adminUnit(code: "40", asOf: "2024-06-30") { children(first: 15, after: $after) { edges { node { code } } pageInfo { hasNextPage } } } }`,
      { after: page1.pageInfo.endCursor },
    );
    expect(second.adminUnit.children.edges).toHaveLength(5);
    expect(second.adminUnit.children.pageInfo.hasNextPage).toBe(false);
    const codes = [...page1.edges, ...second.adminUnit.children.edges].map((e: any) => e.node.code);
    expect(new Set(codes).size).toBe(20);
  });

  it.each(['nghe an', 'Tinh Nghe An', 'NGHỆ AN', 'Tỉnh  Nghệ   An'])('search "%s" finds Nghệ An first', async (search) => {
    const data = await graph.ok(
      `query($search: String) { adminUnits(filter: { search: $search }, first: 5) { totalCount edges { node { code name } } } }`,
      { search },
    );
    expect(data.adminUnits.edges[0].node).toEqual({ code: '40', name: 'Tỉnh Nghệ An' });
  });

  it('search treats hóa and hoá alike', async () => {
    const a = await graph.ok(`{ adminUnits(filter: { search: "Thanh Hoá", level: PROVINCE, asOf: "2024-06-30" }) { edges { node { name } } } }`);
    const b = await graph.ok(`{ adminUnits(filter: { search: "Thanh Hóa", level: PROVINCE }) { edges { node { name } } } }`);
    expect(a.adminUnits.edges[0].node.name).toBe('Tỉnh Thanh Hóa');
    expect(b.adminUnits.edges[0].node.name).toBe('Tỉnh Thanh Hoá');
  });

  it('search within a province as of a date, paged with cursors', async () => {
    const q = `query($after: String) {
      adminUnits(filter: { search: "hung dong", level: COMMUNE, within: "40", asOf: "2024-06-30" }, first: 20, after: $after) {
        totalCount edges { cursor node { code name } } pageInfo { hasNextPage endCursor }
      }
    }`;
    const data = await graph.ok(q);
    expect(data.adminUnits.edges.map((e: any) => e.node.name)).toContain('Phường Hưng Đông');
    expect(data.adminUnits.totalCount).toBe(data.adminUnits.edges.length);
    const many = await graph.ok(
      `{ adminUnits(filter: { search: "an", level: COMMUNE, within: "40", asOf: "2024-06-30" }, first: 20) { totalCount pageInfo { hasNextPage endCursor } } }`,
    );
    expect(many.adminUnits.totalCount).toBeGreaterThan(20);
    expect(many.adminUnits.pageInfo.hasNextPage).toBe(true);
  });

  it('returns null for an unknown code, without error', async () => {
    const res = await graph.query(`{ adminUnit(code: "nonexistent") { name } }`);
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    expect(res.data.adminUnit).toBeNull();
  });

  it('rejects a wrongly typed code with HTTP 400', async () => {
    const res = await graph.query(`{ adminUnit(code: 40) { name } }`);
    expect(res.status).toBe(400);
    expect(res.errors?.[0].message).toMatch(/String/);
    expect(leaksNothing(res.raw)).toBe(true);
  });

  it.each(['yesterday', '2024-02-30', '30/06/2024'])('rejects asOf "%s" with HTTP 400 and a clear message', async (asOf) => {
    const literal = await graph.query(`{ adminUnit(code: "40", asOf: "${asOf}") { name } }`);
    expect(literal.status).toBe(400);
    expect(literal.errors?.[0].message).toMatch(/YYYY-MM-DD/);
    const variable = await graph.query(`query($d: Date) { adminUnit(code: "40", asOf: $d) { name } }`, { d: asOf });
    expect(variable.status).toBe(400);
    expect(variable.errors?.[0].message).toMatch(/YYYY-MM-DD/);
    expect(leaksNothing(literal.raw + variable.raw)).toBe(true);
  });

  it('names the field of a bad filter', async () => {
    const res = await graph.query(`{ adminUnits(filter: { within: "999" }) { totalCount } }`);
    expect(res.errors?.[0].message).toMatch(/filter\.within/);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const big = await graph.query(`{ adminUnits(first: 100000) { totalCount } }`);
    expect(big.errors?.[0].message).toMatch(/first must be between 0 and 500/);
  });

  it('carries generated villages and area attributes, marked as generated', async () => {
    const data = await graph.ok(`{
      adminUnit(code: "40", asOf: "2024-06-30") { descendantCount(level: VILLAGE) region }
      communes: adminUnits(filter: { level: COMMUNE, within: "40", asOf: "2024-06-30" }, first: 1) {
        edges { node { generated areaAttributesSource children(first: 1) { totalCount edges { node { level generated kind } } } } }
      }
    }`);
    expect(data.adminUnit.descendantCount).toBeGreaterThan(412 * 4 - 1);
    expect(data.adminUnit.region).toBe('BTB');
    const commune = data.communes.edges[0].node;
    expect(commune.generated).toBe(false);
    expect(commune.areaAttributesSource).toMatch(/^GENERATED/);
    expect(commune.children.totalCount).toBeGreaterThanOrEqual(4);
    expect(commune.children.edges[0].node).toMatchObject({ level: 'VILLAGE', generated: true });
  });

  it('counts descendants of any subtree in one SQL statement, country-wide included', async () => {
    const one = await graph.countStatements('admin-units', () =>
      graph.ok(`{ adminUnit(code: "40", asOf: "2024-06-30") { descendantCount(level: COMMUNE) } }`),
    );
    const all = await graph.countStatements('admin-units', () =>
      graph.ok(`{ adminUnits(filter: { level: PROVINCE, asOf: "2024-06-30" }, first: 100) { edges { node { descendantCount(level: COMMUNE) } } } }`),
    );
    const total = all.result.adminUnits.edges.reduce((n: number, e: any) => n + e.node.descendantCount, 0);
    expect(total).toBe(10047);
    // one statement finds the unit, one counts; for 63 provinces: one lists them, one counts them all
    expect(one.statements).toBe(2);
    expect(all.statements).toBe(2);
  });

  it('answers client mistakes with HTTP 400, never 500', async () => {
    const post = (body: unknown) =>
      fetch(process.env.NTM_TEST_GATEWAY_URL!, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const wrongName = await post({ query: 'query A { unitLists { id } }', operationName: 'B' });
    expect(wrongName.status).toBe(400);
    expect(((await wrongName.json()) as { errors: { message: string }[] }).errors[0].message).toMatch(/^operationName: .*"B"/);
    expect((await post({ query: 'query A { unitLists { id } } query B { unitLists { id } }' })).status).toBe(400);
    expect((await post({ query: 'subscription { x }' })).status).toBe(400);
    const nul = await post({ query: 'query($w: String) { adminUnits(filter: { within: $w }) { totalCount } }', variables: { w: 'a\u0000b' } });
    expect(nul.status).toBe(400);
    const search = await graph.query(`{ adminUnits(filter: { search: "%" }) { totalCount } }`);
    expect(search.errors?.[0].message).toMatch(/^filter\.search:/);
    const date = await graph.query(`{ adminUnit(code: "40", asOf: "yesterday") { name } }`);
    expect(date.errors?.[0].message).toMatch(/Date.*"yesterday"/);
    expect(date.errors?.[0].locations).toBeDefined();
  });

  it('pages the children of many units in a bounded number of statements', async () => {
    const all = await graph.countStatements('admin-units', () =>
      graph.ok(
        `{ adminUnits(filter: { level: PROVINCE, asOf: "2024-06-30" }, first: 100) { edges { node { children(first: 500) { totalCount edges { node { code } } } } } } }`,
      ),
    );
    const provinces = all.result.adminUnits.edges.map((e: any) => e.node.children);
    expect(provinces).toHaveLength(63);
    expect(provinces.reduce((n: number, c: any) => n + c.edges.length, 0)).toBe(696);
    for (const c of provinces) expect(c.edges).toHaveLength(c.totalCount);
    expect(all.statements).toBeGreaterThan(0);
    expect(all.statements).toBeLessThanOrEqual(3); // the provinces, their child pages, their child counts
  });

  it('rejects over-deep queries with HTTP 400', async () => {
    const deep = 'parent { '.repeat(16) + 'code' + ' }'.repeat(16);
    const res = await graph.query(`{ adminUnit(code: "00004", asOf: "2024-06-30") { ${deep} } }`);
    expect(res.status).toBe(400);
    expect(res.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });
});

describe('the gateway for browser clients', () => {
  it('answers CORS preflights and health checks', async () => {
    const url = process.env.NTM_TEST_GATEWAY_URL!;
    const preflight = await fetch(url, {
      method: 'OPTIONS',
      headers: { origin: 'https://dashboard.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    const health = await fetch(url.replace(/graphql$/, 'health'));
    expect(await health.json()).toEqual({ status: 'ok' });
  });
});
