import type { EntityManager } from '@mikro-orm/postgresql';
import { hasRole, toPgArray, type User } from '@ntm/kit';
import { uncoveredUnits } from '@ntm/admin-unit-contract';
import DataLoader from 'dataloader';
import { seesDrafts, type WorkflowRole } from '../domain/value-workflow';
import type { IndicatorValueChange } from '../entities/indicator-value-change.entity';

export interface HistoryKey {
  unitId: string;
  indicatorId: number;
  year: number;
}

/** Per-request loaders that depend on the reader: whether they see a unit's drafts; value histories. */
export function createAccessLoaders(em: EntityManager, user: User | null) {
  return {
    /** True when the reader sees DRAFT values of the unit (MINISTRY, ADMIN, or a scope covering it). One statement per batch. */
    seesDrafts: new DataLoader<string, boolean>(async (unitIds) => {
      if (!user) return unitIds.map(() => false);
      if (hasRole(user, 'MINISTRY', 'ADMIN')) return unitIds.map(() => true);
      const outside = new Set(await uncoveredUnits(em, user, unitIds));
      return unitIds.map((id) => seesDrafts(user.roles as WorkflowRole[], !outside.has(id)));
    }),
    /** Changes of (unit, indicator, year), newest first; all keys of a request in one statement. */
    valueHistory: new DataLoader<HistoryKey, IndicatorValueChange[], string>(
      async (keys) => {
        const rows = await em.getConnection().execute<(IndicatorValueChange & { k: number })[]>(
          `select k.ord - 1 as k, c.id, c.indicator_id as "indicatorId", c.year, c.unit_id as "unitId", c.changed_at as "changedAt",
                  c.changed_by as "changedBy", c.from_value as "fromValue", c.to_value as "toValue", c.from_status as "fromStatus",
                  c.to_status as "toStatus", c.source, c.reason
             from unnest(?::text[], ?::int[], ?::smallint[]) with ordinality as k(u, i, y, ord)
             join indicator_value_change c on c.unit_id = k.u and c.indicator_id = k.i and c.year = k.y
            order by c.changed_at desc, c.id desc`,
          [toPgArray(keys.map((k) => k.unitId)), toPgArray(keys.map((k) => k.indicatorId)), toPgArray(keys.map((k) => k.year))],
        );
        const byKey = keys.map(() => [] as IndicatorValueChange[]);
        for (const { k, ...change } of rows) byKey[Number(k)].push({ ...change, changedAt: new Date(change.changedAt).toISOString() });
        return byKey;
      },
      { cacheKeyFn: (k) => `${k.unitId}|${k.indicatorId}|${k.year}` },
    ),
  };
}
