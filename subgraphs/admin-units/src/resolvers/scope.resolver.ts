import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { AdminUnit } from '../entities/admin-unit.entity';

@Resolver(() => AdminUnit)
export class ScopeResolver {
  @FieldResolver(() => [ID], {
    description:
      'Ids of the units whose scope contains this one (phạm vi quản lý): the unit itself, its ancestors, and for a pre-reform unit also the units it and its ancestors went into, with their ancestors. A role scoped to any of these units covers this unit, on either official list.',
  })
  async scopeIds(@Root() unit: AdminUnit, @Ctx() ctx: Context): Promise<string[]> {
    // Successors of the unit and of each ancestor: an abolished district is inside the new province its old province became.
    const links = (await ctx.loaders.successorLinks.loadMany([unit.id, ...unit.ancestorIds])).flatMap((l) => (Array.isArray(l) ? l : []));
    const successors = await ctx.loaders.unitById.loadMany(links.map((l) => l.successorId));
    const ids = [unit.id, ...unit.ancestorIds];
    for (const s of successors) if (s && !(s instanceof Error)) ids.push(s.id, ...s.ancestorIds);
    return [...new Set(ids)];
  }
}
