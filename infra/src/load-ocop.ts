import 'reflect-metadata';
import { loadOcopDataset } from '@ntm/ocop';
import { openLocalStack } from './local-stack';

/**
 * `npm run load:ocop [-- --scale 1] [-- --provinces 40,42]`: the GENERATED OCOP & cooperative dataset
 * (domain/generate.ts of @ntm/ocop; deterministic, plausible, not real) loaded set-based with COPY,
 * replacing the generated rows; prints rows per table and the load rate.
 */
function readArgs(argv: string[]): { scale: number; provinceCodes: string[] | null } {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const scale = Number(value('--scale') ?? 1);
  if (!(scale > 0 && scale <= 10)) throw new Error(`--scale must be a number in (0, 10], got ${value('--scale')}`);
  const provinces = value('--provinces');
  return { scale, provinceCodes: provinces ? provinces.split(',').map((p) => p.trim()) : null };
}

async function main(): Promise<void> {
  const args = readArgs(process.argv.slice(2));
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
