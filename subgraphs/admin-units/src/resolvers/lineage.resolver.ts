import { isInForce } from '@ntm/kit';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { AdminUnit } from '../entities/admin-unit.entity';
import { LinkShare, UnitLink } from '../entities/unit-link';
import type { LinkRow } from '../services/lineage.service';

const inForce = (unit: AdminUnit, date: string) => isInForce(unit.validFrom, unit.validTo, date);

@Resolver(() => AdminUnit)
export class LineageResolver {
  private async links(rows: LinkRow[], otherEnd: (l: LinkRow) => string, ctx: Context): Promise<UnitLink[]> {
    const units = await ctx.loaders.unitById.loadMany(rows.map(otherEnd));
    return rows.map((row, i) => ({ share: row.share as LinkShare, unit: units[i] as AdminUnit, sourceText: row.source_text }));
  }

  @FieldResolver(() => [UnitLink], {
    description: 'For a unit of the list from 2025-07-01: the pre-reform units it was formed from, each WHOLE or PART (read from the official predecessor text).',
  })
  async predecessors(@Root() unit: AdminUnit, @Ctx() ctx: Context): Promise<UnitLink[]> {
    return this.links(await ctx.loaders.predecessorLinks.load(unit.id), (l) => l.predecessor_id, ctx);
  }

  @FieldResolver(() => [UnitLink], {
    description: 'For a pre-reform unit: the units of the list from 2025-07-01 it went into, with the share of it each took.',
  })
  async successors(@Root() unit: AdminUnit, @Ctx() ctx: Context): Promise<UnitLink[]> {
    return this.links(await ctx.loaders.successorLinks.load(unit.id), (l) => l.successor_id, ctx);
  }

  @FieldResolver(() => [UnitLink], {
    description:
      'The units in force on `date` that cover this unit, following lineage forward ("which unit is this old commune part of today?") or backward ("which old communes do I sum to compare with 2024?"). The unit itself (WHOLE) when it is in force on that date. A link is PART when any step of it is.',
  })
  async counterpartsAsOf(
    @Root() unit: AdminUnit,
    @Arg('date', () => Date, { description: 'The date whose list the answer is in.' }) date: string,
    @Ctx() ctx: Context,
  ): Promise<UnitLink[]> {
    if (inForce(unit, date)) return [{ share: LinkShare.WHOLE, unit, sourceText: '' }];
    const forward = unit.validTo !== null && unit.validTo < date;
    let frontier: UnitLink[] = [{ share: LinkShare.WHOLE, unit, sourceText: '' }];
    for (let hop = 0; hop < 5; hop++) {
      const next: UnitLink[] = [];
      for (const link of frontier) {
        if (inForce(link.unit, date)) {
          next.push(link);
          continue;
        }
        const rows = forward ? await ctx.loaders.successorLinks.load(link.unit.id) : await ctx.loaders.predecessorLinks.load(link.unit.id);
        for (const step of await this.links(rows, forward ? (l) => l.successor_id : (l) => l.predecessor_id, ctx)) {
          next.push({ share: link.share === LinkShare.PART || step.share === LinkShare.PART ? LinkShare.PART : LinkShare.WHOLE, unit: step.unit, sourceText: step.sourceText });
        }
      }
      frontier = next;
      if (frontier.every((l) => inForce(l.unit, date))) break;
    }
    const byId = new Map<string, UnitLink>();
    for (const link of frontier.filter((l) => inForce(l.unit, date))) {
      const seen = byId.get(link.unit.id);
      if (!seen || (seen.share === LinkShare.PART && link.share === LinkShare.WHOLE)) byId.set(link.unit.id, link);
    }
    return [...byId.values()].sort((a, b) => a.unit.code.localeCompare(b.unit.code));
  }
}
