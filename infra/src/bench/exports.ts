import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { openLocalDatabase } from '../local-stack';
import { launchGraphProcesses } from '../processes';
import { Supervisor } from '../supervisor';

/**
 * `npm run bench:exports` (issue 14), with the national dataset loaded (`npm run load:national`):
 * each figure beside a baseline measured in the same run on the same database, because these
 * machines are shared and noisy.
 *  - national 2024 NDJSON export through the gateway vs `COPY (same rows) TO STDOUT`; the peak RSS
 *    of the exporting processes. The graph runs as `npm start` runs it — each subgraph and the
 *    gateway in its own process — and the kernel's high-water mark (VmHWM) of the criteria process
 *    (which streams the rows out of PostgreSQL) and of the gateway (which passes them on) is read
 *    from /proc after a province's export and again after the country's (the same peak for 24× the
 *    rows is what "flat" means); this benchmark (the reading client) is a process of its own;
 *  - a province (Nghệ An, code 40, 2024 list) through GraphQL, `adminUnits { … indicatorValues(year:) }`,
 *    vs SQL + JSON.stringify of the same rows in one process;
 *  - an incremental pull of 1,000 changes (export `since=`, and the GraphQL feed).
 * Targets: export ≤ 4× COPY with peak memory ≤ 256 MiB; province pull ≤ 3× its baseline.
 */
const RUNS = 3;
/** The province pull is short (~0.1–0.5 s), so it is repeated more, after one untimed warm-up of each side (compiled queries, plans, caches). */
const PULL_RUNS = 9;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const range = (xs: number[]) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)} ms`;
const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** Resident memory of a process, from /proc/<pid>/status: now (VmRSS) and its high-water mark (VmHWM), in bytes. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

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
  const db = await openLocalDatabase();
  const graph = await launchGraphProcesses({ databaseUrl: db.url, supervisor: new Supervisor(), freePorts: true });
  const pidOf = (name: string) => graph.children.get(name)!.process!.pid!;
  const pg = new Client({ connectionString: db.url });
  await pg.connect();
  const gatewayUrl = graph.gatewayUrl;
  const base = gatewayUrl.replace(/\/graphql$/, '');
  try {
    const { rows: count } = await pg.query(`select count(*)::int as n from criteria.indicator_value where year = 2024`);
    console.log(`values of 2024 stored: ${count[0].n.toLocaleString('en')}`);
    if (count[0].n < 100_000) console.log('(load the national dataset first for national figures: npm run load:national)');

    // 1. National 2024 export vs COPY of the same rows; memory of one province's export, then of the country's.
    const EXPORTERS = ['criteria', 'gateway'] as const;
    const memories = () =>
      Object.fromEntries(EXPORTERS.map((name) => [name, memoryOf(pidOf(name))])) as Record<(typeof EXPORTERS)[number], { rss: number; peak: number }>;
    // Reset the high-water marks (start-up, seeding and the replica pull are not the export's).
    const resetPeaks = () => EXPORTERS.forEach((name) => writeFileSync(`/proc/${pidOf(name)}/clear_refs`, '5'));
    const startUp = memories();
    resetPeaks();
    let provinceRows = 0;
    for (let run = 0; run < RUNS; run++) provinceRows = (await drain(`${base}/exports/indicator-values?within=40&year=2024&format=ndjson`)).lines - 1;
    const province = memories();
    resetPeaks();
    const copies: number[] = [];
    const exports: number[] = [];
    let copied = { bytes: 0, rows: 0 };
    let exported = { bytes: 0, lines: 0, status: 0 };
    for (let run = 0; run < RUNS; run++) {
      const c = await time(() => copyBaseline(pg, 2024));
      copies.push(c.ms);
      copied = c.result;
      const e = await time(() => drain(`${base}/exports/indicator-values?year=2024&format=ndjson`));
      exports.push(e.ms);
      exported = e.result;
    }
    const national = memories();
    const copyMs = median(copies);
    const exportMs = median(exports);
    console.log(
      `national 2024 export (NDJSON through the gateway): ${(exportMs / 1000).toFixed(2)} s for ${(exported.lines - 1).toLocaleString('en')} rows, ${mib(exported.bytes)} MiB`,
    );
    console.log(
      `  baseline COPY (same rows) TO STDOUT: ${(copyMs / 1000).toFixed(2)} s for ${copied.rows.toLocaleString('en')} rows, ${mib(copied.bytes)} MiB → ratio ${(exportMs / copyMs).toFixed(2)}× (target ≤ 4×)`,
    );
    for (const name of EXPORTERS)
      console.log(
        `  peak RSS of the ${name} process: ${mib(national[name].peak)} MiB exporting the country (${(exported.lines - 1).toLocaleString('en')} rows), ${mib(province[name].peak)} MiB exporting Nghệ An (${provinceRows.toLocaleString('en')} rows); ${mib(startUp[name].rss)} MiB before the exports, start-up peak ${mib(startUp[name].peak)} MiB (target ≤ 256 MiB whatever the size)`,
      );

    // 2. Province pull through GraphQL vs SQL + JSON of the same rows.
    const pulls: number[] = [];
    const baselines: number[] = [];
    let values = 0;
    for (let run = -1; run < PULL_RUNS; run++) {
      // Timed until the whole answer has arrived, as the baseline is timed until its JSON exists;
      // parsing the answer (to check and count it) is the reader's work and is not timed.
      const p = await time(() => postText(gatewayUrl, PROVINCE_PULL));
      if (run >= 0) pulls.push(p.ms);
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
      if (run >= 0) baselines.push(b.ms);
    }
    console.log(
      `province pull (Nghệ An 2024, ${values.toLocaleString('en')} values) through GraphQL: ${median(pulls).toFixed(0)} ms (median of ${PULL_RUNS}, ${range(pulls)}); SQL + JSON of the same rows: ${median(baselines).toFixed(0)} ms (${range(baselines)}) → ratio ${(median(pulls) / median(baselines)).toFixed(2)}× (target ≤ 3×)`,
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
    await graph.stop();
    await db.stop();
  }
}

main().catch((error) => {
  console.error(`bench failed: ${(error as Error).message}`);
  process.exit(1);
});
