import { groupedLoader, keyedLoader } from '@ntm/kit';
import DataLoader from 'dataloader';
import type { AdminLevel } from '@ntm/admin-unit-contract';
import type { AdminUnit } from '../entities/admin-unit.entity';
import type { CommuneGroupCorrection } from '../entities/commune-group-correction.entity';
import type { UnitLineage } from '../entities/unit-lineage.entity';
import type { AdminUnitServices } from '../services';

/** Per-request DataLoaders: they only batch; each batch is one service call, one SQL statement. */
export function createAdminUnitLoaders({ services }: { services: AdminUnitServices }) {
  const { units, lineage, communeGroups } = services;
  return {
    /** Links to the old units a unit was formed from. */
    predecessorLinks: groupedLoader<string, UnitLineage>(
      (ids) => lineage.predecessorsOf(ids),
      (l) => l.successorId,
    ),
    /** Links to the new units an old unit went into. */
    successorLinks: groupedLoader<string, UnitLineage>(
      (ids) => lineage.successorsOf(ids),
      (l) => l.predecessorId,
    ),
    /** Commune-group corrections of a unit, oldest first. */
    communeGroupHistory: groupedLoader<string, CommuneGroupCorrection>(
      (ids) => communeGroups.historyOf(ids),
      (c) => c.unitId,
    ),
    unitById: keyedLoader<string, AdminUnit>(
      (ids) => units.findByIds(ids),
      (unit) => unit.id,
    ),
    /** One page of children per (parent, limit, offset), all parents of a request in one statement. */
    childPage: new DataLoader<{ parentId: string; limit: number; offset: number }, AdminUnit[], string>((keys) => units.childPages(keys), {
      cacheKeyFn: (k) => `${k.parentId}|${k.limit}|${k.offset}`,
    }),
    childCount: new DataLoader<string, number>(async (ids) => {
      const counts = await units.childCounts(ids);
      return ids.map((id) => counts.get(id) ?? 0);
    }),
    descendantCount: new DataLoader<{ id: string; level: AdminLevel | null }, number, string>((keys) => units.descendantCounts(keys), {
      cacheKeyFn: (key) => `${key.id}|${key.level ?? '*'}`,
    }),
  };
}

export type AdminUnitLoaders = ReturnType<typeof createAdminUnitLoaders>;
