import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The monorepo root: the nearest folder above `from` whose package.json declares workspaces. */
export function findRepoRoot(from: string = __dirname): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && 'workspaces' in (JSON.parse(readFileSync(manifest, 'utf8')) as object)) return dir;
    if (path.dirname(dir) === dir) throw new Error(`cannot find the repository root above ${from}; set NTM_SHARED_DIR`);
  }
}

/**
 * The folder of shared reference data (`shared/data`), which sits beside the repository
 * (`<repo>/../shared/data`). `NTM_SHARED_DIR` overrides it (it names the `shared` folder).
 * The one place that knows where shared data is: seeds, specs and benchmarks all ask here.
 */
export function sharedDataDir(from: string = __dirname): string {
  const shared = process.env.NTM_SHARED_DIR;
  return shared ? path.join(shared, 'data') : path.resolve(findRepoRoot(from), '..', 'shared', 'data');
}

/**
 * The path of a file under `shared/data` (e.g. `sharedDataFile('admin-units', 'units-2025-07-01.csv')`).
 * Throws naming the path and NTM_SHARED_DIR when the file is missing, so a test that needs it fails
 * with that message instead of being skipped.
 */
export function sharedDataFile(...parts: string[]): string {
  const file = path.join(sharedDataDir(), ...parts);
  if (!existsSync(file)) {
    throw new Error(`shared data file ${file} is missing; put the shared folder beside the repository or set NTM_SHARED_DIR to it`);
  }
  return file;
}

/** The text of a file under `shared/data` (see sharedDataFile). */
export function readSharedDataText(...parts: string[]): string {
  return readFileSync(sharedDataFile(...parts), 'utf8');
}
