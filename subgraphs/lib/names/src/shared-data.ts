/** The real unit lists in `<repo>/../shared/data/admin-units`, for tests and the benchmark (not part of the library API). */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCsv } from './csv';
import type { UnitLevel } from './kinds';
import type { MatchableUnit } from './matcher';

/** The monorepo root: the nearest folder above `from` whose package.json declares workspaces. */
export function findRepoRoot(from: string = __dirname): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && 'workspaces' in (JSON.parse(readFileSync(manifest, 'utf8')) as object)) return dir;
    if (path.dirname(dir) === dir) throw new Error(`cannot find the repository root above ${from}; set NTM_SHARED_DIR`);
  }
}

/** `shared/data/admin-units`: under NTM_SHARED_DIR (which names the `shared` folder) if set, else next to the repository. */
export function adminUnitsDir(): string {
  const shared = process.env.NTM_SHARED_DIR;
  return shared ? path.join(shared, 'data', 'admin-units') : path.resolve(findRepoRoot(), '..', 'shared', 'data', 'admin-units');
}

export type UnitListFile = 'units-2025-03-01.csv' | 'units-2025-07-01.csv';

/** One official list as matchable units (id = code, parentId = parent code). */
export function readUnitList(file: UnitListFile): MatchableUnit[] {
  const records = parseCsv(readFileSync(path.join(adminUnitsDir(), file), 'utf8'));
  return records.map((r) => ({ id: r.code, code: r.code, name: r.full_name, level: r.level as UnitLevel, kind: r.kind, parentId: r.parent_code || null }));
}
