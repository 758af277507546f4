import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCsv } from './csv';
import type { MatchableUnit } from './matcher';
import type { UnitLevel } from './parse';

/** The real unit lists of `shared/data/admin-units` (NTM_SHARED_DIR overrides `<repo>/../shared`). */
export function readSharedUnits(file: 'units-2025-03-01.csv' | 'units-2025-07-01.csv'): MatchableUnit[] {
  const shared = process.env.NTM_SHARED_DIR ?? path.resolve(__dirname, '..', '..', '..', '..', 'shared');
  const records = parseCsv(readFileSync(path.join(shared, 'data', 'admin-units', file), 'utf8'));
  return records.map((r) => ({ id: r.code, code: r.code, name: r.full_name, level: r.level as UnitLevel, kind: r.kind, parentId: r.parent_code || null }));
}
