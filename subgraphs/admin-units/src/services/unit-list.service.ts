import type { EntityManager } from '@mikro-orm/postgresql';
import { inForceFilter } from '@ntm/kit';
import { UnitList } from '../entities/unit-list.entity';

/** Reads of the official unit lists (a handful of rows): at most one statement per request for all of them. */
export class UnitListService {
  private lists: Promise<UnitList[]> | null = null;

  constructor(private readonly em: EntityManager) {}

  /** Every list, oldest edition first. */
  all(): Promise<UnitList[]> {
    this.lists ??= this.em.find(UnitList, {}, { orderBy: { id: 'asc' } });
    return this.lists;
  }

  async byId(id: string): Promise<UnitList | null> {
    return (await this.all()).find((l) => l.id === id) ?? null;
  }

  /** Id of the official list in force on a date, or null. */
  async inForceOn(date: string): Promise<string | null> {
    const list = await this.em.findOne(UnitList, inForceFilter(date), { fields: ['id'] });
    return list?.id ?? null;
  }
}
