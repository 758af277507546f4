import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { communeGroupRuleOf } from '../domain/commune-group';
import { AdminUnit } from '../entities/admin-unit.entity';
import { CommuneGroupCorrection } from '../entities/commune-group-correction.entity';

@Resolver(() => AdminUnit)
export class CommuneGroupResolver {
  @Mutation(() => AdminUnit, {
    description:
      "Sets a commune's group (xã nhóm 1/2/3 of Decision 51/2025/QĐ-TTg), e.g. from the province's official assignment, replacing the generated one. ADMIN only; audited (communeGroupHistory); kept when the lists are reloaded. Roll-ups in other subgraphs follow within their replica refresh interval.",
  })
  correctCommuneGroup(
    @Arg('code', () => String, { description: 'Official code of a commune, ward or special zone of the list in force today, e.g. "16681".' })
    code: string,
    @Arg('group', () => Int, { description: 'The group: 1, 2 or 3.' }) group: number,
    @Arg('reason', () => String, { description: 'Why (e.g. the number of the provincial decision). Required.' }) reason: string,
    @Ctx() ctx: Context,
  ): Promise<AdminUnit> {
    return ctx.services.communeGroups.correct(ctx.user, { code, group, reason });
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The rule that generated communeGroup, in words; null when it was corrected or there is none.',
  })
  communeGroupRule(@Root() unit: AdminUnit): string | null {
    return communeGroupRuleOf(unit.communeGroupSource);
  }

  @FieldResolver(() => [CommuneGroupCorrection], {
    description: "Every correction of this unit's commune group, oldest first: who, when, from what, to what, why.",
  })
  communeGroupHistory(@Root() unit: AdminUnit, @Ctx() ctx: Context): Promise<CommuneGroupCorrection[]> {
    return ctx.loaders.communeGroupHistory.load(unit.id);
  }
}
