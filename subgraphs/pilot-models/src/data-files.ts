/**
 * File access for the pilot-model data (the only module here that reads files).
 * - This package's reference data: `<package>/data/*.csv` (same place from `src/` and `dist/`).
 * - The project's shared data (`shared/data`, beside the repository), as the other packages find it:
 *   `NTM_SHARED_DIR` (naming the `shared` folder) if set, else `<repository>/../shared`, the repository
 *   being the nearest folder above this file that holds `turbo.json`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DATA_FILES, parseCatalogue, type Catalogue } from './domain/catalogue';

export const PACKAGE_DATA_DIR = path.resolve(__dirname, '..', 'data');

/** The four reference files of this package, parsed and cross-checked. */
export function readCatalogue(dir: string = PACKAGE_DATA_DIR): Catalogue {
  const read = (file: string) => readFileSync(path.join(dir, file), 'utf8');
  return parseCatalogue({
    lifecycle: read(DATA_FILES.lifecycle),
    centralPlan: read(DATA_FILES.centralPlan),
    topicGroups: read(DATA_FILES.topicGroups),
    villageRequirements: read(DATA_FILES.villageRequirements),
  });
}

/** The repository root: the nearest folder above `from` that holds `turbo.json`. */
export function repositoryRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    if (existsSync(path.join(dir, 'turbo.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the repository root above ${from}`);
    dir = parent;
  }
}

/** The `shared` folder: NTM_SHARED_DIR, else beside the repository. */
export function sharedDir(): string {
  return process.env.NTM_SHARED_DIR ?? path.resolve(repositoryRoot(), '..', 'shared');
}

/** `shared/data/pilots/first-batch.csv`: the nine real first-batch pilot communes (see its SOURCE.md). */
export function firstBatchFile(): string {
  return path.join(sharedDir(), 'data', 'pilots', 'first-batch.csv');
}
