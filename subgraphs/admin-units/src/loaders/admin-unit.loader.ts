import type { EntityManager } from '@mikro-orm/postgresql';
import { groupedLoader, keyedLoader } from '@ntm/kit';
import DataLoader from 'dataloader';
import type { AdminLevel } from '@ntm/admin-unit-contract';
import type { AdminUnit } from '../entities/admin-unit.entity';
import { AdminUnitService } from '../services/admin-unit.service';
import { LineageService, type LinkRow } from '../services/lineage.service';

/** Per-request DataLoaders: one SQL statement per batch of units, whatever a query's shape. */
export function createAdminUnitLoaders({ em }: { em: EntityManager }) {
  const service = new AdminUnitService(em);
  const lineage = new LineageService(em);
  return {
    service,
    /** Links to the old units a unit was formed from. */
    predecessorLinks: groupedLoader<string, LinkRow>((ids) => lineage.predecessorsOf(ids), (l) => l.successor_id),
    /** Links to the new units an old unit went into. */
    successorLinks: groupedLoader<string, LinkRow>((ids) => lineage.successorsOf(ids), (l) => l.predecessor_id),
    unitById: keyedLoader<string, AdminUnit>((ids) => service.findByIds(ids), (unit) => unit.id),
    /** One page of children per (parent, limit, offset), all parents of a request in one statement. */
    childPage: new DataLoader<{ parentId: string; limit: number; offset: number }, AdminUnit[], string>((keys) => service.childPages(keys), {
      cacheKeyFn: (k) => `${k.parentId}|${k.limit}|${k.offset}`,
    }),
    childCount: new DataLoader<string, number>(async (ids) => {
      const counts = await service.childCounts(ids);
      return ids.map((id) => counts.get(id) ?? 0);
    }),
    descendantCount: new DataLoader<{ id: string; level: AdminLevel | null }, number, string>(
      (keys) => service.descendantCounts(keys),
      { cacheKeyFn: (key) => `${key.id}|${key.level ?? '*'}` },
    ),
  };
}

export type AdminUnitLoaders = ReturnType<typeof createAdminUnitLoaders>;
