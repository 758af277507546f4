import type { EntityManager } from '@mikro-orm/postgresql';
import { UnitProfile } from '@ntm/admin-unit-contract';

/** Reads of this subgraph's replica of unit facts (unit_profile). */
export class UnitProfilesService {
  constructor(private readonly em: EntityManager) {}

  /** The replica rows of many units (one statement): level and validity, for checking a year against a unit. */
  byIds(unitIds: readonly string[]): Promise<UnitProfile[]> {
    return this.em.find(UnitProfile, { unitId: { $in: [...unitIds] } });
  }
}
