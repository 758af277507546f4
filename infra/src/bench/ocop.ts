import 'reflect-metadata';
import { QueryCounter } from '@ntm/kit';
import { DATASET_TODAY, loadOcopDataset, loadProductClasses, NationalDataset } from '@ntm/ocop';
import { Client } from 'pg';
import { openLocalStack } from '../local-stack';

/**
 * `npm run bench:ocop [-- --scale 1]`: loads the GENERATED national OCOP dataset and times it and the
 * roll-ups, each against a baseline measured in the same run (these machines are noisy):
 *  - load rate (rows of every table, COPY) vs a bare `INSERT … SELECT generate_series` of as many rows
 *    into a table shaped like ocop_rating (the server's own ceiling for such rows); target ≥ 100,000 rows/s;
 *  - the OCOP summary (by stars, by sector, expiring within 90 days, the two plan-target shares,
 *    listings by platform) through the gateway for a province and for the country, with the SQL
 *    statements each sent.
 * Replaces the generated rows of the database it opens (refused when API-written records exist).
 */
const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function time(fn: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function main(): Promise<void> {
  const i = process.argv.indexOf('--scale');
  const scale = i >= 0 ? Number(process.argv[i + 1]) : 1;
  if (!(scale > 0)) throw new Error(`--scale must be a positive number, got ${process.argv[i + 1]}`);
  const local = await openLocalStack();
  const pg = new Client({ connectionString: local.db.url });
  await pg.connect();
  try {
    const ocop = local.stack.subgraphs.find((s) => s.name === 'ocop')!;
    console.log(`loading the generated OCOP dataset, whole country, scale ${scale}…`);
    // The pure generator alone (no database), over the same communes: where a load's time goes.
    const communes = (
      await pg.query(
        `select unit_id as id, code, ancestor_ids, valid_from::text as "validFrom", valid_to::text as "validTo" from ocop.unit_profile where level = 'COMMUNE'`,
      )
    ).rows.map((c: { id: string; code: string; ancestor_ids: string[]; validFrom: string | null; validTo: string | null }) => ({
      id: c.id,
      code: c.code,
      provinceCode: c.ancestor_ids[0].split('@')[0],
      districtCode: c.ancestor_ids[1]?.split('@')[0] ?? null,
      validFrom: c.validFrom ?? '1900-01-01',
      validTo: c.validTo,
    }));
    const generated = await time(async () => {
      const d = new NationalDataset(communes, loadProductClasses(), { scale, seed: 20261201, today: DATASET_TODAY });
      let n = 0;
      for (const table of [d.owners(), d.cooperatives(), d.products(), d.ratings(), d.listings()]) for (const _ of table) n++;
      for (const b of d.projectBundles()) n += 1 + b.participants.length + b.communes.length + b.supportItems.length;
      return n;
    });
    const load = await loadOcopDataset(ocop.orm, { scale, provinceCodes: null });
    const loadRate = load.rows / (load.ms / 1000);

    await pg.query(`drop table if exists ocop.bench_baseline`);
    await pg.query(`create table ocop.bench_baseline (like ocop.ocop_rating including all)`);
    const baselineMs = await time(() =>
      pg.query(
        `insert into ocop.bench_baseline (product_id, stars, score, part_a, part_b, part_c, class_system, product_set_code, decision_number, decided_on,
           authority_level, authority_unit_code, authority_name, valid_until, valid_through, generated)
         select g, 3 + g % 3, 60, 25, 15, 20, 'QD26_2026', '26-I.3.b', g || '/QĐ-UBND', date '2024-01-01' + g % 900, 'PROVINCE', '40',
                'UBND tỉnh (bench)', date '2027-01-01' + g % 900, date '2027-01-01' + g % 900, true
           from generate_series(1, $1::int) g`,
        [load.rows],
      ),
    );
    await pg.query(`drop table ocop.bench_baseline`);
    const baselineRate = load.rows / (baselineMs / 1000);

    const counter = new QueryCounter(ocop.orm);
    const fields = `byStars { stars count } bySector { sector { code } count } expiring(days: 90) linkedCommuneShare digitalZoneShare listingsByPlatform { platform count }`;
    const rollup = async (label: string, query: string) => {
      const run = () =>
        fetch(local.stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) }).then(
          async (r) => {
            const body = (await r.json()) as { errors?: unknown; data?: unknown };
            if (body.errors) throw new Error(JSON.stringify(body.errors));
            return body.data;
          },
        );
      const { statements, result } = await counter.measure(run);
      const times: number[] = [];
      for (let k = 0; k < RUNS; k++) times.push(await time(run));
      return { label, statements, ms: median(times), result };
    };
    const rollups = [
      await rollup('province Nghệ An (40)', `{ adminUnit(code: "40") { ocopSummary { ${fields} } } }`),
      await rollup('country', `{ ocopNationalSummary { ${fields} } }`),
    ];
    counter.dispose();

    const fmt = (n: number) => Math.round(n).toLocaleString('en');
    console.log('\nLoad (generated data, COPY)');
    for (const [table, rows] of Object.entries(load.counts)) console.log(`  ${table.padEnd(24)} ${fmt(rows).padStart(9)} rows`);
    console.log(`  rows loaded              ${fmt(load.rows)} in ${(load.ms / 1000).toFixed(2)} s (generation, COPY, sequences, ANALYZE)`);
    console.log(`  load rate                ${fmt(loadRate)} rows/s (target ≥ 100,000)`);
    console.log(
      `  generator alone          ${fmt(load.rows / (generated / 1000))} rows/s (pure, no database; ${(generated / 1000).toFixed(2)} s of the load)`,
    );
    console.log(`  baseline (bare INSERT)   ${fmt(baselineRate)} rows/s`);
    console.log(`  ratio load/baseline      ${(loadRate / baselineRate).toFixed(2)}`);
    console.log(`\nOCOP summary through the gateway (median of ${RUNS})`);
    for (const r of rollups) console.log(`  ${r.label.padEnd(24)} ${r.ms.toFixed(0).padStart(6)} ms  SQL statements ${r.statements}`);
    console.log(`\n  country: ${JSON.stringify((rollups[1].result as { ocopNationalSummary: { byStars: unknown } }).ocopNationalSummary.byStars)}`);
  } finally {
    await pg.end();
    await local.stop();
  }
}

main().catch((error) => {
  console.error(`bench failed: ${(error as Error).message}`);
  process.exit(1);
});
