import { AREA_ATTRIBUTES } from '@ntm/admin-unit-contract';
import { userInputError } from '@ntm/kit';
import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { checkUnitList, eligibilityInputsFromFacts, evaluateEligibility, KIND_RULES, PilotInputError, type PilotKind } from '../domain';
import { Pilot } from '../entities/pilot.entity';
import { PilotKindEnum } from './types/enums';
import { PilotAdminUnit, PilotEligibility } from './types/pilot.types';

/** The facts eligibility needs: the unit's area attributes (admin-units) and its pilot facts (criteria). */
export const ELIGIBILITY_REQUIRES = `${AREA_ATTRIBUTES} pilotFacts { year code value source }`;

@Resolver(() => PilotAdminUnit)
export class AdminUnitPilotResolver {
  @FieldResolver(() => PilotEligibility, {
    description:
      'Whether the unit may host a pilot of this kind in this year (DOMAIN.md §4; seed 001, Công văn 3445/BNN-VPĐP; for MODERN_NTM_COMMUNE Decision 51/2025/QĐ-TTg Appendix II, not read, so never eligible on guesses): each condition MET / NOT_MET / NO_DATA with the value, the threshold applied and where the value came from (criteria’s indicator values and recognition decisions, admin-units’ area attributes, through federation).',
  })
  @Directive(`@requires(fields: "${ELIGIBILITY_REQUIRES}")`)
  pilotEligibility(
    @Root() unit: PilotAdminUnit,
    @Arg('kind', () => PilotKindEnum, { description: 'Kind of pilot.' }) kind: string,
    @Arg('year', () => Int, { description: 'Year of the facts, e.g. 2024.' }) year: number,
  ): PilotEligibility {
    const need = KIND_RULES[kind as PilotKind].level;
    if (unit.level && unit.level !== need)
      throw userInputError(`kind: a ${kind} pilot is built in a ${need}; ${unit.id} is a ${unit.level}`, { field: 'kind' });
    const list = checkUnitList(kind as PilotKind, unit.id, 'kind');
    if (list) throw userInputError(`kind: ${list.reason}`, { field: 'kind' });
    try {
      const inputs = eligibilityInputsFromFacts(
        unit.pilotFacts ?? [],
        { ethnicMinorityArea: unit.ethnicMinorityArea, mountainous: unit.mountainous, island: unit.island },
        year,
      );
      const r = evaluateEligibility(kind as PilotKind, year, inputs);
      return {
        ...r,
        toBeJudged: [...r.toBeJudged],
        conditions: r.conditions.map((c) => ({ ...c, value: c.value === null ? null : String(c.value) })),
      };
    } catch (e) {
      if (e instanceof PilotInputError) throw userInputError(e.message, { field: e.errors[0]?.field, errors: e.errors });
      throw e;
    }
  }

  @FieldResolver(() => [Pilot], {
    description: 'Pilot models built in this unit (as the unit was: ask the 2024 unit for pilots of the first batch).',
  })
  pilots(@Root() unit: PilotAdminUnit, @Ctx() ctx: Context): Promise<Pilot[]> {
    return ctx.loaders.pilotsOfUnit.load(unit.id);
  }
}
