import type { EntityManager } from '@mikro-orm/postgresql';
import { groupedLoader, keyedLoader } from '@ntm/kit';
import { PilotReadService } from '../services/pilot-read.service';
import { PilotWriteService } from '../services/pilot-write.service';

/** Per-request services and loaders: a loader only batches, the service runs the SQL (one statement per batch). */
export function createPilotLoaders({ em }: { em: EntityManager }) {
  const read = new PilotReadService(em);
  return {
    read,
    write: new PilotWriteService(em.getKnex()),
    pilot: keyedLoader(
      (ids: readonly string[]) => read.byIds(ids),
      (p) => p.id,
    ),
    pilotsOfUnit: groupedLoader(
      (unitIds: readonly string[]) => read.ofUnits(unitIds),
      (p) => p.unitId,
    ),
    steps: groupedLoader(
      (ids: readonly string[]) => read.stepsOf(ids),
      (s) => s.pilotId,
    ),
    funding: groupedLoader(
      (ids: readonly string[]) => read.fundingOf(ids),
      (f) => f.pilotId,
    ),
    checklist: groupedLoader(
      (ids: readonly string[]) => read.checklistOf(ids),
      (c) => c.pilotId,
    ),
    successors: keyedLoader(
      (ids: readonly string[]) => read.successorsOf(ids),
      (r) => r.unit_id,
    ),
  };
}

export type PilotLoaders = ReturnType<typeof createPilotLoaders>;
