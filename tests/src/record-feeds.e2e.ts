/**
 * The change feeds of pilots and OCOP ratings (issue 14): each subgraph's own change log, of the
 * shape @ntm/change-log gives every subgraph. Writes, updates and deletions on two connections —
 * one holding an early position open while a later one commits — then pulls by cursor (GraphQL
 * pages, and GET /exports/<name>?since=) rebuild exactly the database's state, as does the state
 * export without a cursor. The expected state is read from the tables here, not from the log.
 */
import { Client } from 'pg';
import { gatewayBase } from './testkit/database';
import { connectGraph } from './testkit/graph';
import { fetchNdjsonExport } from './testkit/exports';

const graph = connectGraph();

interface Change {
  op: string;
  entity: string;
  key: string | null;
  unitId: string | null;
  data: unknown;
}

interface Feed {
  label: string;
  schema: string;
  query: string;
  exportName: string;
  /** The records of the feed as the tables hold them now: entity, key, unit, the row as JSON. */
  stateSql: string;
  /** Writes: [table, early update of one row (connection a, held open), a later insert (b), a delete (b)]. */
  table: string;
  idOf: (client: Client) => Promise<{ first: string; second: string }>;
  keyColumn: string;
  /** A column the test may set to another text value. */
  textColumn: string;
  /** Copies a row under a new key; returns the new key. */
  copyRow: (client: Client, from: string) => Promise<string>;
  /** Another key for a row (an update that changes the key: a tombstone of the old one). */
  renamed: (key: string) => string;
}

const FEEDS: Feed[] = [
  {
    label: 'pilots',
    schema: 'pilot_models',
    query: 'pilotChanges',
    exportName: 'pilots',
    stateSql: `
      select 'PILOT' as entity, r.id as key, (to_jsonb(r) - 'created_by' - 'updated_by') as data from pilot r
      union all select 'PILOT_STEP', r.pilot_id || '|' || r.code, to_jsonb(r) - 'updated_by' from pilot_step r
      union all select 'FUNDING_LINE', r.pilot_id || '|' || r.source, to_jsonb(r) - 'updated_by' from funding_line r
      union all select 'VILLAGE_CHECKLIST_ITEM', r.pilot_id || '|' || r.code, to_jsonb(r) - 'updated_by' from village_checklist_item r`,
    table: 'pilot',
    keyColumn: 'id',
    textColumn: 'note',
    idOf: async (c) => {
      const { rows } = await c.query<{ id: string }>(`select id from pilot order by id limit 2`);
      return { first: rows[0].id, second: rows[1].id };
    },
    copyRow: async (c, from) => {
      await c.query(`create temp table if not exists pilot_copy as select * from pilot limit 0`);
      await c.query(`truncate pilot_copy`);
      await c.query(`insert into pilot_copy select * from pilot where id = $1`, [from]);
      await c.query(`update pilot_copy set id = 'feed-test-' || id`);
      await c.query(`insert into pilot select * from pilot_copy`);
      return `feed-test-${from}`;
    },
    renamed: (key) => `${key}-renamed`,
  },
  {
    label: 'OCOP ratings',
    schema: 'ocop',
    query: 'ocopRatingChanges',
    exportName: 'ocop-ratings',
    stateSql: `
      select 'OCOP_RATING' as entity, r.id::text as key, to_jsonb(r) as data from ocop_rating r
      union all select 'OCOP_REVOCATION', r.id::text, to_jsonb(r) from ocop_revocation r`,
    table: 'ocop_rating',
    keyColumn: 'id',
    textColumn: 'authority_name',
    idOf: async (c) => {
      // Ratings without a revocation (a revocation refers to its rating).
      const { rows } = await c.query<{ id: string }>(
        `select id::text from ocop_rating r where not exists (select 1 from ocop_revocation v where v.rating_id = r.id) order by id limit 2`,
      );
      return { first: rows[0].id, second: rows[1].id };
    },
    copyRow: async (c, from) => {
      const { rows } = await c.query<{ id: string }>(
        `insert into ocop_rating (product_id, stars, score, part_a, part_b, part_c, class_system, product_set_code, decision_number, decided_on,
                                  authority_level, authority_unit_code, authority_name, valid_until, valid_through, re_rating_filed_on,
                                  re_rating_decided_on, generated)
         select product_id, stars, score, part_a, part_b, part_c, class_system, product_set_code, decision_number || '-feed-test', decided_on,
                authority_level, authority_unit_code, authority_name, valid_until, valid_through, re_rating_filed_on, re_rating_decided_on, generated
           from ocop_rating where id = $1 returning id::text`,
        [from],
      );
      return rows[0].id;
    },
    renamed: (key) => String(Number(key) + 1_000_000),
  },
];

async function connect(schema: string): Promise<Client> {
  const client = new Client({ connectionString: process.env.NTM_TEST_DATABASE_URL, options: `-c search_path=${schema},public -c timezone=UTC` });
  await client.connect();
  return client;
}

/** Applies changes in feed order: the state a puller holds. */
function apply(state: Map<string, string>, changes: Change[]): void {
  for (const c of changes) {
    if (c.op === 'UPSERT') state.set(`${c.entity}|${c.key}`, JSON.stringify(sorted(c.data)));
    else if (c.op === 'DELETE') state.delete(`${c.entity}|${c.key}`);
    else if (c.op === 'RESET') for (const k of [...state.keys()]) if (k.startsWith(`${c.entity}|`)) state.delete(k);
  }
}

/** JSON with object keys in order (the log's jsonb and the table's to_jsonb print the same data). */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, sorted(v)]),
    );
  return value;
}

async function tableState(client: Client, feed: Feed): Promise<Map<string, string>> {
  const { rows } = await client.query<{ entity: string; key: string; data: unknown }>(feed.stateSql);
  return new Map(rows.map((r) => [`${r.entity}|${r.key}`, JSON.stringify(sorted(r.data))]));
}

async function exportLines(feed: Feed, query: string): Promise<{ changes: Change[]; end: { cursor: string; count: number } }> {
  const { rows, end, res } = await fetchNdjsonExport(`${feed.exportName}?${query}`);
  expect(res.headers.get('x-ntm-cursor')).toBe(end.cursor);
  return { changes: rows, end };
}

/** Pulls GraphQL pages until the feed is drained; returns the changes and the cursor to continue from. */
async function pullAll(feed: Feed, since: string, first = 50): Promise<{ changes: Change[]; cursor: string }> {
  const changes: Change[] = [];
  let cursor = since;
  for (let page = 0; page < 1000; page++) {
    const data = await graph.ok(
      `query($since: String, $first: Int) { ${feed.query}(since: $since, first: $first) { edges { cursor node { op position entity key unitId data changedAt } } pageInfo { endCursor hasNextPage } } }`,
      { since: cursor, first },
    );
    const connection = data[feed.query];
    changes.push(...connection.edges.map((e: any) => ({ ...e.node, data: e.node.data === null ? null : JSON.parse(e.node.data) })));
    cursor = connection.pageInfo.endCursor;
    if (!connection.pageInfo.hasNextPage) return { changes, cursor };
  }
  throw new Error('feed did not drain');
}

describe.each(FEEDS)('change feed of $label', (feed) => {
  let a: Client;
  let b: Client;
  beforeAll(async () => {
    a = await connect(feed.schema);
    b = await connect(feed.schema);
  });
  afterAll(async () => {
    await a.query('rollback').catch(() => undefined);
    await a.end();
    await b.end();
  });

  it('exports the current state (rebuilt from the log) equal to the tables, and a cursor that continues after it', async () => {
    const { changes, end } = await exportLines(feed, 'format=ndjson');
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.every((c) => c.op === 'UPSERT')).toBe(true);
    const state = new Map<string, string>();
    apply(state, changes);
    expect(state).toEqual(await tableState(b, feed));
    // Nothing changed since: the cursor gives nothing, and the same pull again answers 304.
    expect((await exportLines(feed, `format=ndjson&since=${end.cursor}`)).changes).toEqual([]);
    const first = await fetch(`${gatewayBase()}/exports/${feed.exportName}?format=csv`);
    const etag = first.headers.get('etag')!;
    expect((await first.text()).split('\n')[0]).toBe('op,position,entity,key,unitId,data,changedAt');
    expect((await fetch(`${gatewayBase()}/exports/${feed.exportName}?format=csv`, { headers: { 'if-none-match': etag } })).status).toBe(304);
  });

  it('delivers writes, updates and deletions by cursor in commit-safe order, ending with exactly the tables', async () => {
    // The puller starts from the whole history (since=0) and continues with GraphQL pages.
    const history = await exportLines(feed, 'format=ndjson&since=0');
    const state = new Map<string, string>();
    apply(state, history.changes);
    let cursor = history.end.cursor;

    const { first, second } = await feed.idOf(b);
    // a takes an early position and stays open; b's later writes commit first.
    await a.query('begin');
    await a.query(`update ${feed.table} set ${feed.textColumn} = coalesce(${feed.textColumn}, '') || ' (a)' where ${feed.keyColumn}::text = $1`, [
      first,
    ]);
    await b.query(`update ${feed.table} set ${feed.textColumn} = coalesce(${feed.textColumn}, '') || ' (b)' where ${feed.keyColumn}::text = $1`, [
      second,
    ]);
    const copy = await feed.copyRow(b, second);
    const whileOpen = await pullAll(feed, cursor);
    // Nothing of b is delivered while a (an earlier transaction) may still commit below it.
    expect(whileOpen.changes.filter((c) => c.key === second || c.key === copy)).toEqual([]);
    apply(state, whileOpen.changes);
    cursor = whileOpen.cursor;
    await a.query('commit');
    // An update that changes the key: the old key's tombstone and the new key's upsert; then a delete.
    const renamed = feed.renamed(copy);
    await b.query(`update ${feed.table} set ${feed.keyColumn} = $2 where ${feed.keyColumn}::text = $1`, [copy, renamed]);
    await b.query(`delete from ${feed.table} where ${feed.keyColumn}::text = $1`, [renamed]);

    const after = await pullAll(feed, cursor, 2);
    const keys = after.changes.map((c) => `${c.op}:${c.key}`);
    expect(keys).toEqual(
      expect.arrayContaining([`UPSERT:${first}`, `UPSERT:${second}`, `UPSERT:${copy}`, `DELETE:${copy}`, `UPSERT:${renamed}`, `DELETE:${renamed}`]),
    );
    // Each tombstone comes after its upsert.
    expect(keys.lastIndexOf(`DELETE:${copy}`)).toBeGreaterThan(keys.indexOf(`UPSERT:${copy}`));
    expect(keys.lastIndexOf(`DELETE:${renamed}`)).toBeGreaterThan(keys.indexOf(`UPSERT:${renamed}`));
    // The rename logged no tombstone for the rows it did not re-key.
    expect(keys.filter((k) => k === `DELETE:${first}` || k === `DELETE:${second}`)).toEqual([]);
    apply(state, after.changes);
    expect(state).toEqual(await tableState(b, feed));

    // The same changes as a streamed pull, from the same cursor.
    const streamed = await exportLines(feed, `format=ndjson&since=${cursor}`);
    expect(streamed.changes.map((c) => `${c.op}:${c.key}`)).toEqual(keys);
    // within: only records of the unit's subtree, with the pre-reform units that went into it.
    const unit = after.changes.find((c) => c.key === second)!.unitId!;
    const { rows: area } = await b.query<{ unit_id: string }>(
      `with tree as (select unit_id from unit_profile where unit_id = $1 or ancestor_ids @> array[$1])
       select unit_id from tree union select unit_id from unit_profile where successor_ids && array(select unit_id from tree)`,
      [unit],
    );
    const inArea = new Set(area.map((r) => r.unit_id));
    const within = await graph.ok(`query($w: String) { ${feed.query}(since: "0", within: $w, first: 1000) { edges { node { op unitId } } } }`, {
      w: unit,
    });
    expect(within[feed.query].edges.length).toBeGreaterThan(0);
    // (A RESET concerns every unit: it is in every filtered pull.)
    expect(within[feed.query].edges.filter((e: any) => e.node.op !== 'RESET' && !inArea.has(e.node.unitId))).toEqual([]);
    expect(within[feed.query].edges.some((e: any) => e.node.unitId === unit)).toBe(true);
  });

  it('names a bad cursor or unit', async () => {
    const bad = await graph.query(`{ ${feed.query}(since: "nope") { pageInfo { endCursor } } }`);
    expect(bad.errors?.[0].extensions?.field).toBe('since');
    const unit = await fetch(`${gatewayBase()}/exports/${feed.exportName}?within=99999`);
    expect(unit.status).toBe(400);
    expect(((await unit.json()) as any).errors[0].extensions.field).toBe('within');
  });
});
