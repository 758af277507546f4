import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { AdminUnit } from '../entities/admin-unit.entity';
import { UnitLink } from '../entities/unit-link';

@Resolver(() => AdminUnit)
export class LineageResolver {
  @FieldResolver(() => [UnitLink], {
    description:
      'For a unit of the list from 2025-07-01: the pre-reform units it was formed from, each WHOLE or PART (read from the official predecessor text).',
  })
  predecessors(@Root() unit: AdminUnit, @Ctx() ctx: Context): Promise<UnitLink[]> {
    return ctx.services.lineage.links(unit.id, 'predecessors', ctx.loaders);
  }

  @FieldResolver(() => [UnitLink], {
    description: 'For a pre-reform unit: the units of the list from 2025-07-01 it went into, with the share of it each took.',
  })
  successors(@Root() unit: AdminUnit, @Ctx() ctx: Context): Promise<UnitLink[]> {
    return ctx.services.lineage.links(unit.id, 'successors', ctx.loaders);
  }

  @FieldResolver(() => [UnitLink], {
    description:
      'The units in force on `date` that cover this unit, following lineage forward ("which unit is this old commune part of today?") or backward ("which old communes do I sum to compare with 2024?"). The unit itself (WHOLE) when it is in force on that date. A link is PART when any step of it is.',
  })
  counterpartsAsOf(
    @Root() unit: AdminUnit,
    @Arg('date', () => Date, { description: 'The date whose list the answer is in.' }) date: string,
    @Ctx() ctx: Context,
  ): Promise<UnitLink[]> {
    return ctx.services.lineage.counterpartsAsOf(unit, date, ctx.loaders);
  }
}
