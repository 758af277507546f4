import type { EntityManager } from '@mikro-orm/postgresql';
import { toPgArray } from '@ntm/kit';

export interface LinkRow {
  successor_id: string;
  predecessor_id: string;
  share: 'WHOLE' | 'PART';
  source_text: string;
}

/** Reads of the lineage graph; one statement per batch of units. */
export class LineageService {
  constructor(private readonly em: EntityManager) {}

  async predecessorsOf(ids: readonly string[]): Promise<LinkRow[]> {
    return this.em.getConnection().execute<LinkRow[]>(
      `select l.* from unit_lineage l join admin_unit p on p.id = l.predecessor_id
        where l.successor_id = any(?::text[]) order by p.code`,
      [toPgArray(ids)],
    );
  }

  async successorsOf(ids: readonly string[]): Promise<LinkRow[]> {
    return this.em.getConnection().execute<LinkRow[]>(
      `select l.* from unit_lineage l join admin_unit s on s.id = l.successor_id
        where l.predecessor_id = any(?::text[]) order by s.code`,
      [toPgArray(ids)],
    );
  }
}
