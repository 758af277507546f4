import { CriteriaAdminUnit as AdminUnit } from './types/admin-unit.type';
import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';

/** The criteria set holding the measurable pilot-eligibility conditions (seed 001, 3445/BNN-VPĐP). */
export const PILOT_ELIGIBILITY_SET = 'COMMUNE_SMART_PILOT_ELIGIBILITY_2021_2025';
/** The advanced-NTM set whose recognition is a pilot-eligibility condition. */
export const ADVANCED_SET = 'COMMUNE_ADVANCED_2021_2025';
/** The code a recognition of ADVANCED_SET carries among the facts. */
export const ADVANCED_FACT = 'ADVANCED_NTM';
/** The 2026–2030 commune set (Decision 51/2025/QĐ-TTg); its recognition is a condition of the modern NTM commune pilot. */
export const NTM_2026_SET = 'COMMUNE_NTM_2026_2030';
/** The code a recognition of NTM_2026_SET carries among the facts. */
export const NTM_2026_FACT = 'NTM_2026_2030';
/** Recognition sets published as facts, and their codes. */
const RECOGNITION_FACTS: ReadonlyMap<string, string> = new Map([
  [ADVANCED_SET, ADVANCED_FACT],
  [NTM_2026_SET, NTM_2026_FACT],
]);

/**
 * One fact the pilot-models subgraph evaluates pilot eligibility on (điều kiện lựa chọn mô hình thí điểm):
 * an APPROVED value of an indicator of the pilot-eligibility set, a recognition as an advanced NTM commune
 * (2021–2025), or a recognition as an NTM commune under the 2026–2030 set (for the modern NTM commune pilot).
 * Exposed without arguments so that another subgraph can `@requires` it.
 */
@ObjectType({
  description:
    'A fact pilot eligibility is evaluated on: an approved value of a pilot-eligibility indicator in a year, or a recognition decision (code ADVANCED_NTM for an advanced NTM commune 2021–2025, NTM_2026_2030 for an NTM commune under COMMUNE_NTM_2026_2030; year of the decision).',
})
export class PilotFact {
  @Field(() => Int, { description: 'Year the value is for, or the year of the recognition decision.' })
  year!: number;

  @Field({
    description:
      'Indicator code of set COMMUNE_SMART_PILOT_ELIGIBILITY_2021_2025 (1.1, 2.1, 2.2, 2.3, 3.1), ADVANCED_NTM for a recognition decision as an advanced NTM commune (xã NTM nâng cao, COMMUNE_ADVANCED_2021_2025), or NTM_2026_2030 for a recognition decision as an NTM commune under COMMUNE_NTM_2026_2030 (xã đạt chuẩn NTM giai đoạn 2026 - 2030).',
  })
  code!: string;

  @Field({ description: 'The value as text (a percentage such as "72.5"); "true" for a recognition.' })
  value!: string;

  @Field({ description: 'Where the value comes from: the recorded source of the value, or the recognition decision (number, date, authority).' })
  source!: string;
}

/** The years whose values are pilot facts: the years the pilot-eligibility set is in force. */
function yearsOf(validFrom: number, validTo: number): number[] {
  const years: number[] = [];
  for (let y = validFrom; y <= validTo; y++) years.push(y);
  return years;
}

@Resolver(() => AdminUnit)
export class AdminUnitPilotFactsResolver {
  /**
   * Every year's approved values of the pilot-eligibility indicators, and the advanced-NTM and 2026–2030 NTM recognitions:
   * one batched statement for the values of all units and years asked, one for the decisions.
   */
  @FieldResolver(() => [PilotFact], {
    description:
      'Facts for pilot-model eligibility (seed 001, Công văn 3445/BNN-VPĐP; Decision 51/2025/QĐ-TTg): approved values of the indicators of COMMUNE_SMART_PILOT_ELIGIBILITY_2021_2025 in every year of its phase, advanced-NTM recognition decisions (code ADVANCED_NTM) and recognition decisions under COMMUNE_NTM_2026_2030 (code NTM_2026_2030). Empty when nothing is recorded.',
  })
  async pilotFacts(@Root() unit: AdminUnit, @Ctx() ctx: Context): Promise<PilotFact[]> {
    const catalog = await ctx.services.catalog();
    const set = catalog.set(PILOT_ELIGIBILITY_SET);
    const facts: PilotFact[] = [];
    if (set) {
      const years = yearsOf(set.validFromYear, set.validToYear);
      const byYear = await Promise.all(
        years.map((year) => ctx.loaders.unitYearSetValues.load({ unitId: unit.id, year, setCode: PILOT_ELIGIBILITY_SET })),
      );
      years.forEach((year, i) => {
        for (const [indicatorId, stored] of byYear[i]) {
          const ind = catalog.byIndicatorId(indicatorId);
          if (!ind || ind.set.code !== PILOT_ELIGIBILITY_SET || stored.status !== 'APPROVED') continue;
          facts.push({
            year,
            code: ind.def.code,
            value: String(stored.value),
            source: `criteria: ${PILOT_ELIGIBILITY_SET}/${ind.def.code}, ${year}: ${stored.source}`,
          });
        }
      });
    }
    for (const d of await ctx.loaders.recognitions.load(unit.id)) {
      const code = RECOGNITION_FACTS.get(d.setCode);
      if (code === undefined) continue;
      const decidedOn = typeof d.decidedOn === 'string' ? d.decidedOn : new Date(d.decidedOn).toISOString().slice(0, 10);
      facts.push({
        year: Number(decidedOn.slice(0, 4)),
        code,
        value: 'true',
        source: `criteria: recognition decision ${d.decisionNumber} of ${decidedOn} (${d.authority}) on ${d.setCode}${d.generated ? ', generated' : ''}`,
      });
    }
    return facts.sort((a, b) => a.year - b.year || a.code.localeCompare(b.code, 'en', { numeric: true }));
  }
}
