import { groupedLoader } from '@ntm/kit';
import type { TemplateServices } from '../services';

/** TEMPLATE: per-request loaders; a loader only batches, the service runs the SQL. */
export function createTemplateLoaders({ services }: { services: TemplateServices }) {
  return {
    examplesOfUnit: groupedLoader(
      (unitIds: readonly string[]) => services.examples.ofUnits(unitIds),
      (e) => e.unitId,
    ),
  };
}

export type TemplateLoaders = ReturnType<typeof createTemplateLoaders>;
