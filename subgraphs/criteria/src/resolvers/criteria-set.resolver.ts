import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { CriteriaSet } from '../entities/criteria-set.entity';
import { Criterion } from '../entities/criterion.entity';
import { CriteriaLevel, Tier } from '../entities/enums';
import { Indicator } from '../entities/indicator.entity';
import type { CriteriaSetDef, CriterionDef } from '../domain/criteria-file';
import type { CriteriaCatalog } from '../services/catalog';

export function toCriteriaSet(def: CriteriaSetDef): CriteriaSet {
  return Object.assign(new CriteriaSet(), {
    code: def.code,
    kind: def.kind,
    phase: def.phase,
    level: def.level as CriteriaLevel,
    tier: def.tier as Tier,
    nameVi: def.nameVi,
    nameEn: def.nameEn,
    legalBasis: def.legalBasis,
    source: def.criteria[0]?.source ?? '',
    confidence: def.criteria[0]?.confidence ?? 'LOW',
  });
}

function toCriterion(setCode: string, def: CriterionDef): Criterion {
  return Object.assign(new Criterion(), { setCode, number: def.number, nameVi: def.nameVi, nameEn: def.nameEn });
}

function indicatorsOf(catalog: CriteriaCatalog, criterion: Criterion): Indicator[] {
  return catalog
    .indicatorsOfSet(criterion.setCode)
    .filter((i) => i.def.criterionNumber === criterion.number)
    .map((i) =>
      Object.assign(new Indicator(), {
        id: i.id,
        setCode: i.set.code,
        criterionNumber: i.def.criterionNumber,
        code: i.def.code,
        key: i.key,
        nameVi: i.def.nameVi,
        nameEn: i.def.nameEn,
        valueType: i.def.valueType,
        unitOfMeasure: i.def.unit,
        thresholdRule: i.def.ruleText,
        thresholdPlaceholder: i.def.placeholder,
        confidence: i.def.confidence,
        source: i.def.source,
      }),
    );
}

@Resolver(() => CriteriaSet)
export class CriteriaSetResolver {
  @Query(() => [CriteriaSet], { description: 'The criteria sets (bộ tiêu chí) loaded from the data files.' })
  async criteriaSets(
    @Arg('level', () => CriteriaLevel, { nullable: true, description: 'Only sets for this level.' }) level: CriteriaLevel | null,
    @Ctx() ctx: Context,
  ): Promise<CriteriaSet[]> {
    const catalog = await ctx.services.catalog();
    return [...catalog.sets.values()].filter((s) => !level || s.level === level).map(toCriteriaSet);
  }

  @Query(() => CriteriaSet, { nullable: true, description: 'One criteria set by code, e.g. "COMMUNE_NTM_2021_2025"; null when unknown.' })
  async criteriaSet(
    @Arg('code', () => String, { description: 'Set code, e.g. "COMMUNE_NTM_2021_2025".' }) code: string,
    @Ctx() ctx: Context,
  ): Promise<CriteriaSet | null> {
    const def = (await ctx.services.catalog()).set(code);
    return def ? toCriteriaSet(def) : null;
  }

  @FieldResolver(() => Int, { description: 'First year the set is in force (its phase), e.g. 2026 for COMMUNE_NTM_2026_2030.' })
  async validFromYear(@Root() set: CriteriaSet, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.services.catalog()).set(set.code)!.validFromYear;
  }

  @FieldResolver(() => Int, { description: 'Last year the set is in force; a query without a set uses, for each year, the set in force then.' })
  async validToYear(@Root() set: CriteriaSet, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.services.catalog()).set(set.code)!.validToYear;
  }

  @FieldResolver(() => [Criterion], { description: 'Its criteria, by number.' })
  async criteria(@Root() set: CriteriaSet, @Ctx() ctx: Context): Promise<Criterion[]> {
    const def = (await ctx.services.catalog()).set(set.code)!;
    return def.criteria.map((c) => toCriterion(set.code, c));
  }
}

@Resolver(() => Criterion)
export class CriterionResolver {
  @FieldResolver(() => [Indicator], { description: 'Its indicators, in order; empty when the data file does not know them yet.' })
  async indicators(@Root() criterion: Criterion, @Ctx() ctx: Context): Promise<Indicator[]> {
    return indicatorsOf(await ctx.services.catalog(), criterion);
  }
}
