import 'reflect-metadata';
import { loadSyntheticDataset } from '@ntm/criteria';
import { readLoadArgs } from './load-args';
import { openLocalStack } from './local-stack';

/**
 * `npm run load:national`: the synthetic national dataset — every commune and district, 2021–2024
 * on the pre-reform list and 2025–2026 on the current one, every indicator of every set (about
 * 2.5 million values) — loaded set-based, with a progress line and the rate at the end.
 * SYNTHETIC data: deterministic, plausible, not real.
 * Options: `--scale 0.1` (a deterministic tenth of the units), `--provinces 40,42`.
 */
async function main(): Promise<void> {
  const args = readLoadArgs(process.argv.slice(2), 1);
  const local = await openLocalStack();
  try {
    const criteria = local.stack.subgraphs.find((s) => s.name === 'criteria')!;
    let last = 0;
    console.log(
      `loading synthetic values: ${args.provinceCodes ? `provinces ${args.provinceCodes.join(', ')}` : 'whole country'}, scale ${args.scale}`,
    );
    const result = await loadSyntheticDataset(criteria.orm, {
      provinceCodes: args.provinceCodes,
      scale: args.scale,
      onProgress: (written, total) => {
        const now = Date.now();
        if (now - last > 250 || written === total) {
          last = now;
          process.stdout.write(
            `\r  ${written.toLocaleString('en')} / ${total.toLocaleString('en')} values (${((100 * written) / total).toFixed(1)}%)   `,
          );
        }
      },
    });
    process.stdout.write('\n');
    const rate = Math.round(result.values / (result.ms / 1000));
    console.log(
      `loaded ${result.values.toLocaleString('en')} synthetic values for ${result.units.toLocaleString('en')} units ` +
        `(${result.decisions.toLocaleString('en')} generated recognition decisions) in ${(result.ms / 1000).toFixed(1)} s: ${rate.toLocaleString('en')} rows/s`,
    );
  } finally {
    await local.stop();
  }
}

main().catch((error) => {
  console.error(`load failed: ${(error as Error).message}`);
  process.exit(1);
});
