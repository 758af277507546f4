import type { EntityManager } from '@mikro-orm/postgresql';
import { toPgArray } from '@ntm/kit';
import { IndicatorValueChange } from '../entities/indicator-value-change.entity';

export interface HistoryKey {
  unitId: string;
  indicatorId: number;
  year: number;
}

/** Reads the audit of reported values (indicator_value_change). */
export class ValueHistoryService {
  constructor(private readonly em: EntityManager) {}

  /** Changes of each (unit, indicator, year), newest first, in key order; one statement for all keys. */
  async ofKeys(keys: readonly HistoryKey[]): Promise<IndicatorValueChange[][]> {
    const rows = await this.em.getConnection().execute<(Record<string, unknown> & { k: number })[]>(
      `select k.ord - 1 as k, c.*
         from unnest(?::text[], ?::int[], ?::smallint[]) with ordinality as k(u, i, y, ord)
         join indicator_value_change c on c.unit_id = k.u and c.indicator_id = k.i and c.year = k.y
        order by c.changed_at desc, c.id desc`,
      [toPgArray(keys.map((k) => k.unitId)), toPgArray(keys.map((k) => k.indicatorId)), toPgArray(keys.map((k) => k.year))],
    );
    const byKey = keys.map(() => [] as IndicatorValueChange[]);
    for (const { k, ...row } of rows) {
      const change = this.em.map(IndicatorValueChange, row);
      byKey[Number(k)].push(Object.assign(change, { changedAt: new Date(change.changedAt).toISOString() }));
    }
    return byKey;
  }
}
