import 'reflect-metadata';
import { Client } from 'pg';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { openAsBlob } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { mintToken } from '../auth-keys';
import { openLocalStack } from '../local-stack';
import { csvField } from '@ntm/data-files';
import { abbreviateKind, unaccented } from './messy-names';

/**
 * The import benchmark: a GENERATED 500,000-row CSV with messy names (no diacritics, abbreviated
 * kinds, one-typo names, districts written inside the name cell; decimal commas, "85%",
 * "đạt"/"không đạt") over real communes of the pre-reform list outside Nghệ An (whose synthetic
 * values are APPROVED), uploaded through the gateway, dry-run, then committed.
 *
 *   npm run build && EMBEDDED_PG_PORT=… NTM_DATA_DIR=… node infra/dist/bench/import.js [--rows 500000]
 *
 * Prints rows per second of the dry run (upload to READY) and of the commit, each beside a bare
 * `INSERT … SELECT generate_series` of as many rows of the same width in the same run (these
 * machines are noisy), and the peak memory of this process — which runs the gateway and both
 * subgraphs too, so it bounds the importing process from above. Targets here: dry run ≥ 50,000
 * rows/s, commit ≥ 100,000 rows/s, peak ≤ 1 GiB. The values it wrote are deleted at the end.
 */
const YEAR = 2023;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** How a unit's name is written in the file: a fixed mix of the mistakes spreadsheets bring. */
function messy(name: string, district: string, i: number): string {
  switch (i % 10) {
    case 0:
    case 1:
      return unaccented(name).toLowerCase();
    case 2:
    case 3:
      return abbreviateKind(name);
    case 4: {
      const at = name.length - 2; // one typo: two letters swapped near the end
      return name.slice(0, at - 1) + name[at] + name[at - 1] + name.slice(at + 1);
    }
    case 5:
      return `${abbreviateKind(name)} - ${district
        .replace(/^Huyện /, 'H. ')
        .replace(/^Thành phố /, 'TP ')
        .replace(/^Thị xã /, 'TX ')}`;
    default:
      return name;
  }
}

function valueFor(type: string, i: number): string {
  switch (type) {
    case 'PERCENTAGE':
      return i % 3 === 0 ? `${50 + (i % 50)},${i % 10}` : i % 3 === 1 ? `${60 + (i % 40)}%` : String(70 + (i % 30));
    case 'BOOLEAN':
      return i % 4 === 0 ? 'không đạt' : 'đạt';
    default:
      return `${i % 1000},${i % 10}`;
  }
}

async function main(): Promise<void> {
  const rows = arg('rows', 500_000);
  const local = await openLocalStack();
  const pg = new Client({ connectionString: local.db.url });
  await pg.connect();
  const dir = await mkdtemp(path.join(tmpdir(), 'ntm-import-bench-'));
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  try {
    const gateway = local.stack.gatewayUrl;
    const base = gateway.replace(/\/graphql$/, '');
    const token = await mintToken(local.stack.auth, { roles: ['ADMIN'], units: [], sub: 'import-bench', ttl: '2h' });

    // The file: communes × indicators of the commune set, messy names, generated (written to a temp file, streamed).
    const units = (
      await pg.query<{ code: string; name: string; district: string }>(
        `select c.code, c.name, d.name as district from criteria.unit_profile c
           join criteria.unit_profile d on d.unit_id = c.ancestor_ids[array_length(c.ancestor_ids, 1)]
          where c.list_id = '2025-03-01' and c.level = 'COMMUNE' and not (c.ancestor_ids @> array['40@2025-03-01']) order by c.code`,
      )
    ).rows;
    const indicators = (
      await pg.query<{ code: string; value_type: string }>(
        `select code, value_type from criteria.indicator where set_code = 'COMMUNE_NTM_2021_2025' and value_type <> 'CATEGORY' order by position`,
      )
    ).rows;
    const file = path.join(dir, 'bench.csv');
    const out = createWriteStream(file);
    out.write('Tên xã,Huyện,Năm,Mã chỉ tiêu,Giá trị\n');
    let written = 0;
    let buffer = '';
    for (let u = 0; written < rows && u < units.length; u++) {
      const unit = units[u];
      const name = csvField(messy(unit.name, unit.district, u));
      for (let k = 0; k < indicators.length && written < rows; k++, written++) {
        buffer += `${name},${csvField(unit.district)},${YEAR},${indicators[k].code},${csvField(valueFor(indicators[k].value_type, written))}\n`;
        if (buffer.length > 1 << 20) {
          if (!out.write(buffer)) await once(out, 'drain');
          buffer = '';
        }
      }
    }
    out.end(buffer);
    await once(out, 'finish');
    const bytes = (await stat(file)).size;
    if (written < rows) throw new Error(`only ${written} rows could be generated`);

    // Dry run: upload (streamed from disk) through the gateway until READY.
    const rssBefore = process.memoryUsage().rss;
    const t0 = Date.now();
    const form = new FormData();
    form.append('year', String(YEAR));
    form.append('file', await openAsBlob(file), 'bench.csv');
    const res = await fetch(`${base}/imports`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
    const { id } = (await res.json()) as { id: string };
    if (res.status !== 202) throw new Error(`upload answered ${res.status}`);
    const uploadMs = Date.now() - t0;
    let job: { status: string; failure: string | null; counts: Record<string, number> | null } | null = null;
    const gql = async (query: string, variables: Record<string, unknown>) => {
      const r = await fetch(gateway, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await r.json()) as { data?: any; errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    for (;;) {
      job = (
        await gql(`query($id: ID!) { importJob(id: $id) { status failure counts { rows ok warning error create update unchanged reject } } }`, { id })
      ).importJob;
      if (job!.status !== 'RUNNING') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const dryMs = Date.now() - t0;
    if (job!.status !== 'READY') throw new Error(`dry run ${job!.status}: ${job!.failure}`);

    const t1 = Date.now();
    const committed = (await gql(`mutation($id: ID!) { commitImport(id: $id) { status counts { create update unchanged reject } } }`, { id }))
      .commitImport;
    const commitMs = Date.now() - t1;
    clearInterval(sampler);

    // Baseline: a bare INSERT … SELECT generate_series of as many rows of the value table's width.
    await pg.query(`drop table if exists criteria.bench_import_baseline`);
    await pg.query(`create table criteria.bench_import_baseline (like criteria.indicator_value including all)`);
    const t2 = Date.now();
    await pg.query(
      `insert into criteria.bench_import_baseline (indicator_id, year, unit_id, value, numeric_value, status, source, recorded_by)
       select 1 + (g % 50), ${YEAR}, 'u' || (g / 50), (g % 100)::text, g % 100, 'DRAFT', 'bench', 'bench' from generate_series(1, $1::int) g`,
      [rows],
    );
    const baselineMs = Date.now() - t2;
    await pg.query(`drop table criteria.bench_import_baseline`);

    const fmt = (n: number) => Math.round(n).toLocaleString('en');
    const rate = (ms: number) => rows / (ms / 1000);
    console.log(
      `Import benchmark: ${fmt(rows)} generated rows (${(bytes / 1024 / 1024).toFixed(1)} MB CSV, ${fmt(units.length)} communes × ${indicators.length} indicators, messy names)`,
    );
    console.log(`  dry-run counts           ${JSON.stringify(job!.counts)}`);
    console.log(`  commit counts            ${JSON.stringify(committed.counts)}`);
    console.log(`  upload (202)             ${fmt(uploadMs)} ms`);
    console.log(`  dry run (upload→READY)   ${fmt(dryMs)} ms  ${fmt(rate(dryMs))} rows/s  (target ≥ 50,000)`);
    console.log(`  commit                   ${fmt(commitMs)} ms  ${fmt(rate(commitMs))} rows/s  (target ≥ 100,000)`);
    console.log(`  baseline bare INSERT     ${fmt(baselineMs)} ms  ${fmt(rate(baselineMs))} rows/s`);
    console.log(
      `  ratio dry run/baseline   ${(dryMs / baselineMs).toFixed(2)} × the time    commit/baseline ${(commitMs / baselineMs).toFixed(2)} × the time`,
    );
    console.log(
      `  peak RSS of this process ${fmt(peakRss / 1024 / 1024)} MiB (gateway + subgraphs + generator; before the upload ${fmt(rssBefore / 1024 / 1024)} MiB; target ≤ 1,024)`,
    );

    // Leave the database as it was.
    await pg.query(`delete from criteria.indicator_value where source = $1`, [`import:${id}`]);
    await pg.query(`delete from criteria.indicator_value_change where source = $1`, [`import:${id}`]).catch(() => undefined);
    await pg.query(`delete from criteria.import_row where job_id = $1`, [id]);
    await pg.query(`delete from criteria.import_job where id = $1`, [id]);
  } finally {
    clearInterval(sampler);
    await rm(dir, { recursive: true, force: true });
    await pg.end();
    await local.stop();
  }
}

main().catch((error) => {
  console.error(`import bench failed: ${(error as Error).message}`);
  process.exit(1);
});
