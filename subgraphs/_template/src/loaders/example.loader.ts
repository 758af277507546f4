import type { EntityManager } from '@mikro-orm/postgresql';
import { groupedLoader } from '@ntm/kit';
import { ExampleService } from '../services/example.service';

/** TEMPLATE: per-request services and loaders; a loader only batches, the service runs the SQL. */
export function createTemplateLoaders({ em }: { em: EntityManager }) {
  const examples = new ExampleService(em);
  return {
    examples,
    examplesOfUnit: groupedLoader((unitIds: readonly string[]) => examples.ofUnits(unitIds), (e) => e.unitId),
  };
}

export type TemplateLoaders = ReturnType<typeof createTemplateLoaders>;
