import { readSharedDataText } from '@ntm/kit';
import { readCsvObjects } from '@ntm/data-files';
import type { MatchableUnit, UnitLevel } from '@ntm/names';
import path from 'node:path';
import { resolveLineage, type LineageResult, type PredecessorRow } from '../domain/lineage';
import { LIST_AFTER_REFORM, LIST_BEFORE_REFORM, UNIT_LISTS, unitId } from './unit-lists';

export const PREDECESSORS_FILE = 'predecessors-2025-07-01.csv';
export const LINEAGE_REPORT = path.resolve(__dirname, '..', '..', 'reports', 'lineage-report.md');

export function readPredecessorsText(): string {
  return readSharedDataText('admin-units', PREDECESSORS_FILE);
}

/** The official units of one list as the matcher sees them (no generated villages). */
export function readListUnits(listId: string): MatchableUnit[] {
  const list = UNIT_LISTS.find((l) => l.id === listId)!;
  const records = readCsvObjects(readSharedDataText('admin-units', list.file));
  return records.map((r) => ({
    id: unitId(r.code, listId),
    code: r.code,
    name: r.full_name,
    level: r.level as UnitLevel,
    kind: r.kind,
    parentId: r.parent_code ? unitId(r.parent_code, listId) : null,
  }));
}

/** Lineage of the real files, with the old units (for the report). */
export function computeLineage(): { result: LineageResult; oldUnits: MatchableUnit[] } {
  const oldUnits = readListUnits(LIST_BEFORE_REFORM);
  const newUnits = readListUnits(LIST_AFTER_REFORM);
  const rows = readCsvObjects(readPredecessorsText()) as unknown as PredecessorRow[];
  return { result: resolveLineage(oldUnits, newUnits, rows), oldUnits };
}
