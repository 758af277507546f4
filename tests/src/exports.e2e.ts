import { get as httpGet } from 'node:http';
import { gunzipSync } from 'node:zlib';
import type { Client } from 'pg';
import { connectCriteriaDb, gatewayBase } from './testkit/database';
import { connectGraph, tokenFor } from './testkit/graph';
import { parseNdjsonExport } from './testkit/exports';

const graph = connectGraph();
const exportsUrl = (query: string) => `${gatewayBase()}/exports/indicator-values?${query}`;

describe('streamed exports through the gateway', () => {
  let db: Client;
  let commune: { unitId: string; code: string };
  let district: { unitId: string; code: string };

  beforeAll(async () => {
    db = await connectCriteriaDb();
    const { rows } = await db.query<{ unit_id: string; code: string; parent: string }>(
      `select p.unit_id, p.code, p.ancestor_ids[array_length(p.ancestor_ids, 1)] as parent from unit_profile p
        where p.level = 'COMMUNE' and exists (select 1 from indicator_value v where v.unit_id = p.unit_id and v.year = 2024)
          -- in Nghệ An (the default dataset): other tests load other provinces, in any order
          and p.scope_ids && array['40@2025-03-01', '40@2025-07-01']
        order by p.unit_id limit 1`,
    );
    commune = { unitId: rows[0].unit_id, code: rows[0].code };
    const d = await db.query<{ unit_id: string; code: string }>(`select unit_id, code from unit_profile where unit_id = $1`, [rows[0].parent]);
    district = { unitId: d.rows[0].unit_id, code: d.rows[0].code };
  });
  afterAll(async () => {
    await db.query(`delete from indicator_value where source = 'export-test'`);
    await db.end();
  });

  it('exports a year as NDJSON with stable ids, the resume cursor at the end and in a header, and no unapproved value for anonymous readers', async () => {
    // A DRAFT value must not leak into open data.
    const { rows: ind } = await db.query<{ id: number }>(
      `select i.id from indicator i where i.set_code = (select i2.set_code from indicator_value v join indicator i2 on i2.id = v.indicator_id where v.unit_id = $1 limit 1)
          and not exists (select 1 from indicator_value v where v.unit_id = $1 and v.year = 2024 and v.indicator_id = i.id) limit 1`,
      [commune.unitId],
    );
    if (ind.length === 0)
      await db.query(
        `update indicator_value set status = 'DRAFT', source = 'export-test' where unit_id = $1 and year = 2024 and indicator_id = (select min(indicator_id) from indicator_value where unit_id = $1 and year = 2024)`,
        [commune.unitId],
      );
    else
      await db.query(
        `insert into indicator_value (indicator_id, year, unit_id, value, status, source, recorded_by) values ($1, 2024, $2, '1', 'DRAFT', 'export-test', 'test')`,
        [ind[0].id, commune.unitId],
      );
    const res = await fetch(exportsUrl('year=2024&within=40&format=ndjson'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/ndjson/);
    const { rows, end } = parseNdjsonExport(await res.text());
    // Approved 2024 values of units in Nghệ An (province 40 on either list; other tests load other provinces).
    const approved = (
      await db.query(
        `select count(*)::int as n from indicator_value v join unit_profile p on p.unit_id = v.unit_id
          where v.year = 2024 and v.status = 'APPROVED' and p.scope_ids && array['40@2025-03-01', '40@2025-07-01']`,
      )
    ).rows[0].n;
    expect(rows.length).toBe(approved);
    expect(end).toEqual({ type: 'end', cursor: res.headers.get('x-ntm-cursor'), count: rows.length });
    expect(rows.every((r) => r.status === 'APPROVED')).toBe(true);
    expect(rows[0]).toEqual(
      expect.objectContaining({
        op: 'UPSERT',
        position: null,
        unitId: expect.stringMatching(/@\d{4}-\d{2}-\d{2}$/),
        unitCode: expect.any(String),
        indicatorKey: expect.stringMatching(/^[A-Z0-9_]+\/.+$/),
        year: 2024,
      }),
    );
    expect(rows.some((r) => r.unitId === commune.unitId)).toBe(true);
    // Published changes turn the draft into a tombstone, never a value.
    const changes = await fetch(exportsUrl(`since=0&within=${commune.unitId}&format=ndjson`));
    const feed = parseNdjsonExport(await changes.text()).rows.filter((r) => r.year === 2024 && r.unitId === commune.unitId);
    expect(feed.every((r) => r.op !== 'UPSERT' || r.status === 'APPROVED')).toBe(true);
  });

  it('writes CSV with a header row, and gzip when asked', async () => {
    const plain = await (await fetch(exportsUrl(`year=2024&within=${district.code}&format=csv`))).text();
    const lines = plain.trim().split('\n');
    expect(lines[0]).toBe('op,position,unitId,unitCode,indicatorKey,year,value,status,changedAt');
    expect(lines.length).toBeGreaterThan(10);
    const zipped = await fetch(exportsUrl(`year=2024&within=${district.code}&format=csv&gzip=true`));
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    // fetch decompresses a gzip body itself; the bytes read back are the same rows.
    expect((await zipped.text()).trim().split('\n').sort()).toEqual([...lines].sort());
    const raw = await new Promise<Buffer>((resolve, reject) => {
      const url = new URL(exportsUrl(`year=2024&within=${district.code}&format=csv`));
      httpGet(url, { headers: { 'accept-encoding': 'gzip' } }, (res: any) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(Buffer.concat(chunks)));
      }).on('error', reject);
    });
    expect(gunzipSync(raw).toString('utf8')).toBe(plain);
  });

  it('answers 304 to an unchanged pull and a new version after a write', async () => {
    const url = exportsUrl(`year=2024&within=${commune.unitId}&format=ndjson`);
    const first = await fetch(url);
    await first.text();
    const etag = first.headers.get('etag')!;
    expect(etag).toBeTruthy();
    const again = await fetch(url, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    await db.query(
      `update indicator_value set recorded_at = now() where unit_id = $1 and year = 2024 and status = 'APPROVED' and indicator_id = (select min(indicator_id) from indicator_value where unit_id = $1 and year = 2024 and status = 'APPROVED')`,
      [commune.unitId],
    );
    const changed = await fetch(url, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    await changed.text();
  });

  it('an export started before a write does not half-include it; the cursor it gives delivers the write whole', async () => {
    const res = await fetch(exportsUrl('year=2024&format=ndjson'));
    expect(res.status).toBe(200);
    const cursor = res.headers.get('x-ntm-cursor')!;
    // The export's snapshot is taken; now a write of many rows commits while the body is still streaming.
    const marker = '2001-01-01T00:00:00+00:00';
    const { rowCount } = await db.query(
      `update indicator_value set recorded_at = $1 where year = 2024 and status = 'APPROVED' and indicator_id = (select min(indicator_id) from indicator_value where year = 2024)`,
      [marker],
    );
    expect(rowCount).toBeGreaterThan(100);
    const { rows } = parseNdjsonExport(await res.text());
    expect(rows.filter((r) => r.changedAt.startsWith('2001-01-01')).length).toBe(0);
    const changes = parseNdjsonExport(await (await fetch(exportsUrl(`year=2024&format=ndjson&since=${cursor}`))).text()).rows;
    expect(changes.filter((r) => r.changedAt && r.op === 'UPSERT').length).toBeGreaterThanOrEqual(rowCount!);
    // … and an export after it has all of it.
    const after = parseNdjsonExport(await (await fetch(exportsUrl('year=2024&format=ndjson'))).text()).rows;
    expect(after.filter((r) => r.changedAt.startsWith('2001-01-01')).length).toBe(rowCount);
  });

  it('exports DHIS2 dataValueSets JSON that imports back unchanged', async () => {
    const url = exportsUrl(`year=2024&within=${district.code}&format=dhis2`);
    const before = (await (await fetch(url)).json()) as { dataValues: any[] };
    expect(before.dataValues.length).toBeGreaterThan(10);
    expect(Object.keys(before.dataValues[0]).sort()).toEqual(['comment', 'dataElement', 'lastUpdated', 'orgUnit', 'period', 'storedBy', 'value']);
    const ids = await db.query<{ unit_id: string }>(`select unit_id from unit_profile where unit_id = $1 or ancestor_ids @> array[$1]`, [
      district.unitId,
    ]);
    await db.query(`delete from indicator_value where year = 2024 and unit_id = any($1::text[])`, [ids.rows.map((r) => r.unit_id)]);

    // written SUBMITTED by an editor, then approved by another user (APPROVED is given only by approval).
    const editor = await tokenFor({ role: 'ADMIN', sub: 'dhis2-reimport' });
    const approver = await tokenFor({ role: 'ADMIN', sub: 'dhis2-approver' });
    for (let i = 0; i < before.dataValues.length; i += 500) {
      const chunk = before.dataValues.slice(i, i + 500);
      const input = chunk.map((d) => ({
        unitCode: d.orgUnit,
        asOf: '2024-06-30',
        indicatorCode: d.dataElement,
        year: Number(d.period),
        value: d.value,
        status: String(d.comment) === 'status=APPROVED' ? 'SUBMITTED' : String(d.comment).replace(/^status=/, ''),
      }));
      const written = await graph.ok(
        `mutation($input: [IndicatorValueInput!]!) { setIndicatorValues(input: $input) { writtenCount errors { row field reason } } }`,
        { input },
        { auth: editor },
      );
      expect(written.setIndicatorValues.errors).toEqual([]);
      const keys = chunk
        .filter((d) => d.comment === 'status=APPROVED')
        .map((d) => ({ unitCode: d.orgUnit, asOf: '2024-06-30', indicatorCode: d.dataElement, year: Number(d.period) }));
      const approved = await graph.ok(
        `mutation($input: [IndicatorValueKeyInput!]!) { approveIndicatorValues(input: $input) { writtenCount errors { row field reason } } }`,
        { input: keys },
        { auth: approver },
      );
      expect(approved.approveIndicatorValues.errors).toEqual([]);
    }
    const after = (await (await fetch(url)).json()) as { dataValues: any[] };
    const strip = (d: any) => ({ dataElement: d.dataElement, period: d.period, orgUnit: d.orgUnit, value: d.value, comment: d.comment });
    const sort = (a: any[]) => a.map(strip).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
    expect(sort(after.dataValues)).toEqual(sort(before.dataValues));
  });

  it('gives the ministry every status, an editor only their units, and refuses a bad token', async () => {
    await db.query(
      `insert into indicator_value (indicator_id, year, unit_id, value, status, source, recorded_by)
       select min(indicator_id), 2012, $1, '1', 'DRAFT', 'export-test', 'test' from indicator_value where unit_id = $1 on conflict do nothing`,
      [commune.unitId],
    );
    const draft = await db.query<{ n: number }>(`select count(*)::int as n from indicator_value where unit_id = $1 and status <> 'APPROVED'`, [
      commune.unitId,
    ]);
    const ministry = await tokenFor({ role: 'MINISTRY' });
    const all = parseNdjsonExport(
      await (await fetch(exportsUrl(`within=${commune.unitId}`), { headers: { authorization: `Bearer ${ministry}` } })).text(),
    ).rows;
    const anonymous = parseNdjsonExport(await (await fetch(exportsUrl(`within=${commune.unitId}`))).text()).rows;
    expect(draft.rows[0].n).toBeGreaterThan(0);
    expect(all.length).toBe(anonymous.length + draft.rows[0].n);
    expect(all.some((r) => r.status !== 'APPROVED')).toBe(true);
    const outsider = await tokenFor({ role: 'EDITOR', units: ['01'] });
    const refused = await fetch(exportsUrl(`within=${commune.unitId}`), { headers: { authorization: `Bearer ${outsider}` } });
    expect(refused.status).toBe(403);
    const bad = await fetch(exportsUrl('year=2024'), { headers: { authorization: 'Bearer not-a-token' } });
    expect(bad.status).toBe(401);
    // Past the gateway, a subgraph export route answers nobody without the gateway's identity.
    const direct = await fetch(
      `${JSON.parse(process.env.NTM_TEST_SUBGRAPH_URLS!).criteria.replace(/\/graphql$/, '')}/internal/exports/indicator-values?year=2024`,
    );
    expect(direct.status).toBe(401);
  });

  it('names a bad parameter, and serves the data dictionary with its licence', async () => {
    const bad = await fetch(exportsUrl('year=20x4'));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).errors[0].message).toMatch(/^year: /);
    const unknown = await fetch(exportsUrl('within=99999'));
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as any).errors[0].extensions.field).toBe('within');
    const dictionary = (await (await fetch(`${gatewayBase()}/exports/dictionary`)).json()) as any;
    expect(Object.keys(dictionary.columns)).toEqual(['op', 'position', 'unitId', 'unitCode', 'indicatorKey', 'year', 'value', 'status', 'changedAt']);
    expect(dictionary.licence.placeholder).toBe(true);
    expect(graph).toBeDefined();
  });
});
