import { isInForce, userInputError } from '@ntm/kit';
import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import type { SetAttainment } from '../domain/attainment';
import type { CriteriaSetDef } from '../domain/criteria-file';
import { listDateForYear } from '../domain/reporting-period';
import { unitAttributesOf } from '../domain/types';
import { AREA_ATTRIBUTES } from '@ntm/admin-unit-contract';
import { CriteriaAdminUnit as AdminUnit } from './types/admin-unit.type';
import { AttainmentStatus, ValueType } from '../entities/enums';
import { IndicatorValueRecord } from '../entities/indicator-value.entity';
import { RecognitionDecision } from '../entities/recognition-decision.entity';
import type { CriteriaCatalog } from '../services/catalog';
import { Assessment } from './types/assessment.types';
import { visibleValues } from './visible-values';
import { checkYearArg } from './inputs/year';
import { setForYear } from './set-for-year';

export function toAssessment(set: CriteriaSetDef, catalog: CriteriaCatalog, a: SetAttainment): Assessment {
  const indicatorDefs = new Map(catalog.indicatorsOfSet(set.code).map((i) => [i.def.code, i.def]));
  return {
    setCode: set.code,
    year: a.year,
    status: a.status as AttainmentStatus,
    metCriteriaCount: a.criterionCounts.MET,
    unmetIndicators: [...a.unmetIndicators],
    missingIndicators: [...a.missingIndicators],
    provisional: a.provisional,
    criteria: a.criteria.map((c) => {
      const def = set.criteria.find((d) => d.number === c.criterionNumber)!;
      return {
        code: String(c.criterionNumber),
        number: c.criterionNumber,
        nameVi: def.nameVi,
        nameEn: def.nameEn,
        status: c.status as AttainmentStatus,
        indicators: c.indicators.map((i) => {
          const ind = indicatorDefs.get(i.indicatorCode)!;
          return {
            code: i.indicatorCode,
            nameVi: ind.nameVi,
            nameEn: ind.nameEn,
            valueType: ind.valueType as ValueType,
            status: i.status as AttainmentStatus,
            reason: i.reason,
            value: i.valueText,
            threshold: i.threshold?.description ?? null,
            thresholdRuleApplied: i.threshold?.branchText ?? null,
            thresholdPlaceholder: ind.placeholder,
            gap: i.gap,
          };
        }),
      };
    }),
  };
}

/** Compares indicator keys with numbers in order ("2.10" after "2.9"): one collator, built once. */
const KEY_ORDER = new Intl.Collator('en', { numeric: true });
/**
 * Rank of every indicator key of a catalog in KEY_ORDER, computed once per catalog: sorting a
 * unit's values then compares two integers. (Calling localeCompare with options builds a collator
 * per comparison; for a province's 40,000 values that was 5.4 s of the 8.4 s pull.)
 */
const keyRanks = new WeakMap<CriteriaCatalog, Map<number, number>>();
function rankOf(catalog: CriteriaCatalog): Map<number, number> {
  let ranks = keyRanks.get(catalog);
  if (!ranks) {
    const sorted = [...catalog.allIndicators()].sort((a, b) => KEY_ORDER.compare(a.key, b.key));
    ranks = new Map(sorted.map((ind, rank) => [ind.id, rank]));
    keyRanks.set(catalog, ranks);
  }
  return ranks;
}

@Resolver(() => AdminUnit)
export class AdminUnitCriteriaResolver {
  @FieldResolver(() => Assessment, {
    nullable: true,
    description:
      'Computed attainment of a criteria set in a year, down to each indicator with the threshold that applied to this unit and the gap. Thresholds use the unit’s area attributes from admin-units.',
  })
  @Directive(`@requires(fields: "${AREA_ATTRIBUTES}")`)
  async assessment(
    @Root() unit: AdminUnit,
    @Arg('set', () => String, {
      nullable: true,
      description: 'Criteria set code, e.g. "COMMUNE_NTM_2026_2030"; absent = the standard national set of the unit’s level in force for the year.',
    })
    setCode: string | null,
    @Arg('year', () => Int, { description: 'Year assessed.' }) year: number,
    @Ctx() ctx: Context,
  ): Promise<Assessment | null> {
    checkYearArg(year);
    const catalog = await ctx.services.catalog();
    const set = setForYear(catalog, setCode, unit.level ?? null, year);
    if (unit.level !== set.level) {
      throw userInputError(`set: ${set.code} applies to ${set.level.toLowerCase()}s; ${unit.id} is a ${String(unit.level).toLowerCase()}`, {
        field: 'set',
      });
    }
    const profile = await ctx.loaders.unitProfile.load(unit.id);
    const listDate = listDateForYear(year);
    if (profile && !isInForce(profile.validFrom, profile.validTo, listDate)) {
      throw userInputError(
        `year: values for ${year} are kept on the units in force on ${listDate}; ${unit.id} is not one of them (ask the unit with asOf "${listDate}")`,
        { field: 'year' },
      );
    }
    const values = await visibleValues(ctx, unit.id, year);
    const attainment = (await ctx.services.attainment()).assess(set, unitAttributesOf(unit), year, values);
    return toAssessment(set, catalog, attainment);
  }

  @FieldResolver(() => [IndicatorValueRecord], {
    description:
      'Values reported for this unit in a year (all sets, or one). DRAFT values only for readers whose units cover this unit (and MINISTRY, ADMIN); anonymous readers see SUBMITTED and APPROVED values.',
  })
  async indicatorValues(
    @Root() unit: AdminUnit,
    @Arg('year', () => Int, { description: 'Year.' }) year: number,
    @Arg('set', () => String, { nullable: true, description: 'Only indicators of this set.' }) setCode: string | null,
    @Ctx() ctx: Context,
  ): Promise<IndicatorValueRecord[]> {
    checkYearArg(year);
    const catalog = await ctx.services.catalog();
    const values = await visibleValues(ctx, unit.id, year);
    const records: IndicatorValueRecord[] = [];
    for (const [indicatorId, stored] of values) {
      const ind = catalog.byIndicatorId(indicatorId);
      if (!ind || (setCode && ind.set.code !== setCode)) continue;
      // A plain object, not an entity instance: the ORM's property setters on IndicatorValueRecord
      // (relation propagation) cost a province pull's 42,000 records for nothing here.
      records.push({
        indicatorId,
        year,
        unitId: unit.id,
        indicatorKey: ind.key,
        value: stored.value,
        numericValue: stored.numericValue,
        status: stored.status,
        source: stored.source,
        recordedBy: stored.recordedBy,
        recordedAt: stored.recordedAt,
      });
    }
    const ranks = rankOf(catalog);
    return records.sort((a, b) => (ranks.get(a.indicatorId) ?? 0) - (ranks.get(b.indicatorId) ?? 0));
  }

  @FieldResolver(() => [RecognitionDecision], { description: 'Recognition decisions (quyết định công nhận) for this unit, oldest first.' })
  recognitions(@Root() unit: AdminUnit, @Ctx() ctx: Context): Promise<RecognitionDecision[]> {
    return ctx.loaders.recognitions.load(unit.id);
  }
}
