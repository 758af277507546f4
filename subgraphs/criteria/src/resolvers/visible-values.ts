import type { Context } from '../context';
import type { IndicatorValueRecord } from '../entities/indicator-value.entity';

/**
 * The stored values of a unit and year that this reader may see: DRAFT values only for readers
 * whose scope covers the unit (and MINISTRY, ADMIN); never for anonymous readers. Per-unit reads
 * (indicatorValues, assessment) use it, so a draft shows nowhere outside its scope.
 * The returned map may be the loader's own (when nothing is hidden): read it, never change it.
 */
export async function visibleValues(ctx: Context, unitId: string, year: number): Promise<Map<number, IndicatorValueRecord>> {
  const [values, drafts] = await Promise.all([ctx.loaders.unitYearValues.load({ unitId, year }), ctx.loaders.seesDrafts.load(unitId)]);
  return drafts ? values : withoutDrafts(values);
}

/** The values that are not DRAFT: the same map when there is none (most units of a pull), else a filtered copy. */
export function withoutDrafts(values: Map<number, IndicatorValueRecord>): Map<number, IndicatorValueRecord> {
  let hasDraft = false;
  for (const value of values.values()) {
    if (value.status === 'DRAFT') {
      hasDraft = true;
      break;
    }
  }
  if (!hasDraft) return values;
  const visible = new Map<number, IndicatorValueRecord>();
  for (const [id, value] of values) if (value.status !== 'DRAFT') visible.set(id, value);
  return visible;
}
