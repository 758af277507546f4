/**
 * The DHIS2 round trip (issue 14): a district of Nghệ An (province 40, which the default synthetic
 * dataset fills; other tests load other provinces, in any order) exported in DHIS2's data-value CSV
 * (`format=dhis2csv`) or dataValueSets JSON (`format=dhis2`) goes back through `POST /imports`: the
 * dry run finds every row, every row UNCHANGED, no error; committing writes nothing, and a second
 * export is the same bytes. Only values of a criteria set not in force in the year (which the import
 * refuses by rule) may be rejected, and exactly those, counted from the database.
 */
import type { Client } from 'pg';
import { connectCriteriaDb, gatewayBase } from './testkit/database';
import { connectGraph, tokenFor } from './testkit/graph';

const graph = connectGraph();

describe('DHIS2 export → POST /imports round trip', () => {
  let db: Client;
  let district: { unitId: string; code: string };
  let ministry = '';
  let editor = '';

  beforeAll(async () => {
    db = await connectCriteriaDb();
    // A district (2024 list) of Nghệ An with 2024 values in more than one status.
    const { rows } = await db.query<{ unit_id: string; code: string }>(
      `select d.unit_id, d.code from unit_profile d
        where d.level = 'DISTRICT' and d.scope_ids && array['40@2025-03-01']
          and exists (select 1 from indicator_value v join unit_profile c on c.unit_id = v.unit_id
                       where v.year = 2024 and c.ancestor_ids @> array[d.unit_id])
        order by d.unit_id limit 1`,
    );
    expect(rows.length).toBe(1);
    district = { unitId: rows[0].unit_id, code: rows[0].code };
    ministry = await tokenFor({ role: 'MINISTRY', sub: 'dhis2-round-trip-reader' });
    editor = await tokenFor({ role: 'EDITOR', units: ['40'], sub: 'dhis2-round-trip-editor' });
  });
  afterAll(async () => {
    await db.end();
  });

  const exportCsv = async (): Promise<string> => {
    const res = await fetch(`${gatewayBase()}/exports/indicator-values?year=2024&within=${district.code}&format=dhis2csv`, {
      headers: { authorization: `Bearer ${ministry}` },
    });
    expect(res.status).toBe(200);
    return res.text();
  };

  const job = async (id: string): Promise<any> => {
    for (let i = 0; i < 900; i++) {
      const data = await graph.ok(
        `query($id: ID!) { importJob(id: $id) { status failure counts { rows ok warning error create update unchanged reject } conflicts { reason count rows } } }`,
        { id },
        { auth: editor },
      );
      if (data.importJob.status !== 'RUNNING') return data.importJob;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`import ${id} still running`);
  };

  it('re-imports every exported row of DHIS2 CSV unchanged, and the export after the commit is byte-identical', async () => {
    const before = await exportCsv();
    const lines = before.trim().split('\n');
    expect(lines[0]).toBe('dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,followup');
    // What the database holds for the district's units (commune values, and the district's own).
    // … and how many of them belong to a criteria set not in force in 2024 (the synthetic loader
    // wrote 2026–2030 values for earlier years; the import rightly refuses those, naming the set).
    const stored = await db.query<{ n: number; outOfForce: number }>(
      `select count(*)::int as n,
              count(*) filter (where 2024 not between substr(s.phase, 1, 4)::int and substr(s.phase, 6, 4)::int)::int as "outOfForce"
         from indicator_value v join unit_profile p on p.unit_id = v.unit_id
         join indicator i on i.id = v.indicator_id join criteria_set s on s.code = i.set_code
        where v.year = 2024 and (p.unit_id = $1 or p.ancestor_ids @> array[$1])`,
      [district.unitId],
    );
    const dataRows = lines.length - 1;
    expect(dataRows).toBe(stored.rows[0].n);
    expect(dataRows).toBeGreaterThan(10);
    const refused = stored.rows[0].outOfForce;
    const same = dataRows - refused;
    expect(same).toBeGreaterThan(10);

    const form = new FormData();
    form.append('file', new Blob([before]), `nghe-an-${district.code}-2024.dhis2.csv`);
    const upload = await fetch(`${gatewayBase()}/imports?source=dhis2-round-trip`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${editor}` },
    });
    expect(upload.status).toBe(202);
    const { id } = (await upload.json()) as { id: string };
    const dryRun = await job(id);
    expect(dryRun.failure).toBeNull();
    expect(dryRun.status).toBe('READY');
    expect(dryRun.conflicts.map((c: any) => [c.reason, c.count])).toEqual(refused ? [['INDICATOR_NOT_IN_FORCE', refused]] : []);
    expect(dryRun.counts).toEqual({ rows: dataRows, ok: same, warning: 0, error: refused, create: 0, update: 0, unchanged: same, reject: refused });

    const positionBefore = (await db.query<{ p: string | null }>(`select max(position)::text as p from change_log`)).rows[0].p;
    const committed = await graph.ok(
      `mutation($id: ID!) { commitImport(id: $id) { status counts { rows create update unchanged reject } } }`,
      { id },
      { auth: editor },
    );
    expect(committed.commitImport).toEqual({
      status: 'COMMITTED',
      counts: { rows: dataRows, create: 0, update: 0, unchanged: same, reject: refused },
    });
    // Nothing was written: no change of the district's values entered the feed.
    const written = await db.query<{ n: number }>(
      `select count(*)::int as n from change_log c join unit_profile p on p.unit_id = c.unit_id
        where c.position > coalesce($1::bigint, 0) and c.year = 2024 and (p.unit_id = $2 or p.ancestor_ids @> array[$2])`,
      [positionBefore, district.unitId],
    );
    expect(written.rows[0].n).toBe(0);
    const sortLines = (text: string) => text.trim().split('\n').slice(1).sort();
    const after = await exportCsv();
    // COPY's row order is not promised; the bytes of every row (values, status comment, storedBy, lastUpdated) are.
    expect(after.split('\n')[0]).toBe(lines[0]);
    expect(sortLines(after)).toEqual(sortLines(before));
    expect(after.length).toBe(before.length);
  });

  it('re-imports DHIS2 dataValueSets JSON (format=dhis2) the same way: every data value UNCHANGED', async () => {
    const res = await fetch(`${gatewayBase()}/exports/indicator-values?year=2024&within=${district.code}&format=dhis2`, {
      headers: { authorization: `Bearer ${ministry}` },
    });
    const before = await res.text();
    const values = (JSON.parse(before) as { dataValues: { dataElement: string }[] }).dataValues;
    expect(values.length).toBeGreaterThan(10);
    const refused = (
      await db.query<{ n: number }>(
        `select count(*)::int as n from indicator_value v join unit_profile p on p.unit_id = v.unit_id
           join indicator i on i.id = v.indicator_id join criteria_set s on s.code = i.set_code
          where v.year = 2024 and (p.unit_id = $1 or p.ancestor_ids @> array[$1])
            and 2024 not between substr(s.phase, 1, 4)::int and substr(s.phase, 6, 4)::int`,
        [district.unitId],
      )
    ).rows[0].n;
    const same = values.length - refused;
    const form = new FormData();
    form.append('file', new Blob([before]), `nghe-an-${district.code}-2024.dhis2.json`);
    const upload = await fetch(`${gatewayBase()}/imports?source=dhis2-json-round-trip`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${editor}` },
    });
    expect(upload.status).toBe(202);
    const dryRun = await job(((await upload.json()) as { id: string }).id);
    expect(dryRun.failure).toBeNull();
    expect(dryRun.conflicts.map((c: any) => [c.reason, c.count])).toEqual(refused ? [['INDICATOR_NOT_IN_FORCE', refused]] : []);
    expect(dryRun.counts).toEqual({
      rows: values.length,
      ok: same,
      warning: 0,
      error: refused,
      create: 0,
      update: 0,
      unchanged: same,
      reject: refused,
    });
  });
});
