import 'reflect-metadata';
import { loadSyntheticDataset } from '@ntm/criteria';
import { QueryCounter } from '@ntm/kit';
import { Client } from 'pg';
// The generator and the file reader are pure domain code, not part of the package's entry point.
import { hashUnitKey, indicatorsOf, loadCriteriaSets, REGIONS, syntheticIndicatorValue } from '@ntm/criteria/dist/domain';
import { readCriteriaFileText } from '@ntm/criteria/dist/services/catalog';
import { openLocalStack } from '../local-stack';

/**
 * `npm run bench`: loads the national synthetic dataset and times it and the roll-ups, each as a
 * ratio against a baseline measured in the same run on the same database (these machines are
 * noisy, so absolute times alone mean little):
 *  - load: our load rate vs a bare `INSERT … SELECT generate_series` of as many rows into a
 *    table of the same shape (the server's own ceiling for this row width);
 *  - roll-ups through the gateway vs a bare aggregate scan of the same year's values;
 *  - SQL statements each roll-up sent;
 *  - the synthetic value generator alone (pure, in this process): values per second, target > 1M/s
 *    (was a unit-test assertion; timings belong here).
 */
const SET = 'COMMUNE_NTM_2021_2025';
const RUNS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function time(fn: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** Values per second of syntheticIndicatorValue over 4,000 units × 5 years × the commune NTM set (median of RUNS). */
function generatorRate(): { perSecond: number; values: number } {
  const set = loadCriteriaSets(readCriteriaFileText()).find((s) => s.code === SET)!;
  const indicators = indicatorsOf(set);
  const attrs = REGIONS.map((region, i) => ({ ethnicMinorityArea: i % 2 === 0, mountainous: i % 3 === 0, island: false, region }));
  const keys = Array.from({ length: 4000 }, (_, i) => hashUnitKey(String(10000 + i)));
  const rates: number[] = [];
  let values = 0;
  for (let run = 0; run < RUNS; run++) {
    values = 0;
    const started = process.hrtime.bigint();
    for (let k = 0; k < keys.length; k++) {
      for (let year = 2021; year <= 2025; year++) {
        for (const ind of indicators) {
          syntheticIndicatorValue(keys[k], attrs[k % attrs.length], ind, year, 1);
          values++;
        }
      }
    }
    rates.push(values / (Number(process.hrtime.bigint() - started) / 1e9));
  }
  return { perSecond: median(rates), values };
}

async function main(): Promise<void> {
  const generator = generatorRate();
  const local = await openLocalStack();
  const pg = new Client({ connectionString: local.db.url });
  await pg.connect();
  try {
    const criteria = local.stack.subgraphs.find((s) => s.name === 'criteria')!;
    console.log('loading the national synthetic dataset…');
    const load = await loadSyntheticDataset(criteria.orm, { provinceCodes: null });
    const loadRate = load.values / (load.ms / 1000);

    await pg.query(`drop table if exists criteria.bench_baseline`);
    await pg.query(`create table criteria.bench_baseline (like criteria.indicator_value including all)`);
    const baselineMs = await time(() =>
      pg.query(
        `insert into criteria.bench_baseline (indicator_id, year, unit_id, value, numeric_value, status, source, recorded_by)
         select 1 + (g % 50), 2000 + (g / 1000000), 'u' || (g % 1000000), (g % 100)::text, g % 100, 'APPROVED', 'bench', 'bench'
           from generate_series(1, $1::int) g`,
        [load.values],
      ),
    );
    await pg.query(`drop table criteria.bench_baseline`);
    const baselineRate = load.values / (baselineMs / 1000);

    const gateway = local.stack.gatewayUrl;
    const counter = new QueryCounter(criteria.orm);
    const rollup = async (label: string, args: string) => {
      // No set: the set in force for the year (COMMUNE_NTM_2021_2025 for 2024, COMMUNE_NTM_2026_2030 for 2026).
      const query = `{ attainmentSummary(${args}) { unitCount metCount indicators { code metCount } } }`;
      const run = () =>
        fetch(gateway, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) }).then(async (r) => {
          const body = (await r.json()) as { errors?: unknown; data?: { attainmentSummary: { unitCount: number } } };
          if (body.errors) throw new Error(JSON.stringify(body.errors));
          return body.data!.attainmentSummary.unitCount;
        });
      const { statements, result: units } = await counter.measure(run);
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) times.push(await time(run));
      return { label, units, statements, ms: median(times) };
    };
    const rollups = [
      await rollup('national, 2024 (pre-reform communes)', 'year: 2024'),
      await rollup('national, 2026 (current communes)', 'year: 2026'),
      await rollup('province Nghệ An, 2024', 'year: 2024, within: "40"'),
      await rollup('district TP Vinh, 2024', 'year: 2024, within: "412"'),
    ];
    const scanTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      scanTimes.push(
        await time(() =>
          pg.query(`select indicator_id, count(*), avg(numeric_value) from criteria.indicator_value where year = 2024 group by indicator_id`),
        ),
      );
    }
    const scanMs = median(scanTimes);
    counter.dispose();

    const fmt = (n: number) => Math.round(n).toLocaleString('en');
    console.log('\nSynthetic generator (pure, median of ' + RUNS + ')');
    console.log(`  values per second        ${fmt(generator.perSecond)} (${fmt(generator.values)} values a run; target > 1,000,000)`);
    console.log('\nLoad');
    console.log(`  values loaded            ${fmt(load.values)} for ${fmt(load.units)} units in ${(load.ms / 1000).toFixed(1)} s`);
    console.log(`  load rate                ${fmt(loadRate)} rows/s`);
    console.log(`  baseline (bare INSERT)   ${fmt(baselineRate)} rows/s`);
    console.log(`  ratio load/baseline      ${(loadRate / baselineRate).toFixed(2)}`);
    console.log(`\nRoll-ups through the gateway (median of ${RUNS}); baseline: bare aggregate scan of 2024 values = ${scanMs.toFixed(0)} ms`);
    for (const r of rollups) {
      console.log(
        `  ${r.label.padEnd(40)} ${String(r.units).padStart(6)} units  ${r.ms.toFixed(0).padStart(6)} ms  ratio ${(r.ms / scanMs).toFixed(2).padStart(5)}  SQL statements ${r.statements}`,
      );
    }
  } finally {
    await pg.end();
    await local.stop();
  }
}

main().catch((error) => {
  console.error(`bench failed: ${(error as Error).message}`);
  process.exit(1);
});
