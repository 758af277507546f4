import type { EntityManager } from '@mikro-orm/postgresql';
import { AdminUnitService } from './admin-unit.service';
import { CommuneGroupService } from './commune-group.service';
import { LineageService } from './lineage.service';
import { MatchService } from './matcher.service';
import { UnitListService } from './unit-list.service';

/** The services of one request, on its EntityManager (the loaders' batch functions call them). */
export function createAdminUnitServices({ em }: { em: EntityManager }) {
  return {
    units: new AdminUnitService(em),
    lists: new UnitListService(em),
    lineage: new LineageService(em),
    match: new MatchService(em),
    communeGroups: new CommuneGroupService(em),
  };
}

export type AdminUnitServices = ReturnType<typeof createAdminUnitServices>;
