import 'reflect-metadata';
import { loadOcopDataset } from '@ntm/ocop';
import { readLoadArgs } from './load-args';
import { openLocalStack } from './local-stack';

/**
 * `npm run load:ocop [-- --scale 1] [-- --provinces 40,42]`: the GENERATED OCOP & cooperative dataset
 * (domain/generate.ts of @ntm/ocop; deterministic, plausible, not real) loaded set-based with COPY,
 * replacing the generated rows; prints rows per table and the load rate.
 */
async function main(): Promise<void> {
  const args = readLoadArgs(process.argv.slice(2), 10);
  const local = await openLocalStack();
  try {
    const ocop = local.stack.subgraphs.find((s) => s.name === 'ocop')!;
    console.log(
      `loading the generated OCOP dataset: ${args.provinceCodes ? `provinces ${args.provinceCodes.join(', ')}` : 'whole country'}, scale ${args.scale}`,
    );
    const result = await loadOcopDataset(ocop.orm, {
      ...args,
      onTable: (table, rows) => console.log(`  ${table}: ${rows.toLocaleString('en')} rows`),
    });
    console.log(
      `loaded ${result.rows.toLocaleString('en')} generated rows in ${(result.ms / 1000).toFixed(1)} s: ${Math.round(result.rows / (result.ms / 1000)).toLocaleString('en')} rows/s`,
    );
  } finally {
    await local.stop();
  }
}

main().catch((error) => {
  console.error(`load failed: ${(error as Error).message}`);
  process.exit(1);
});
