import type { EntityManager } from '@mikro-orm/postgresql';
import { Example } from '../entities/example.entity';

/** TEMPLATE: reads and writes of one area of the domain; set-based SQL only where speed needs it. */
export class ExampleService {
  constructor(private readonly em: EntityManager) {}

  /** Examples of many units in one statement (for the loader). */
  ofUnits(unitIds: readonly string[]): Promise<Example[]> {
    return this.em.find(Example, { unitId: { $in: [...unitIds] } }, { orderBy: { id: 'asc' } });
  }

  byId(id: number): Promise<Example | null> {
    return this.em.findOne(Example, { id });
  }
}
