import { userInputError } from '@ntm/kit';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { CriteriaAdminUnit as AdminUnit } from './types/admin-unit.type';
import type { Context } from '../context';
import { IndicatorValueChange } from '../entities/indicator-value-change.entity';
import { ValueStatus } from '../entities/enums';

@Resolver(() => AdminUnit)
export class ValueHistoryResolver {
  @FieldResolver(() => [IndicatorValueChange], {
    description:
      'Every change of this unit’s value of an indicator in a year, newest first: who, when, old and new value and status, source, reason. A reader who may not see the unit’s DRAFT values sees no change to a DRAFT and no DRAFT value before a change.',
  })
  async indicatorValueHistory(
    @Root() unit: AdminUnit,
    @Arg('indicator', () => String, { description: 'Indicator: "8.4" (standard set of the unit’s level) or "<set>/<code>".' }) indicatorCode: string,
    @Arg('year', () => Int, { description: 'Year reported.' }) year: number,
    @Ctx() ctx: Context,
  ): Promise<IndicatorValueChange[]> {
    const profile = await ctx.loaders.unitProfile.load(unit.id);
    const indicator = (await ctx.services.catalog()).resolve(indicatorCode, profile?.level ?? null, year);
    if (!indicator) throw userInputError(`indicator: unknown indicator "${indicatorCode}" for ${unit.id}`, { field: 'indicator' });
    const [changes, drafts] = await Promise.all([
      ctx.loaders.valueHistory.load({ unitId: unit.id, indicatorId: indicator.id, year }),
      ctx.loaders.seesDrafts.load(unit.id),
    ]);
    if (drafts) return changes;
    return changes
      .filter((c) => c.toStatus !== ValueStatus.DRAFT)
      .map((c) => (c.fromStatus === ValueStatus.DRAFT ? Object.assign(new IndicatorValueChange(), c, { fromValue: null, fromStatus: null }) : c));
  }
}
