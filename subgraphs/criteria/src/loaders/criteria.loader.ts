import type { UnitProfile } from '@ntm/admin-unit-contract';
import { groupedLoader, keyedLoader } from '@ntm/kit';
import { createAccessLoaders } from './access.loader';
import DataLoader from 'dataloader';
import type { IndicatorValueRecord } from '../entities/indicator-value.entity';
import type { RecognitionDecision } from '../entities/recognition-decision.entity';
import type { CriteriaServices } from '../services';

/** Per-request loaders: they only batch; values and decisions of many units in one service call (one statement) each. */
export function createCriteriaLoaders({ services }: { services: CriteriaServices }) {
  return {
    ...createAccessLoaders(services),
    /** Stored values of (unit, year): indicator id → record. */
    unitYearValues: new DataLoader<{ unitId: string; year: number }, Map<number, IndicatorValueRecord>, string>(
      async (keys) => {
        const byKey = await (await services.values()).valuesOf(keys);
        return keys.map((k) => byKey.get(`${k.unitId}|${k.year}`) ?? new Map());
      },
      { cacheKeyFn: (k) => `${k.unitId}|${k.year}` },
    ),
    /** The replica facts of units: their list's validity, for checking a year against a unit. */
    unitProfile: keyedLoader<string, UnitProfile>(
      (ids) => services.unitProfiles.byIds(ids),
      (p) => p.unitId,
    ),
    recognitions: groupedLoader<string, RecognitionDecision>(
      (unitIds) => services.recognitions.ofUnits(unitIds),
      (d) => d.unitId,
    ),
  };
}

export type CriteriaLoaders = ReturnType<typeof createCriteriaLoaders>;
