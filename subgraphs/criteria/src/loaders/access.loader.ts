import DataLoader from 'dataloader';
import type { IndicatorValueChange } from '../entities/indicator-value-change.entity';
import type { CriteriaServices } from '../services';
import type { HistoryKey } from '../services/value-history.service';

/** Per-request loaders that depend on the reader: whether they see a unit's drafts; value histories. */
export function createAccessLoaders(services: CriteriaServices) {
  return {
    /** True when the reader sees DRAFT values of the unit (MINISTRY, ADMIN, or a scope covering it). At most one statement per batch. */
    seesDrafts: new DataLoader<string, boolean>((unitIds) => services.access.seesDrafts(unitIds)),
    /** Changes of (unit, indicator, year), newest first; all keys of a request in one statement. */
    valueHistory: new DataLoader<HistoryKey, IndicatorValueChange[], string>((keys) => services.valueHistory.ofKeys(keys), {
      cacheKeyFn: (k) => `${k.unitId}|${k.indicatorId}|${k.year}`,
    }),
  };
}
