/**
 * Spreadsheet imports through the gateway: upload (multipart) → dry run → choices → commit.
 *
 * The sample files are GENERATED here, from real communes of Hà Tĩnh (province 42, which the default synthetic dataset leaves without values) read from the
 * graph, and made messy on purpose: a title row and a two-row merged header, names without
 * diacritics, abbreviated ("X."), misspelt, an ambiguous name (two communes of the province share
 * it, no district given), an old commune name in a 2025 row (resolved through the 2025 lineage),
 * decimal commas, "85%", "đạt"/"không đạt", invalid values, a duplicated row and a name that
 * names nothing. Expected verdicts are derived from how each row was built, never hard-coded counts.
 */
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { connectGraph, subgraphUrls, tokenFor } from './testkit/graph';

const graph = connectGraph();
const gatewayUrl = process.env.NTM_TEST_GATEWAY_URL!;
const baseUrl = gatewayUrl.replace(/\/graphql$/, '');

/** Tokens of the embedded issuer (testkit): an EDITOR of Hà Tĩnh (42), an EDITOR of Nghệ An (40), a MINISTRY reader. */
let EDITOR_TOKEN = '';
let OTHER_EDITOR_TOKEN = '';
let MINISTRY_TOKEN = '';

interface Unit {
  code: string;
  name: string;
  parent: { name: string } | null;
}

interface Expectation {
  status: 'OK' | 'WARNING' | 'ERROR';
  reason?: string;
}

interface SampleRow {
  /** Cells: name, district, year, 2.2, 8.4, 17.1. */
  cells: (string | number)[];
  /** Expected verdict per indicator value (in column order, only for non-empty cells). */
  expect: Expectation[];
  /** The unit the row must resolve to (code), when it resolves. */
  unitCode?: string;
  note: string;
}

const INDICATORS = ['2.2', '8.4', '17.1'];

/** Strips Vietnamese diacritics ("Nghi Phong" from "Nghi Phong", "Hưng" → "Hung"). */
const unaccented = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
const core = (name: string) => name.replace(/^(Xã|Phường|Thị trấn)\s+/, '');

async function db(): Promise<Client> {
  const client = new Client({ connectionString: process.env.NTM_TEST_DATABASE_URL });
  await client.connect();
  await client.query('set search_path = criteria, public');
  return client;
}

async function upload(
  file: Buffer,
  fileName: string,
  params: Record<string, string> = {},
  token: string | null = EDITOR_TOKEN,
): Promise<{ status: number; body: any }> {
  const form = new FormData();
  for (const [k, v] of Object.entries(params)) form.append(k, v);
  form.append('file', new Blob([file]), fileName);
  const res = await fetch(`${baseUrl}/imports`, { method: 'POST', body: form, headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, body: await res.json() };
}

const JOB_FIELDS = `id status failure progress counts { rows ok warning error create update unchanged reject } conflicts { reason count rows }`;

async function finished(id: string): Promise<any> {
  for (let i = 0; i < 600; i++) {
    const data = await graph.ok(`query($id: ID!) { importJob(id: $id) { ${JOB_FIELDS} } }`, { id }, { auth: EDITOR_TOKEN });
    if (data.importJob.status !== 'RUNNING') return data.importJob;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`import ${id} still running`);
}

async function reportOf(id: string): Promise<any[]> {
  const data = await graph.ok(
    `query($id: ID!) { importJob(id: $id) { rows(status: [OK, WARNING, ERROR], first: 500) { totalCount edges { node { row item status action duplicateOf reasons { code field message } unit { code name } candidates { code name score } } } } } }`,
    { id },
    { auth: EDITOR_TOKEN },
  );
  return data.importJob.rows.edges.map((e: any) => e.node);
}

describe('spreadsheet imports', () => {
  let sample: SampleRow[];
  let ambiguous: { name: string; codes: string[] };
  let xlsx: Buffer;
  const TITLE_ROWS = 1;
  const HEADER_ROWS = 2;

  beforeAll(async () => {
    EDITOR_TOKEN = await tokenFor({ role: 'EDITOR', units: ['42'], sub: 'import-editor' });
    OTHER_EDITOR_TOKEN = await tokenFor({ role: 'EDITOR', units: ['40'], sub: 'nghe-an-editor' });
    MINISTRY_TOKEN = await tokenFor({ role: 'MINISTRY', sub: 'ministry-reader' });
    const data = await graph.ok<{ adminUnits: { edges: { node: Unit }[] } }>(
      `{ adminUnits(filter: { level: COMMUNE, within: "42", asOf: "2024-06-30" }, first: 500) { edges { node { code name parent { name } } } } }`,
    );
    const communes = data.adminUnits.edges.map((e) => e.node);
    const byCore = new Map<string, Unit[]>();
    for (const u of communes) byCore.set(unaccented(core(u.name)).toLowerCase(), [...(byCore.get(unaccented(core(u.name)).toLowerCase()) ?? []), u]);
    const unique = communes.filter(
      (u) => byCore.get(unaccented(core(u.name)).toLowerCase())!.length === 1 && core(u.name).length >= 9 && u.name.startsWith('Xã '),
    );
    // Two communes of the province whose names differ only by diacritics ("Phường Thạch Hạ", "Thị trấn Thạch Hà"),
    // written in capitals without diacritics or kind ("THACH HA"): ambiguous, and reported so.
    const shared = [...byCore.values()].find((units) => units.length >= 2);
    if (!shared) throw new Error('no two communes of the province share a name written without diacritics');
    ambiguous = { name: unaccented(core(shared[0].name)).toUpperCase(), codes: shared.map((u) => u.code) };

    // An old commune whose name is gone after the reform and which went whole into one new commune.
    const today = await graph.ok<{ adminUnits: { edges: { node: Unit }[] } }>(
      `{ adminUnits(filter: { level: COMMUNE, within: "42" }, first: 500) { edges { node { code name parent { name } } } } }`,
    );
    const newKeys = new Set(today.adminUnits.edges.map((e) => unaccented(core(e.node.name)).toLowerCase()));
    let old: { unit: Unit; successor: string } | null = null;
    for (const u of unique) {
      if (newKeys.has(unaccented(core(u.name)).toLowerCase())) continue;
      const links = await graph.ok(`query($c: String!) { adminUnit(code: $c, asOf: "2024-06-30") { successors { unit { code } } } }`, { c: u.code });
      if (links.adminUnit.successors.length === 1) {
        old = { unit: u, successor: links.adminUnit.successors[0].unit.code };
        break;
      }
    }
    if (!old) throw new Error('no old commune with a single successor in Hà Tĩnh');
    const [a, b, c, d, e, f] = unique.filter((u) => u.code !== old.unit.code);
    const ok: Expectation = { status: 'OK' };
    const warn = (reason: string): Expectation => ({ status: 'WARNING', reason });
    const err = (reason: string): Expectation => ({ status: 'ERROR', reason });
    // One typo inside the name core: swap two letters in the middle of the last syllable.
    const typo = (name: string) => {
      const i = name.length - 3;
      return name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2);
    };
    sample = [
      { cells: [a.name, a.parent!.name, 2024, 91.5, 'đạt', 96], expect: [ok, ok, ok], unitCode: a.code, note: 'clean' },
      {
        cells: [unaccented(b.name).toLowerCase(), unaccented(b.parent!.name), 2024, '85%', 'không đạt', '97,25'],
        expect: [ok, ok, ok],
        unitCode: b.code,
        note: 'no diacritics, lower case, % and decimal comma',
      },
      { cells: [`X. ${core(c.name)}`, '', 2024, '88,5', 'Đạt', '99'], expect: [ok, ok, ok], unitCode: c.code, note: 'abbreviated kind, no district' },
      {
        cells: [typo(d.name), d.parent!.name, 2024, '70', 'dat', '95'],
        expect: [warn('UNIT_MATCHED'), warn('UNIT_MATCHED'), warn('UNIT_MATCHED')],
        unitCode: d.code,
        note: 'one typo',
      },
      {
        cells: [ambiguous.name, '', 2024, '81', 'đạt', '96'],
        expect: [err('UNIT_AMBIGUOUS'), err('UNIT_AMBIGUOUS'), err('UNIT_AMBIGUOUS')],
        note: 'ambiguous: capitals without diacritics, no district',
      },
      {
        cells: [old.unit.name, '', 2025, '90', 'đạt', '98'],
        expect: [warn('UNIT_LINEAGE'), warn('UNIT_LINEAGE'), warn('UNIT_LINEAGE')],
        unitCode: old.successor,
        note: 'old name in a 2025 row',
      },
      {
        cells: [e.name, e.parent!.name, 2024, 'abc', 'có lẽ', '150'],
        expect: [err('VALUE_INVALID'), err('VALUE_INVALID'), err('VALUE_INVALID')],
        unitCode: e.code,
        note: 'bad values',
      },
      {
        cells: [a.name, a.parent!.name, 2024, 91.5, 'đạt', 96],
        expect: [err('DUPLICATE'), err('DUPLICATE'), err('DUPLICATE')],
        unitCode: a.code,
        note: 'duplicate of the first row',
      },
      {
        cells: ['Xã Không Có Thật Ở Đâu', '', 2024, '50', 'đạt', '50'],
        expect: [err('UNIT_UNMATCHED'), err('UNIT_UNMATCHED'), err('UNIT_UNMATCHED')],
        note: 'names nothing',
      },
      { cells: [f.name, f.parent!.name, 2024, '', 'không đạt', ''], expect: [ok], unitCode: f.code, note: 'empty cells carry no value' },
    ];

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Báo cáo');
    ws.addRow(['BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NÔNG THÔN MỚI (dữ liệu sinh tự động để kiểm thử)']);
    ws.addRow(['STT', 'Đơn vị', '', 'Năm', 'Chỉ tiêu', '', '']);
    ws.addRow(['', 'Tên xã', 'Huyện', '', ...INDICATORS]);
    ws.mergeCells('A1:G1');
    ws.mergeCells('B2:C2');
    ws.mergeCells('E2:G2');
    sample.forEach((row, i) => ws.addRow([i + 1, ...row.cells.map((c) => (c === '' ? null : c))]));
    xlsx = Buffer.from(await wb.xlsx.writeBuffer());
  });

  const rowNumberOf = (index: number) => TITLE_ROWS + HEADER_ROWS + index + 1;
  const expectedCounts = () => {
    const all = sample.flatMap((r) => r.expect);
    return {
      rows: all.length,
      ok: all.filter((e) => e.status === 'OK').length,
      warning: all.filter((e) => e.status === 'WARNING').length,
      error: all.filter((e) => e.status === 'ERROR').length,
    };
  };

  it('describes its tables exactly in its entities (no schema difference on import_ tables)', async () => {
    const res = await fetch(`${process.env.NTM_TEST_CONTROL_URL}/schema-diff?subgraph=criteria`);
    const { sql } = (await res.json()) as { sql: string };
    expect(sql.split('\n').filter((line) => /import_(job|row|mapping)/.test(line))).toEqual([]);
  });

  it('refuses an anonymous upload or a bad token with 401, and a reader without the EDITOR role with 403', async () => {
    for (const token of [null, 'not-a-token', EDITOR_TOKEN.slice(0, -4) + 'AAAA']) {
      const res = await upload(Buffer.from('a,b\n1,2\n'), 'x.csv', {}, token);
      expect(res.status).toBe(401);
      expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const reader = await upload(Buffer.from('a,b\n1,2\n'), 'x.csv', {}, MINISTRY_TOKEN);
    expect(reader.status).toBe(403);
    expect(reader.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('answers 401 to a direct call of the subgraph upload endpoint without the gateway identity', async () => {
    const res = await fetch(subgraphUrls().criteria.replace(/\/graphql$/, '/imports'), {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: 'a,b\n',
    });
    expect(res.status).toBe(401);
  });

  it('refuses a bad option naming the field', async () => {
    const res = await upload(Buffer.from('a,b\n1,2\n'), 'x.csv', { year: 'last year' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.field).toBe('year');
  });

  it('fails a file with no recognisable header, saying why', async () => {
    const res = await upload(Buffer.from('foo,bar\n1,2\n'), 'nothing.csv');
    expect(res.status).toBe(202);
    const job = await finished(res.body.id);
    expect(job.status).toBe('FAILED');
    expect(job.failure).toMatch(/unit/);
  });

  it('dry-runs a messy XLSX (merged two-row header) and reports every row, writing no value', async () => {
    const db0 = await db();
    try {
      const before = (await db0.query(`select count(*)::int as n from indicator_value`)).rows[0].n;
      const res = await upload(xlsx, 'xa-nghe-an-2024.xlsx', { source: 'e2e-nghe-an', year: '2024', within: '42' });
      expect(res.status).toBe(202);
      expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
      const job = await finished(res.body.id);
      expect(job.failure).toBeNull();
      expect(job.status).toBe('READY');
      expect(job.progress).toBe(1);
      expect(job.counts).toMatchObject(expectedCounts());
      // Nothing was stored yet: create + update + unchanged + reject account for every value, in separate buckets.
      expect(job.counts.create + job.counts.update + job.counts.unchanged + job.counts.reject).toBe(job.counts.rows);
      expect(job.counts.reject).toBe(job.counts.error);
      expect((await db0.query(`select count(*)::int as n from indicator_value`)).rows[0].n).toBe(before);

      const report = await reportOf(res.body.id);
      sample.forEach((row, i) => {
        const got = report.filter((r) => r.row === rowNumberOf(i));
        expect({ note: row.note, statuses: got.map((g) => g.status) }).toEqual({ note: row.note, statuses: row.expect.map((e) => e.status) });
        got.forEach((g, k) => {
          const want = row.expect[k];
          if (want.reason) expect(g.reasons.map((r: any) => r.code)).toContain(want.reason);
          if (row.unitCode && want.reason !== 'UNIT_AMBIGUOUS')
            expect({ note: row.note, code: g.unit?.code }).toEqual({ note: row.note, code: row.unitCode });
        });
      });
      const amb = report.find((r) => r.row === rowNumberOf(4))!;
      expect(amb.unit).toBeNull();
      expect(amb.candidates.map((c: any) => c.code)).toEqual(expect.arrayContaining(ambiguous.codes));
      const dup = report.find((r) => r.row === rowNumberOf(7))!;
      expect(dup.duplicateOf).toBe(rowNumberOf(0));
      // Conflicts are grouped by reason and carry their row numbers.
      const byReason = new Map(job.conflicts.map((c: any) => [c.reason, c]));
      expect((byReason.get('UNIT_AMBIGUOUS') as any).rows).toEqual([rowNumberOf(4)]);
      expect((byReason.get('DUPLICATE') as any).rows).toEqual([rowNumberOf(7)]);
      expect((byReason.get('VALUE_INVALID') as any).count).toBe(3);
      expect((byReason.get('UNIT_LINEAGE') as any).rows).toEqual([rowNumberOf(5)]);
    } finally {
      await db0.end();
    }
  });

  it('reads the same data as a semicolon CSV, and a DHIS2 data-value CSV by unit code', async () => {
    const lines = [
      'Tên xã;Huyện;Năm;Chỉ tiêu 2.2;Chỉ tiêu 8.4;Chỉ tiêu 17.1',
      ...sample.map((r) => r.cells.map((c) => String(c).replace(/"/g, '')).join(';')),
    ];
    const csv = await upload(Buffer.from(lines.join('\r\n'), 'utf8'), 'xa.csv', { year: '2024', within: '42' });
    expect(csv.status).toBe(202);
    const job = await finished(csv.body.id);
    expect(job.status).toBe('READY');
    expect(job.counts).toMatchObject({ rows: expectedCounts().rows, error: expectedCounts().error });

    const first = sample[0];
    const dhis2 = [
      'dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,followup',
      `2.2,2024,${first.unitCode},,,"91,5",someone,2024-12-01,,false`,
      `17.1,2024,${first.unitCode},,,96,someone,2024-12-01,,false`,
      `8.4,2024,99999,,,true,someone,2024-12-01,,false`,
    ].join('\n');
    // An APPROVED value of the synthetic Nghệ An dataset, sent with another value.
    const client = await db();
    const approved = await client
      .query(
        `select split_part(v.unit_id, '@', 1) as code, i.code as indicator, v.value from indicator_value v join indicator i on i.id = v.indicator_id
                join unit_profile p on p.unit_id = v.unit_id
               where v.status = 'APPROVED' and v.year = 2024 and i.set_code = 'COMMUNE_NTM_2021_2025' and i.value_type = 'PERCENTAGE'
                 and p.scope_ids && array['40@2025-03-01', '40@2025-07-01'] -- Nghệ An: other tests load other provinces, in any order
               order by v.unit_id, i.code limit 1`,
      )
      .finally(() => client.end());
    const { code, indicator, value } = approved.rows[0];
    const other = Number(value) >= 50 ? '1' : '99';
    const d = await upload(Buffer.from(`${dhis2}\n${indicator},2024,${code},,,${other},someone,2024-12-01,,false\n`), 'dhis2.csv');
    const dj = await finished(d.body.id);
    expect(dj.status).toBe('READY');
    expect(dj.counts).toMatchObject({ rows: 4, ok: 2, error: 2, create: 2, reject: 2 });
    expect(dj.conflicts).toEqual([
      { reason: 'APPROVED_VALUE', count: 1, rows: [5] },
      { reason: 'UNIT_UNMATCHED', count: 1, rows: [4] },
    ]);
  });

  it('refuses a commit without a signed-in EDITOR, or by an EDITOR of other units, writing nothing', async () => {
    const res = await upload(xlsx, 'xa.xlsx', { year: '2024', within: '42' });
    await finished(res.body.id);
    const mutation = `mutation($id: ID!) { commitImport(id: $id) { status } }`;
    const anonymous = await graph.query(mutation, { id: res.body.id });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const elsewhere = await graph.query(mutation, { id: res.body.id }, { auth: OTHER_EDITOR_TOKEN });
    expect(elsewhere.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(elsewhere.errors?.[0].message).toMatch(/outside the units/);
    const reader = await graph.query(mutation, { id: res.body.id }, { auth: MINISTRY_TOKEN });
    expect(reader.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const after = await graph.ok(`query($id: ID!) { importJob(id: $id) { status } }`, { id: res.body.id }, { auth: EDITOR_TOKEN });
    expect(after.importJob.status).toBe('READY');
    const client = await db();
    try {
      expect((await client.query(`select count(*)::int as n from indicator_value where source = $1`, [`import:${res.body.id}`])).rows[0].n).toBe(0);
    } finally {
      await client.end();
    }
  });

  it('lists imports of an area and its completeness for a year', async () => {
    const anonymous = await graph.query(`{ imports(within: "42") { id } }`);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const data = await graph.ok(
      `{ imports(within: "42", first: 50) { id status fileName createdBy } importQuality(within: "42", year: 2024) { cellCount filledCount filledShare approvedShare rejectedByReason { reason count } lastImport { id } } }`,
      {},
      { auth: EDITOR_TOKEN },
    );
    expect(data.imports[0].createdBy).toBe('import-editor');
    expect(data.imports.length).toBeGreaterThan(0);
    const q = data.importQuality;
    expect(q.cellCount).toBeGreaterThan(0);
    expect(q.filledShare).toBeCloseTo(q.filledCount / q.cellCount, 6);
    expect(q.rejectedByReason.map((r: any) => r.reason)).toEqual(expect.arrayContaining(['VALUE_INVALID', 'DUPLICATE']));
    expect(data.imports.map((i: any) => i.id)).toContain(q.lastImport.id);
  });

  describe('commit', () => {
    const commit = (id: string, variables: Record<string, unknown> = {}) =>
      fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${EDITOR_TOKEN}` },
        body: JSON.stringify({
          query: `mutation($id: ID!, $choices: [ImportChoiceInput!], $strategy: ImportStrategy) { commitImport(id: $id, choices: $choices, strategy: $strategy) { status counts { rows ok warning error create update unchanged reject } } }`,
          variables: { id, ...variables },
        }),
      }).then((r) => r.json() as Promise<any>);

    it('leaves nothing behind when the commit fails in the middle', async () => {
      const res = await upload(xlsx, 'xa.xlsx', { year: '2024', within: '42' });
      await finished(res.body.id);
      const client = await db();
      try {
        const target = sample[3].unitCode!;
        // A fault that strikes after some values of the statement are written: the whole commit must roll back.
        await client.query(`create or replace function criteria.e2e_fail_import() returns trigger language plpgsql as $$
          begin if new.unit_id like '${target}@%' then raise exception 'injected failure'; end if; return new; end $$`);
        await client.query(
          `create trigger e2e_fail_import before insert on criteria.indicator_value for each row execute function criteria.e2e_fail_import()`,
        );
        const answer = await commit(res.body.id);
        expect(answer.errors?.length).toBeGreaterThan(0);
        expect((await client.query(`select count(*)::int as n from indicator_value where source = $1`, [`import:${res.body.id}`])).rows[0].n).toBe(0);
        const job = await graph.ok(`query($id: ID!) { importJob(id: $id) { status } }`, { id: res.body.id }, { auth: EDITOR_TOKEN });
        expect(job.importJob.status).toBe('READY');
      } finally {
        await client.query(`drop trigger if exists e2e_fail_import on criteria.indicator_value`);
        await client.query(`drop function if exists criteria.e2e_fail_import()`);
        await client.end();
      }
    });

    it('commits with a choice for the ambiguous row; the counts match the database; the same file again changes nothing', async () => {
      const res = await upload(xlsx, 'xa.xlsx', { year: '2024', within: '42' });
      await finished(res.body.id);
      const bad = await commit(res.body.id, { choices: [{ row: rowNumberOf(4), unitCode: '00000' }] });
      expect(bad.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      const answer = await commit(res.body.id, { choices: [{ row: rowNumberOf(4), unitCode: ambiguous.codes[0] }] });
      expect(answer.errors).toBeUndefined();
      const counts = answer.data.commitImport.counts;
      expect(answer.data.commitImport.status).toBe('COMMITTED');
      const client = await db();
      try {
        const written = (await client.query(`select count(*)::int as n from indicator_value where source = $1`, [`import:${res.body.id}`])).rows[0].n;
        expect(written).toBe(counts.create + counts.update);
        // Each written value's history points at the import, and names who committed it.
        const history = await client.query(
          `select count(*)::int as n, array_agg(distinct changed_by) as who from indicator_value_change where source = $1`,
          [`import:${res.body.id}`],
        );
        expect(history.rows[0]).toEqual({ n: written, who: ['import-editor'] });
        // The ambiguous row now counts: 3 more values than the dry run accepted.
        expect(counts.error).toBe(expectedCounts().error - 3);
        const chosen = await client.query(`select count(*)::int as n from indicator_value where source = $1 and unit_id like $2`, [
          `import:${res.body.id}`,
          `${ambiguous.codes[0]}@%`,
        ]);
        expect(chosen.rows[0].n).toBe(3);
      } finally {
        await client.end();
      }
      const again = await commit(res.body.id);
      expect(again.errors[0].extensions.code).toBe('BAD_USER_INPUT');

      const second = await upload(xlsx, 'xa-again.xlsx', { year: '2024', within: '42' });
      const dry = await finished(second.body.id);
      expect(dry.counts.create).toBe(0);
      expect(dry.counts.update).toBe(0);
      const re = await commit(second.body.id, { choices: [{ row: rowNumberOf(4), unitCode: ambiguous.codes[0] }] });
      expect(re.data.commitImport.counts).toMatchObject({ create: 0, update: 0, unchanged: counts.create + counts.update });
    });
  });
});
