import type { EntityManager } from '@mikro-orm/postgresql';
import { inForceOn } from '@ntm/kit';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  assessProvinceCompletion,
  loadProvinceCompletionConditions,
  type ProvinceCompletionAssessment,
  type ProvinceCompletionCondition,
} from '../domain/province-completion';
import { listDateForYear } from '../domain/reporting-period';
import type { CriteriaCatalog } from './catalog';

/** The committed conditions file (Appendix III of Decision 51/2025/QĐ-TTg, as far as it could be read). */
export const PROVINCE_COMPLETION_FILE = path.resolve(__dirname, '..', '..', 'data', 'province-completion.csv');

let conditions: ProvinceCompletionCondition[] | null = null;
/** The conditions, read and checked once per process. */
function completionConditions(): ProvinceCompletionCondition[] {
  return (conditions ??= loadProvinceCompletionConditions(readFileSync(PROVINCE_COMPLETION_FILE, 'utf8')));
}

/** The kind of unit a province's NTM share counts: communes (xã), not wards (phường) or special zones. */
const NTM_COMMUNE_KIND = 'Xã';

/** Province completion: facts counted in one statement, assessed by the pure rule. */
export class ProvinceCompletionService {
  constructor(
    private readonly em: EntityManager,
    private readonly catalog: CriteriaCatalog,
  ) {}

  /**
   * Assesses a province (its id on the year's list) for a year: counts its communes and those
   * recognised under the commune set in force that year, then applies the conditions in force.
   * Throws ProvinceFactsError (field and reason) for a year no conditions cover.
   */
  async assess(
    province: { unitId: string; code: string },
    year: number,
  ): Promise<ProvinceCompletionAssessment & { communesTotal: number; communesRecognised: number }> {
    const set = this.catalog.standardSetFor('COMMUNE', year);
    const date = listDateForYear(year);
    const [row] = await this.em.getConnection().execute<{ total: string; recognised: string }[]>(
      `select count(*) as total,
              count(*) filter (where exists (
                select 1 from recognition_decision d
                 where d.unit_id = u.unit_id and d.set_code = ? and d.decided_on <= make_date(?, 12, 31))) as recognised
         from unit_profile u
        where u.level = 'COMMUNE' and u.kind = ? and u.ancestor_ids @> array[?]::text[] and ${inForceOn('u')}`,
      [set?.code ?? '', year, NTM_COMMUNE_KIND, province.unitId, date, date],
    );
    const communesTotal = Number(row.total);
    const communesRecognised = Number(row.recognised);
    const assessment = assessProvinceCompletion(completionConditions(), {
      provinceCode: province.code,
      year,
      communesTotal: communesTotal || null,
      communesRecognised,
    });
    return { ...assessment, communesTotal, communesRecognised };
  }
}
