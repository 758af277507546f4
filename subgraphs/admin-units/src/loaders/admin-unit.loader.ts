import type { EntityManager } from '@mikro-orm/postgresql';
import { keyedLoader } from '@ntm/kit';
import DataLoader from 'dataloader';
import type { AdminLevel } from '../entities/admin-level';
import type { AdminUnit } from '../entities/admin-unit.entity';
import { AdminUnitService } from '../services/admin-unit.service';

/** Per-request DataLoaders: one SQL statement per batch of units, whatever a query's shape. */
export function createAdminUnitLoaders({ em }: { em: EntityManager }) {
  const service = new AdminUnitService(em);
  return {
    service,
    unitById: keyedLoader<string, AdminUnit>((ids) => service.findByIds(ids), (unit) => unit.id),
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
