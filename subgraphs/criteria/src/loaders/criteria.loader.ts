import type { EntityManager } from '@mikro-orm/postgresql';
import { groupedLoader, keyedLoader, toPgArray, type User } from '@ntm/kit';
import { createAccessLoaders } from './access.loader';
import DataLoader from 'dataloader';
import type { RecognitionDecision } from '../entities/recognition-decision.entity';
import { getCatalog } from '../services/catalog';
import { IndicatorValuesService, type StoredValue } from '../services/indicator-values.service';
import { AttainmentService } from '../services/attainment.service';

/** Per-request loaders and services: values and decisions of many units in one statement each. */
export function createCriteriaLoaders({ em, user }: { em: EntityManager; user: User | null }) {
  const catalog = () => getCatalog(em);
  return {
    ...createAccessLoaders(em, user),
    catalog,
    attainment: async () => new AttainmentService(em, await catalog()),
    values: async () => new IndicatorValuesService(em, await catalog()),
    /** Stored values of (unit, year): indicator id → record. */
    unitYearValues: new DataLoader<{ unitId: string; year: number }, Map<number, StoredValue>, string>(
      async (keys) => {
        const service = new IndicatorValuesService(em, await catalog());
        const byKey = await service.valuesOf(keys);
        return keys.map((k) => byKey.get(`${k.unitId}|${k.year}`) ?? new Map());
      },
      { cacheKeyFn: (k) => `${k.unitId}|${k.year}` },
    ),
    /** The replica facts of units: their list's validity, for checking a year against a unit. */
    unitProfile: keyedLoader<string, { unit_id: string; level: string; valid_from: string | null; valid_to: string | null }>(
      (ids) => em.getConnection().execute(`select unit_id, level, valid_from, valid_to from unit_profile where unit_id = any(?::text[])`, [toPgArray(ids)]),
      (p) => p.unit_id,
    ),
    recognitions: groupedLoader<string, RecognitionDecision>(
      (unitIds) =>
        em.getConnection().execute(
          `select id, unit_id as "unitId", set_code as "setCode", decision_number as "decisionNumber", decided_on as "decidedOn", authority, generated
             from recognition_decision where unit_id = any(?::text[]) order by decided_on, id`,
          [toPgArray(unitIds)],
        ),
      (d) => d.unitId,
    ),
  };
}

export type CriteriaLoaders = ReturnType<typeof createCriteriaLoaders>;
