/**
 * Reference data and roll-ups as open-data files (issue 14): GET /exports lists every export of
 * every subgraph with a description of each column; admin units, the criteria catalogue and the
 * attainment roll-up stream without sign-in, with ETags (304 when unchanged), and the roll-up counts
 * approved values only. Expected numbers come from the database or the graph, never written here.
 */
import type { Client } from 'pg';
import { connectCriteriaDb, gatewayBase } from './testkit/database';
import { connectGraph } from './testkit/graph';
import { fetchNdjsonExport } from './testkit/exports';

const graph = connectGraph();
const url = (path: string) => `${gatewayBase()}/exports/${path}`;

async function ndjson(path: string): Promise<{ rows: any[]; etag: string }> {
  const { rows, res } = await fetchNdjsonExport(path);
  return { rows, etag: res.headers.get('etag')! };
}

describe('open-data files: the export index, reference data and roll-ups', () => {
  let db: Client;
  let index: any;
  beforeAll(async () => {
    db = await connectCriteriaDb();
    const res = await fetch(`${gatewayBase()}/exports`);
    expect(res.status).toBe(200);
    index = await res.json();
  });
  afterAll(async () => {
    await db.end();
  });

  const entry = (name: string) => index.exports.find((e: any) => e.name === name);

  it('lists every export, the subgraph serving it, and a description of every column, with the licence', () => {
    const names = index.exports.map((e: any) => `${e.subgraph}:${e.name}`);
    for (const n of [
      'admin-units:admin-units',
      'criteria:indicator-values',
      'criteria:dictionary',
      'criteria:criteria-sets',
      'criteria:attainment-summary',
      'pilot-models:pilots',
      'ocop:ocop-ratings',
    ])
      expect(names).toContain(n);
    expect(index.unavailable).toEqual([]);
    expect(index.licence.placeholder).toBe(true);
    for (const e of index.exports.filter((x: any) => x.name !== 'dictionary')) {
      expect(Object.keys(e.columns).length).toBeGreaterThan(3);
      for (const [column, description] of Object.entries(e.columns))
        expect([column, typeof description, (description as string).length > 10]).toEqual([column, 'string', true]);
    }
  });

  it('streams an official unit list without sign-in, as CSV with the dictionary’s columns, and answers 304 when unchanged', async () => {
    const res = await fetch(url('admin-units?list=2025-07-01&level=PROVINCE&format=csv'));
    expect(res.status).toBe(200);
    const lines = (await res.text()).trim().split('\n');
    expect(lines[0].split(',')).toEqual(Object.keys(entry('admin-units').columns));
    const { rows } = await db.query<{ n: number }>(
      `select count(*)::int as n from admin_units.admin_unit where list_id = '2025-07-01' and level = 'PROVINCE'`,
    );
    expect(lines.length - 1).toBe(rows[0].n);
    const etag = res.headers.get('etag')!;
    expect((await fetch(url('admin-units?list=2025-07-01&level=PROVINCE&format=csv'), { headers: { 'if-none-match': etag } })).status).toBe(304);
    // Another list is another version.
    const old = await fetch(url('admin-units?list=2025-03-01&level=PROVINCE&format=csv'), { headers: { 'if-none-match': etag } });
    expect(old.status).toBe(200);
    await old.text();
  });

  it('gives a province’s subtree on the old list as NDJSON', async () => {
    const { rows } = await ndjson('admin-units?list=2025-03-01&within=40');
    const expected = await db.query<{ id: string }>(
      `select id from admin_units.admin_unit where list_id = '2025-03-01' and (id = '40@2025-03-01' or ancestor_ids @> array['40@2025-03-01']) order by id`,
    );
    expect(rows.map((r) => r.id).sort()).toEqual(expected.rows.map((r) => r.id));
    const province = rows.find((r) => r.id === '40@2025-03-01');
    expect(province).toMatchObject({ code: '40', level: 'PROVINCE', listId: '2025-03-01', parentId: null });
    expect(typeof province.mountainous).toBe('boolean');
    const bad = await fetch(url('admin-units?level=TOWN'));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).errors[0].extensions.field).toBe('level');
    const list = await fetch(url('admin-units?list=1999-01-01'));
    expect(((await list.json()) as any).errors[0].extensions.field).toBe('list');
  });

  it('streams the criteria catalogue with thresholds for a year', async () => {
    const { rows, etag } = await ndjson('criteria-sets?year=2024');
    const expected = await db.query<{ n: number; sets: string[] }>(
      `select count(*)::int as n, array_agg(distinct s.code order by s.code) as sets from indicator i join criteria_set s on s.code = i.set_code
        where 2024 between substr(s.phase, 1, 4)::int and substr(s.phase, 6, 4)::int`,
    );
    expect(rows.length).toBe(expected.rows[0].n);
    expect([...new Set(rows.map((r) => r.setCode))].sort()).toEqual(expected.rows[0].sets);
    expect(Object.keys(rows[0])).toEqual(Object.keys(entry('criteria-sets').columns));
    expect(rows.some((r) => r.thresholdRule !== null)).toBe(true);
    expect((await fetch(url('criteria-sets?year=2024&format=ndjson'), { headers: { 'if-none-match': etag } })).status).toBe(304);
    const bad = await fetch(url('criteria-sets?set=NOPE'));
    expect(((await bad.json()) as any).errors[0].extensions.field).toBe('set');
  });

  it('rolls attainment up from approved values only: a value that is no longer approved counts as missing', async () => {
    const SET = 'COMMUNE_NTM_2021_2025';
    const query = `query($set: String!) { attainmentSummary(set: $set, year: 2024, within: "40") {
      unitCount metCount indicators { code metCount notMetCount noDataCount notEvaluatedCount } criteria { code metCount notMetCount noDataCount } } }`;
    // One approved 2024 value of a Nghệ An commune for an indicator with a threshold.
    const { rows: picked } = await db.query<{ indicator_id: number; unit_id: string; code: string }>(
      `select v.indicator_id, v.unit_id, i.code from indicator_value v join indicator i on i.id = v.indicator_id
         join unit_profile p on p.unit_id = v.unit_id
        where v.year = 2024 and v.status = 'APPROVED' and i.set_code = $1 and i.threshold_rule is not null
          and p.scope_ids && array['40@2025-03-01', '40@2025-07-01']
        order by v.unit_id, i.code limit 1`,
      [SET],
    );
    const { indicator_id, unit_id, code } = picked[0];
    const before = await ndjson(`attainment-summary?year=2024&within=40&set=${SET}`);
    const graphBefore = (await graph.ok(query, { set: SET })).attainmentSummary;
    const indicatorRow = (rows: any[]) => rows.find((r) => r.scope === 'INDICATOR' && r.code === code);
    // With every value approved, the open-data roll-up and the graph agree.
    expect(before.rows.find((r) => r.scope === 'SET')).toMatchObject({
      setCode: SET,
      year: 2024,
      unitCount: graphBefore.unitCount,
      metCount: graphBefore.metCount,
    });
    const graphIndicator = graphBefore.indicators.find((i: any) => i.code === code);
    expect(indicatorRow(before.rows)).toMatchObject({
      metCount: graphIndicator.metCount,
      notMetCount: graphIndicator.notMetCount,
      noDataCount: graphIndicator.noDataCount,
    });
    await db.query(`update indicator_value set status = 'SUBMITTED' where indicator_id = $1 and year = 2024 and unit_id = $2`, [
      indicator_id,
      unit_id,
    ]);
    try {
      const after = await fetch(url(`attainment-summary?year=2024&within=40&set=${SET}&format=ndjson`), {
        headers: { 'if-none-match': before.etag },
      });
      expect(after.status).toBe(200);
      const rows = (await after.text())
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
        .slice(0, -1);
      const graphAfter = (await graph.ok(query, { set: SET })).attainmentSummary.indicators.find((i: any) => i.code === code);
      // The graph (every status) did not change; the published roll-up lost the value.
      expect(graphAfter).toEqual(graphIndicator);
      expect(indicatorRow(rows).noDataCount).toBe(graphIndicator.noDataCount + 1);
      expect(indicatorRow(rows).metCount + indicatorRow(rows).notMetCount).toBe(graphIndicator.metCount + graphIndicator.notMetCount - 1);
    } finally {
      await db.query(`update indicator_value set status = 'APPROVED' where indicator_id = $1 and year = 2024 and unit_id = $2`, [
        indicator_id,
        unit_id,
      ]);
    }
    const missing = await fetch(url('attainment-summary?within=40'));
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as any).errors[0].extensions.field).toBe('year');
  });
});
