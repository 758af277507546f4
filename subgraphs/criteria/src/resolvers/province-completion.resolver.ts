import { CriteriaAdminUnit as AdminUnit } from './types/admin-unit.type';
import { isInForce, userInputError } from '@ntm/kit';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { ProvinceFactsError } from '../domain/province-completion';
import { listDateForYear } from '../domain/reporting-period';
import { checkYearArg } from './inputs/year';
import { CompletionStatus, ProvinceCompletion } from './types/province-completion.types';

@Resolver(() => AdminUnit)
export class ProvinceCompletionResolver {
  @FieldResolver(() => ProvinceCompletion, {
    description:
      'For a province: whether it has completed the task of building new rural areas in a year (Decision 51/2025/QĐ-TTg, Appendix III, from 2026), each condition with its value and requirement. Ask the province of the year’s list (adminUnit(code: "40") for 2026).',
  })
  async provinceCompletion(
    @Root() unit: AdminUnit,
    @Arg('year', () => Int, { description: 'Year assessed, e.g. 2026.' }) year: number,
    @Ctx() ctx: Context,
  ): Promise<ProvinceCompletion> {
    checkYearArg(year);
    const profile = await ctx.loaders.unitProfile.load(unit.id);
    if (!profile || profile.level !== 'PROVINCE') {
      throw userInputError(`provinceCompletion: ${unit.id} is ${profile ? `a ${profile.level.toLowerCase()}` : 'not a known unit'}; ask a province`, {
        field: 'provinceCompletion',
      });
    }
    const listDate = listDateForYear(year);
    if (!isInForce(profile.validFrom, profile.validTo, listDate)) {
      throw userInputError(
        `year: ${year} is assessed on the provinces in force on ${listDate}; ${unit.id} is not one of them (ask with asOf "${listDate}")`,
        {
          field: 'year',
        },
      );
    }
    try {
      const a = await (await ctx.services.provinceCompletion()).assess(profile, year);
      return {
        year: a.year,
        phase: a.phase,
        status: a.status as CompletionStatus,
        provisional: a.provisional,
        explanation: a.explanation,
        communesTotal: a.communesTotal,
        communesRecognised: a.communesRecognised,
        conditions: a.conditions.map((c) => ({
          code: c.code,
          status: c.status as CompletionStatus,
          reason: c.reason,
          value: c.value === null ? null : String(c.value),
          threshold: c.threshold,
          description: c.description,
          descriptionVi: c.descriptionVi,
          placeholder: c.placeholder,
          source: c.source,
          confidence: c.confidence,
        })),
      };
    } catch (e) {
      if (e instanceof ProvinceFactsError) throw userInputError(e.message, { field: e.field });
      throw e;
    }
  }
}
