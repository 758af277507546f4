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
    /** Stored values of (unit, year) for the indicators of one criteria set only: indicator id → record. */
    unitYearSetValues: new DataLoader<{ unitId: string; year: number; setCode: string }, Map<number, IndicatorValueRecord>, string>(
      async (keys) => {
        const [values, catalog] = await Promise.all([services.values(), services.catalog()]);
        const bySet = new Map<string, Map<string, Map<number, IndicatorValueRecord>>>();
        for (const setCode of new Set(keys.map((k) => k.setCode))) {
          const ids = catalog.indicatorsOfSet(setCode).map((i) => i.id);
          bySet.set(
            setCode,
            await values.valuesOf(
              keys.filter((k) => k.setCode === setCode),
              ids,
            ),
          );
        }
        return keys.map((k) => bySet.get(k.setCode)!.get(`${k.unitId}|${k.year}`) ?? new Map());
      },
      { cacheKeyFn: (k) => `${k.unitId}|${k.year}|${k.setCode}` },
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
