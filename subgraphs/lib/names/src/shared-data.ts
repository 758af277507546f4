/** The real unit lists in `shared/data/admin-units`, for tests and the benchmark (not part of the library API). */
import { readCsvObjects, readSharedDataText } from '@ntm/data-files';
import type { UnitLevel } from './kinds';
import type { MatchableUnit } from './matcher';

export type UnitListFile = 'units-2025-03-01.csv' | 'units-2025-07-01.csv';

/** One official list's records as the file writes them (fails naming the file when it is missing). */
export function readUnitListRecords(file: UnitListFile): Record<string, string>[] {
  return readCsvObjects(readSharedDataText('admin-units', file));
}

/** One official list as matchable units (id = code, parentId = parent code). */
export function readUnitList(file: UnitListFile): MatchableUnit[] {
  return readUnitListRecords(file).map((r) => ({
    id: r.code,
    code: r.code,
    name: r.full_name,
    level: r.level as UnitLevel,
    kind: r.kind,
    parentId: r.parent_code || null,
  }));
}
