import { checkPageSize, decodeOffsetCursor, offsetConnection, today, userInputError, type Connection } from '@ntm/kit';
import { searchKey } from '@ntm/names';
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { AdminLevel } from '@ntm/admin-unit-contract';
import { AdminUnit } from '../entities/admin-unit.entity';
import { UnitList } from '../entities/unit-list.entity';
import { AdminUnitConnection } from './admin-unit.connection';
import { AdminUnitFilter } from './inputs/admin-unit-filter.input';

@Resolver(() => AdminUnit)
export class AdminUnitResolver {
  @Query(() => AdminUnit, {
    nullable: true,
    description: 'The unit with this official code in the list in force on `asOf` (default today); null when there is none.',
  })
  adminUnit(
    @Arg('code', () => String, { description: 'Official GSO code, e.g. "40" (province), "00004" (commune).' }) code: string,
    @Arg('asOf', () => Date, { nullable: true, description: 'The date whose list applies; default today.' }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<AdminUnit | null> {
    return ctx.services.units.findByCode(code, asOf ?? today());
  }

  @Query(() => AdminUnitConnection, { description: 'Units matching a filter, paged (Relay connection), best name matches first, then by code.' })
  async adminUnits(
    @Arg('filter', () => AdminUnitFilter, { nullable: true, description: 'Which units: name search, level, ancestor, date.' })
    filter: AdminUnitFilter | null,
    @Arg('first', () => Int, { defaultValue: 20, description: 'Page size, at most 500.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page.' }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<AdminUnit>> {
    checkPageSize(first);
    const offset = decodeOffsetCursor(after);
    const asOf = filter?.asOf ?? today();
    if (filter?.search && !searchKey(filter.search)) {
      throw userInputError(`filter.search: "${filter.search}" has no letters or digits to search for`, { field: 'filter.search' });
    }
    let withinId: string | null = null;
    if (filter?.within) {
      const ancestor = await ctx.services.units.findByCode(filter.within, asOf);
      if (!ancestor)
        throw userInputError(`filter.within: no unit with code "${filter.within}" in the list in force on ${asOf}`, { field: 'filter.within' });
      withinId = ancestor.id;
    }
    const { rows, totalCount } = await ctx.services.units.search({ search: filter?.search, level: filter?.level, withinId, asOf }, first, offset);
    return offsetConnection(rows, offset, first, totalCount);
  }

  @Query(() => [UnitList], { description: 'The official unit lists this graph carries, with their periods in force.' })
  unitLists(@Ctx() ctx: Context): Promise<UnitList[]> {
    return ctx.services.lists.all();
  }

  @Query(() => String, {
    description:
      'Version of the unit data: changes whenever the lists are reloaded differently. Bulk consumers compare it to know when to pull again.',
  })
  adminUnitsDataVersion(@Ctx() ctx: Context): Promise<string> {
    return ctx.services.units.dataVersion();
  }

  @FieldResolver(() => UnitList, { description: 'The official list this unit belongs to.' })
  async list(@Root() unit: AdminUnit, @Ctx() ctx: Context): Promise<UnitList> {
    const list = await ctx.services.lists.byId(unit.listId);
    if (!list) throw new Error(`unit ${unit.id} names list ${unit.listId}, which is not loaded`);
    return list;
  }

  @FieldResolver(() => AdminUnit, { nullable: true, description: 'The unit directly above; null for a province.' })
  parent(@Root() unit: AdminUnit, @Ctx() ctx: Context): Promise<AdminUnit | null> | null {
    return unit.parentId ? ctx.loaders.unitById.load(unit.parentId) : null;
  }

  @FieldResolver(() => [AdminUnit], { description: 'All units above, from the province down to the parent.' })
  async ancestors(@Root() unit: AdminUnit, @Ctx() ctx: Context): Promise<AdminUnit[]> {
    const units = await ctx.loaders.unitById.loadMany(unit.ancestorIds);
    return units.filter((u): u is AdminUnit => u instanceof Object && !(u instanceof Error));
  }

  @FieldResolver(() => AdminUnitConnection, { description: 'The units directly below, by code, paged.' })
  async children(
    @Root() unit: AdminUnit,
    @Arg('first', () => Int, { defaultValue: 50, description: 'Page size, at most 500.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page.' }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<AdminUnit>> {
    checkPageSize(first);
    const offset = decodeOffsetCursor(after);
    const [rows, totalCount] = await Promise.all([
      first > 0 ? ctx.loaders.childPage.load({ parentId: unit.id, limit: first + 1, offset }) : Promise.resolve([]),
      ctx.loaders.childCount.load(unit.id),
    ]);
    return offsetConnection(rows, offset, first, totalCount);
  }

  @FieldResolver(() => Int, {
    description: 'How many units lie below this one, at any depth, optionally only of one level. One SQL statement, whatever the subtree size.',
  })
  descendantCount(
    @Root() unit: AdminUnit,
    @Arg('level', () => AdminLevel, { nullable: true, description: 'Count only units of this level.' }) level: AdminLevel | null,
    @Ctx() ctx: Context,
  ): Promise<number> {
    return ctx.loaders.descendantCount.load({ id: unit.id, level: level ?? null });
  }
}
