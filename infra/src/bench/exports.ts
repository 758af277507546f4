import 'reflect-metadata';
import { get } from 'node:http';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { openLocalStack } from '../local-stack';

/**
 * `npm run bench:exports` (issue 14), with the national dataset loaded (`npm run load:national`):
 * each figure beside a baseline measured in the same run on the same database, because these
 * machines are shared and noisy.
 *  - national 2024 NDJSON export through the gateway vs `COPY (same rows) TO STDOUT`; peak RSS of
 *    this process (it runs the gateway, the subgraphs and the reading client) above its idle RSS;
 *  - a province (Nghệ An, code 40, 2024 list) through GraphQL, `adminUnits { … indicatorValues(year:) }`,
 *    vs SQL + JSON.stringify of the same rows in one process;
 *  - an incremental pull of 1,000 changes (export `since=`, and the GraphQL feed).
 * Targets: export ≤ 4× COPY with peak memory ≤ 256 MiB; province pull ≤ 3× its baseline.
 */
const RUNS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = process.hrtime.bigint();
  const result = await fn();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, result };
}

function newlines(chunk: Uint8Array): number {
  let n = 0;
  for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) n++;
  return n;
}

async function copyBaseline(pg: Client, year: number): Promise<{ bytes: number; rows: number }> {
  const stream = pg.query(
    copyTo(`COPY (select v.unit_id, p.code, i.set_code || '/' || i.code, v.year, v.value, v.status, v.recorded_at
                    from criteria.indicator_value v join criteria.indicator i on i.id = v.indicator_id
                    left join criteria.unit_profile p on p.unit_id = v.unit_id
                   where v.year = ${year} and v.status = 'APPROVED') TO STDOUT`),
  );
  let bytes = 0;
  let rows = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    rows += newlines(chunk);
  }
  return { bytes, rows };
}

/** Reads a streamed HTTP body to the end without keeping it (node:http, as a ministry's puller would), sampling RSS meanwhile. */
function drain(url: string, onChunk?: () => void): Promise<{ bytes: number; lines: number; status: number }> {
  return new Promise((resolve, reject) => {
    get(url, (res) => {
      let bytes = 0;
      let lines = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        lines += newlines(chunk);
        onChunk?.();
      });
      res.on('end', () => resolve({ bytes, lines, status: res.statusCode ?? 0 }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

async function graphql(url: string, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: any; errors?: unknown[] };
  if (body.errors?.length) throw new Error(JSON.stringify(body.errors).slice(0, 500));
  return body.data;
}

/** The raw text of a GraphQL answer (the province pull times the transfer, not the reader's parse). */
async function postText(url: string, query: string): Promise<string> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return res.text();
}

function parseData(text: string): any {
  const body = JSON.parse(text) as { data?: any; errors?: unknown[] };
  if (body.errors?.length) throw new Error(JSON.stringify(body.errors).slice(0, 500));
  return body.data;
}

const PROVINCE_PULL = `{
  adminUnits(filter: { level: COMMUNE, within: "40", asOf: "2024-06-30" }, first: 500) {
    edges { node { id code indicatorValues(year: 2024) { indicatorKey value status recordedAt } } }
  }
}`;

async function main(): Promise<void> {
  const local = await openLocalStack();
  const pg = new Client({ connectionString: local.db.url });
  await pg.connect();
  const gatewayUrl = local.stack.gatewayUrl;
  const base = gatewayUrl.replace(/\/graphql$/, '');
  try {
    const { rows: count } = await pg.query(`select count(*)::int as n from criteria.indicator_value where year = 2024`);
    console.log(`values of 2024 stored: ${count[0].n.toLocaleString('en')}`);
    if (count[0].n < 100_000) console.log('(load the national dataset first for national figures: npm run load:national)');

    // 1. National 2024 export vs COPY of the same rows.
    global.gc?.();
    const idle = process.memoryUsage().rss;
    const copies: number[] = [];
    const exports: number[] = [];
    let peak = idle;
    const sample = () => {
      const rss = process.memoryUsage().rss;
      if (rss > peak) peak = rss;
    };
    const timer = setInterval(sample, 20);
    let copied = { bytes: 0, rows: 0 };
    let exported = { bytes: 0, lines: 0, status: 0 };
    for (let run = 0; run < RUNS; run++) {
      const c = await time(() => copyBaseline(pg, 2024));
      copies.push(c.ms);
      copied = c.result;
      const e = await time(() => drain(`${base}/exports/indicator-values?year=2024&format=ndjson`, sample));
      exports.push(e.ms);
      exported = e.result;
    }
    clearInterval(timer);
    const copyMs = median(copies);
    const exportMs = median(exports);
    console.log(
      `national 2024 export (NDJSON through the gateway): ${(exportMs / 1000).toFixed(2)} s for ${(exported.lines - 1).toLocaleString('en')} rows, ${mib(exported.bytes)} MiB`,
    );
    console.log(
      `  baseline COPY (same rows) TO STDOUT: ${(copyMs / 1000).toFixed(2)} s for ${copied.rows.toLocaleString('en')} rows, ${mib(copied.bytes)} MiB → ratio ${(exportMs / copyMs).toFixed(2)}× (target ≤ 4×)`,
    );
    console.log(`  peak RSS of the exporting process: ${mib(peak)} MiB (idle ${mib(idle)} MiB, +${mib(peak - idle)} MiB; target ≤ 256 MiB)`);

    // 2. Province pull through GraphQL vs SQL + JSON of the same rows.
    const pulls: number[] = [];
    const baselines: number[] = [];
    let values = 0;
    for (let run = 0; run < RUNS; run++) {
      // Timed until the whole answer has arrived, as the baseline is timed until its JSON exists;
      // parsing the answer (to check and count it) is the reader's work and is not timed.
      const p = await time(() => postText(gatewayUrl, PROVINCE_PULL));
      pulls.push(p.ms);
      values = parseData(p.result).adminUnits.edges.reduce((n: number, e: any) => n + e.node.indicatorValues.length, 0);
      const b = await time(async () => {
        const { rows } = await pg.query(
          `select p.unit_id, p.code, i.set_code || '/' || i.code as key, v.value, v.status, v.recorded_at
             from criteria.unit_profile p
             join criteria.unit_profile prov on prov.level = 'PROVINCE' and prov.code = '40'
                  and (prov.valid_from is null or prov.valid_from <= '2024-06-30') and (prov.valid_to is null or prov.valid_to >= '2024-06-30')
             join criteria.indicator_value v on v.unit_id = p.unit_id and v.year = 2024
             join criteria.indicator i on i.id = v.indicator_id
            where p.level = 'COMMUNE' and p.ancestor_ids @> array[prov.unit_id]`,
        );
        if (rows.length === 0) throw new Error('the province baseline found no rows');
        return JSON.stringify(rows).length + rows.length;
      });
      baselines.push(b.ms);
    }
    console.log(
      `province pull (Nghệ An 2024, ${values.toLocaleString('en')} values) through GraphQL: ${median(pulls).toFixed(0)} ms; SQL + JSON of the same rows: ${median(baselines).toFixed(0)} ms → ratio ${(median(pulls) / median(baselines)).toFixed(2)}× (target ≤ 3×)`,
    );

    // 3. Incremental pull of 1,000 changes.
    const head = await fetch(`${base}/exports/indicator-values?year=2010&format=ndjson`);
    await head.text();
    const cursor = head.headers.get('x-ntm-cursor')!;
    await pg.query(
      `update criteria.indicator_value set recorded_at = now()
        where (indicator_id, year, unit_id) in (select indicator_id, year, unit_id from criteria.indicator_value where year = 2024 and status = 'APPROVED' limit 1000)`,
    );
    const since = await time(() => drain(`${base}/exports/indicator-values?since=${cursor}&format=ndjson`));
    const feed = await time(() =>
      graphql(
        gatewayUrl,
        `
          query ($s: String) {
            indicatorValueChanges(since: $s, first: 1000) {
              edges {
                node {
                  op
                  position
                  unitId
                  indicatorKey
                  year
                  value
                  status
                }
              }
              pageInfo {
                hasNextPage
              }
            }
          }
        `,
        { s: cursor },
      ),
    );
    const copy1000 = await time(async () => {
      const stream = pg.query(copyTo(`COPY (select * from criteria.change_log order by xid desc, position desc limit 1000) TO STDOUT`));
      for await (const chunk of stream as AsyncIterable<Buffer>) void chunk;
    });
    console.log(
      `incremental pull of 1,000 changes: export since= ${since.ms.toFixed(0)} ms (${since.result.lines - 1} rows), GraphQL indicatorValueChanges(first: 1000) ${feed.ms.toFixed(0)} ms (${feed.result.indicatorValueChanges.edges.length} changes); baseline COPY of 1,000 change rows ${copy1000.ms.toFixed(0)} ms`,
    );
  } finally {
    await pg.end();
    await local.stop();
  }
}

main().catch((error) => {
  console.error(`bench failed: ${(error as Error).message}`);
  process.exit(1);
});
