import type { Context } from '../context';
import type { IndicatorValueRecord } from '../entities/indicator-value.entity';

/**
 * The stored values of a unit and year that this reader may see: DRAFT values only for readers
 * whose scope covers the unit (and MINISTRY, ADMIN); never for anonymous readers. Per-unit reads
 * (indicatorValues, assessment) use it, so a draft shows nowhere outside its scope.
 */
export async function visibleValues(ctx: Context, unitId: string, year: number): Promise<Map<number, IndicatorValueRecord>> {
  const [values, drafts] = await Promise.all([ctx.loaders.unitYearValues.load({ unitId, year }), ctx.loaders.seesDrafts.load(unitId)]);
  if (drafts) return values;
  return new Map([...values].filter(([, v]) => v.status !== 'DRAFT'));
}
