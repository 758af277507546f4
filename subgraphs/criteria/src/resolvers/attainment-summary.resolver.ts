import { checkPageSize, decodeOffsetCursor, offsetConnection, userInputError, type Connection } from '@ntm/kit';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { FIRST_YEAR, LAST_YEAR } from '../domain/reporting-period';
import { CriteriaAdminUnit as AdminUnit } from './types/admin-unit.type';
import { AttainmentStatus } from '../entities/enums';
import { setForYear } from './set-for-year';
import { GapOrder, IndicatorGap, IndicatorGapConnection } from './types/gap.types';
import { AttainmentSummary } from './types/summary.types';

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw userInputError(`year: must be between ${FIRST_YEAR} and ${LAST_YEAR}, got ${year}`, { field: 'year' });
  }
}

@Resolver()
export class AttainmentSummaryResolver {
  @Query(() => AttainmentSummary, {
    description:
      'Roll-up of a criteria set for a year over every unit of its level within a province or district (or the whole country): how many meet the set, each criterion and each indicator. One SQL statement, whatever the number of units.',
  })
  async attainmentSummary(
    @Arg('set', () => String, {
      nullable: true,
      description:
        'Criteria set code; absent = the communes’ standard national set in force for the year (COMMUNE_NTM_2021_2025 up to 2025, COMMUNE_NTM_2026_2030 from 2026). A set asked for outside its period is an error naming the set in force.',
    })
    setCode: string | null,
    @Arg('year', () => Int, { description: 'Year.' }) year: number,
    @Arg('within', () => String, { nullable: true, description: 'Code of a province or district; absent = whole country.' }) within: string | null,
    @Arg('asOf', () => Date, { nullable: true, description: 'Date whose list `within` refers to; default: the list of the year’s units.' })
    asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<AttainmentSummary> {
    checkYear(year);
    const set = setForYear(await ctx.services.catalog(), setCode, 'COMMUNE', year);
    const service = await ctx.services.attainment();
    const withinId = await service.resolveWithin(within, asOf, year);
    const counts = await service.summary(set, year, withinId);
    return { setCode: set.code, year, withinId, ...counts };
  }

  @Query(() => IndicatorGapConnection, {
    description:
      'Units of an area that do not meet one indicator in a year (optionally also those without data), with value, applied threshold and gap, sortable by gap, paged.',
  })
  async unitsMissingIndicator(
    @Arg('set', () => String, {
      nullable: true,
      description: 'Criteria set code; absent = the communes’ standard national set in force for the year.',
    })
    setCode: string | null,
    @Arg('indicator', () => String, { description: 'Indicator code within the set, e.g. "8.4".' }) indicatorCode: string,
    @Arg('year', () => Int, { description: 'Year.' }) year: number,
    @Arg('within', () => String, { nullable: true, description: 'Code of a province or district; absent = whole country.' }) within: string | null,
    @Arg('asOf', () => Date, { nullable: true, description: 'Date whose list `within` refers to.' }) asOf: string | null,
    @Arg('includeNoData', () => Boolean, { defaultValue: false, description: 'Also list units without a value.' }) includeNoData: boolean,
    @Arg('orderBy', () => GapOrder, { defaultValue: GapOrder.GAP_DESC, description: 'Sort order.' }) orderBy: GapOrder,
    @Arg('first', () => Int, { defaultValue: 20, description: 'Page size, at most 500.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page.' }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<IndicatorGap>> {
    checkPageSize(first);
    checkYear(year);
    const offset = decodeOffsetCursor(after);
    const catalog = await ctx.services.catalog();
    const set = setForYear(catalog, setCode, 'COMMUNE', year);
    const indicator = catalog.indicatorByKey(`${set.code}/${indicatorCode}`);
    if (!indicator) throw userInputError(`indicator: no indicator "${indicatorCode}" in ${set.code}`, { field: 'indicator' });
    const service = await ctx.services.attainment();
    const withinId = await service.resolveWithin(within, asOf, year);
    const { rows, totalCount } = await service.unitsNotMeeting(set, indicator.id, year, withinId, { includeNoData, order: orderBy, first, offset });
    const thresholds = service.thresholdDescriptions(indicator, year);
    const nodes = rows.map((r) => ({
      unit: Object.assign(new AdminUnit(), { id: r.unit_id }),
      status: r.status as AttainmentStatus,
      value: r.value,
      threshold: thresholds.get(r.profile) ?? null,
      gap: r.gap === null ? null : Math.round(Number(r.gap) * 1e6) / 1e6,
    }));
    return offsetConnection(nodes, offset, first, totalCount);
  }
}
