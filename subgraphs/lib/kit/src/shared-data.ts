import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The folder of shared reference data (`shared/data`), which sits beside the repository
 * (`<repo>/../shared/data`). `NTM_SHARED_DIR` overrides it (it names the `shared` folder).
 */
export function sharedDataDir(from = __dirname): string {
  if (process.env.NTM_SHARED_DIR) return path.join(process.env.NTM_SHARED_DIR, 'data');
  let dir = from;
  for (;;) {
    if (existsSync(path.join(dir, 'turbo.json'))) return path.resolve(dir, '..', 'shared', 'data');
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the repository root above ${from}; set NTM_SHARED_DIR`);
    dir = parent;
  }
}
