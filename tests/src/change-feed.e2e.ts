import type { Client } from 'pg';
import { connectCriteriaDb } from './testkit/database';
import { connectGraph } from './testkit/graph';
import { fetchNdjsonExport } from './testkit/exports';

const graph = connectGraph();

interface Change {
  op: string;
  position: string;
  unitId: string | null;
  indicatorKey: string | null;
  year: number | null;
  value: string | null;
  status: string | null;
}

const CHANGES = `query($since: String, $within: String, $first: Int) {
  indicatorValueChanges(since: $since, within: $within, first: $first) {
    edges { cursor node { op position unitId indicatorKey year value status } }
    pageInfo { endCursor hasNextPage }
  }
}`;

async function pull(
  since: string | null,
  within: string | null,
  first: number,
): Promise<{ changes: Change[]; endCursor: string; hasNextPage: boolean }> {
  const data = await graph.ok(CHANGES, { since, within, first });
  const c = data.indicatorValueChanges;
  return { changes: c.edges.map((e: any) => e.node), endCursor: c.pageInfo.endCursor, hasNextPage: c.pageInfo.hasNextPage };
}

/** The current state as a snapshot export gives it (published: approved values), and the cursor to continue from. */
async function snapshot(within: string): Promise<{ state: Map<string, string>; cursor: string }> {
  const { rows, end, res } = await fetchNdjsonExport(`indicator-values?format=ndjson&within=${encodeURIComponent(within)}`);
  expect(res.headers.get('x-ntm-cursor')).toBe(end.cursor);
  const state = new Map<string, string>();
  for (const row of rows) state.set(`${row.unitId}|${row.indicatorKey}|${row.year}`, `${row.value}|${row.status}`);
  return { state, cursor: end.cursor };
}

function apply(state: Map<string, string>, changes: Change[]): void {
  for (const c of changes) {
    const key = `${c.unitId}|${c.indicatorKey}|${c.year}`;
    if (c.op === 'UPSERT') state.set(key, `${c.value}|${c.status}`);
    else if (c.op === 'DELETE') state.delete(key);
    else throw new Error(`unexpected ${c.op} in this test`);
  }
}

describe('change feed: commit-safe cursors', () => {
  let a: Client;
  let b: Client;
  let unitId: string;
  let indicators: { id: number; key: string }[];

  beforeAll(async () => {
    a = await connectCriteriaDb();
    b = await connectCriteriaDb();
    // A commune with synthetic 2024 values, and indicators of its set it has no 2021 value for (free keys to write).
    const { rows } = await a.query<{ unit_id: string }>(
      `select v.unit_id from indicator_value v join indicator i on i.id = v.indicator_id
        where v.year = 2024 and i.set_code = 'COMMUNE_NTM_2021_2025' order by v.unit_id desc limit 1`,
    );
    unitId = rows[0].unit_id;
    const ind = await a.query<{ id: number; key: string }>(
      `select i.id, i.set_code || '/' || i.code as key from indicator i where i.set_code = 'COMMUNE_NTM_2021_2025' order by i.id limit 6`,
    );
    indicators = ind.rows;
    expect(indicators.length).toBeGreaterThanOrEqual(3);
    await a.query(`delete from indicator_value where unit_id = $1 and year = 2011`, [unitId]);
  });

  afterEach(async () => {
    // A failed test must not leave a transaction holding locks.
    await a.query('rollback').catch(() => undefined);
    await b.query('rollback').catch(() => undefined);
  });

  afterAll(async () => {
    await a.query(`delete from indicator_value where unit_id = $1 and year = 2011`, [unitId]).catch(() => undefined);
    await a.end();
    await b.end();
  });

  const write = (c: Client, indicatorId: number, value: string, status = 'APPROVED') =>
    c.query(
      `insert into indicator_value (indicator_id, year, unit_id, value, numeric_value, status, source, recorded_by)
       values ($1, 2011, $2, $3::text, $5::float8, $4, 'feed-test', 'feed-test')
       on conflict (indicator_id, year, unit_id) do update set value = excluded.value, numeric_value = excluded.numeric_value, status = excluded.status`,
      [indicatorId, unitId, value, status, Number(value)],
    );

  it('never passes over a change that commits after a later one became visible', async () => {
    const start = await snapshot(unitId);
    // Transaction A takes the earlier position and stays open; B takes a later one and commits.
    await a.query('begin');
    await write(a, indicators[0].id, '1');
    await b.query('begin');
    await write(b, indicators[1].id, '2');
    await b.query('commit');
    const [{ a_pos }] = (await a.query(`select max(position)::text as a_pos from change_log where xid = pg_current_xact_id()`)).rows;
    const [{ b_pos }] = (await b.query(`select max(position)::text as b_pos from change_log where unit_id = $1 and year = 2011`, [unitId])).rows;
    expect(BigInt(a_pos)).toBeLessThan(BigInt(b_pos));

    // While A is open, B's change is held back: a reader by position alone would deliver it now and then skip A's.
    const first = await pull(start.cursor, unitId, 100);
    expect(first.changes.filter((c) => c.year === 2011)).toEqual([]);

    await a.query('commit');
    const second = await pull(first.endCursor, unitId, 100);
    const mine = second.changes.filter((c) => c.year === 2011);
    expect(mine.map((c) => [c.indicatorKey, c.value])).toEqual([
      [indicators[0].key, '1'],
      [indicators[1].key, '2'],
    ]);
    // And nothing twice.
    const third = await pull(second.endCursor, unitId, 100);
    expect(third.changes).toEqual([]);
  });

  it('a puller following writes, approvals and deletions by cursor ends with exactly the database state', async () => {
    const start = await snapshot(unitId);
    const state = start.state;
    let cursor = start.cursor;
    const seen = new Set<string>();
    let writing = true;
    let failed = false;
    const puller = (async () => {
      let pulls = 0;
      while ((writing && !failed) || pulls === 0) {
        const page = await pull(cursor, unitId, 3);
        for (const c of page.changes) {
          expect(seen.has(c.position)).toBe(false);
          seen.add(c.position);
        }
        apply(state, page.changes);
        cursor = page.endCursor;
        pulls++;
      }
      return pulls;
    })().catch((error) => {
      failed = true;
      throw error;
    });
    // Deterministic interleavings: two connections, transactions overlapping in both orders.
    const clients = [a, b];
    for (let round = 0; round < 12 && !failed; round++) {
      const [x, y] = round % 2 ? [a, b] : [b, a];
      const i = indicators[round % indicators.length].id;
      const j = indicators[(round + 1) % indicators.length].id;
      await x.query('begin');
      await write(x, i, String(round), round % 3 === 0 ? 'DRAFT' : 'APPROVED');
      await y.query('begin');
      if (round % 4 === 1 && j !== i)
        await y.query(`delete from indicator_value where unit_id = $1 and year = 2011 and indicator_id = $2`, [unitId, j]);
      // (never the row x holds: y would wait for x, which waits for this loop)
      else
        await y.query(
          `update indicator_value set status = 'APPROVED' where unit_id = $1 and year = 2011 and status = 'DRAFT' and indicator_id <> $2`,
          [unitId, i],
        );
      await y.query('commit');
      await new Promise((r) => setTimeout(r, 20));
      await x.query(round % 5 === 4 ? 'rollback' : 'commit');
    }
    expect(clients).toHaveLength(2);
    writing = false;
    const pulls = await puller;
    expect(pulls).toBeGreaterThan(1);
    // Drain what is left.
    for (;;) {
      const page = await pull(cursor, unitId, 50);
      apply(state, page.changes);
      cursor = page.endCursor;
      if (!page.hasNextPage && page.changes.length === 0) break;
    }
    const { rows } = await a.query<{ key: string; v: string }>(
      `select v.unit_id || '|' || i.set_code || '/' || i.code || '|' || v.year as key, v.value || '|' || v.status as v
         from indicator_value v join indicator i on i.id = v.indicator_id where v.unit_id = $1 and v.status = 'APPROVED'`,
      [unitId],
    );
    expect(new Map(rows.map((r) => [r.key, r.v]))).toEqual(state);
    expect([...state.keys()].some((k) => k.endsWith('|2011'))).toBe(true);
  });

  it('records API writes and recognition decisions in the same transaction, and refuses a bad cursor naming it', async () => {
    const before = (await a.query(`select count(*)::int as n from change_log where entity = 'RECOGNITION_DECISION'`)).rows[0].n;
    const { rows } = await a.query<{ code: string; set_code: string }>(
      `select p.code, i.set_code from indicator_value v join indicator i on i.id = v.indicator_id join unit_profile p on p.unit_id = v.unit_id
        where v.unit_id = $1 limit 1`,
      [unitId],
    );
    const listDate = unitId.split('@')[1];
    await graph
      .ok(`mutation($input: RecognitionInput!) { recordRecognitionDecision(input: $input) { id } }`, {
        input: {
          unitCode: rows[0].code,
          asOf: listDate,
          setCode: rows[0].set_code,
          decisionNumber: '77/QĐ-FEED',
          decidedOn: listDate,
          authority: 'feed test',
        },
      })
      .catch(async () => {
        // The set may not be one a decision can be recorded for; the trigger is what is under test.
        await a.query(
          `insert into recognition_decision (unit_id, set_code, decision_number, decided_on, authority) values ($1, $2, '77/QĐ-FEED', now(), 'feed test')`,
          [unitId, rows[0].set_code],
        );
      });
    const after = (await a.query(`select count(*)::int as n from change_log where entity = 'RECOGNITION_DECISION'`)).rows[0].n;
    expect(after).toBe(before + 1);
    await a.query(`delete from recognition_decision where decision_number = '77/QĐ-FEED'`);
    // Without arguments: from the start, every unit.
    const all = await graph.ok(`{ indicatorValueChanges(first: 2) { edges { node { op } } pageInfo { hasNextPage } } }`);
    expect(all.indicatorValueChanges.edges).toHaveLength(2);
    const bad = await graph.query(`{ indicatorValueChanges(since: "12345") { pageInfo { endCursor } } }`);
    expect(bad.errors?.[0].message).toMatch(/^since: /);
  });
});
