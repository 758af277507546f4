import { today, userInputError } from '@ntm/kit';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import type { AdminUnit } from '../entities/admin-unit.entity';
import { MatchInput } from './inputs/match-input.input';
import { MatchOutcome, MatchStatus } from './types/match.types';

export const MAX_MATCH_INPUTS = 20_000;

@Resolver()
export class MatchResolver {
  @Query(() => [MatchOutcome], {
    description:
      'Matches names as written in spreadsheets to official units of the list in force on `asOf` (default today): diacritics, tone-mark placement, case, spacing, kind prefixes and abbreviations (Xã, X., Phường, P., TP., Huyện, H. …), English forms (Ward, Commune…), hints ("- TP Vinh", "(quận Đống Đa)") and small typos. One result per input, in input order. A whole column is matched in memory in one pass.',
  })
  async matchAdminUnits(
    @Arg('inputs', () => [MatchInput], { description: `The names, at most ${MAX_MATCH_INPUTS}.` }) inputs: MatchInput[],
    @Arg('asOf', () => Date, { nullable: true, description: 'The date whose unit list applies; default today.' }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<MatchOutcome[]> {
    if (inputs.length > MAX_MATCH_INPUTS)
      throw userInputError(`inputs: at most ${MAX_MATCH_INPUTS} names per request, got ${inputs.length}`, { field: 'inputs' });
    const date = asOf ?? today();
    const listId = await ctx.services.lists.inForceOn(date);
    if (!listId) throw userInputError(`asOf: no unit list is in force on ${date}`, { field: 'asOf' });
    const matcher = await ctx.services.match.matcherFor(listId, await ctx.services.units.dataVersion());
    const results = matcher.matchMany(inputs.map((i) => ({ name: i.name, level: i.level ?? undefined, within: i.within ?? undefined })));
    const ids = [...new Set(results.flatMap((r) => r.candidates.map((c) => c.unit.id)))];
    const units = new Map(
      (await ctx.loaders.unitById.loadMany(ids)).filter((u): u is AdminUnit => !!u && !(u instanceof Error)).map((u) => [u.id, u]),
    );
    return results.map((r, i) => ({
      input: inputs[i].name,
      status: r.status as MatchStatus,
      score: r.score,
      best: r.best ? (units.get(r.best.id) ?? null) : null,
      candidates: r.candidates.filter((c) => c.unit.id !== r.best?.id).map((c) => ({ score: c.score, unit: units.get(c.unit.id)! })),
    }));
  }
}
