import type { EntityManager } from '@mikro-orm/postgresql';
import { toPgArray } from '@ntm/kit';
import type { CriteriaSetDef } from '../domain/criteria-file';

/**
 * Upserts sets, criteria and indicators from the data file, keeping database ids stable (values
 * reference them); indicators removed from the file are deleted, with their values.
 */
export async function upsertCriteriaSets(em: EntityManager, sets: CriteriaSetDef[]): Promise<Record<string, number>> {
  const trx = em.getTransactionContext();
  let criteria = 0;
  let indicators = 0;
  for (const set of sets) {
    await trx.raw(
      `insert into criteria_set (code, kind, phase, level, tier, name_vi, name_en, legal_basis, source, confidence)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (code) do update set kind = excluded.kind, phase = excluded.phase, level = excluded.level, tier = excluded.tier,
         name_vi = excluded.name_vi, name_en = excluded.name_en, legal_basis = excluded.legal_basis, source = excluded.source, confidence = excluded.confidence`,
      [set.code, set.kind, set.phase, set.level, set.tier, set.nameVi, set.nameEn, set.legalBasis, set.criteria[0]?.source ?? '', set.criteria[0]?.confidence ?? 'LOW'],
    );
    let position = 0;
    const keep: string[] = [];
    for (const criterion of set.criteria) {
      criteria++;
      const [{ id: criterionId }] = (
        await trx.raw(
          `insert into criterion (set_code, number, name_vi, name_en) values (?, ?, ?, ?)
           on conflict (set_code, number) do update set name_vi = excluded.name_vi, name_en = excluded.name_en
           returning id`,
          [set.code, criterion.number, criterion.nameVi, criterion.nameEn],
        )
      ).rows as { id: number }[];
      for (const ind of criterion.indicators) {
        indicators++;
        keep.push(ind.code);
        await trx.raw(
          `insert into indicator (set_code, criterion_id, code, name_vi, name_en, value_type, unit_of_measure, threshold_rule,
             threshold_placeholder, confidence, source, position)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           on conflict (set_code, code) do update set criterion_id = excluded.criterion_id, name_vi = excluded.name_vi,
             name_en = excluded.name_en, value_type = excluded.value_type, unit_of_measure = excluded.unit_of_measure,
             threshold_rule = excluded.threshold_rule, threshold_placeholder = excluded.threshold_placeholder,
             confidence = excluded.confidence, source = excluded.source, position = excluded.position`,
          [set.code, criterionId, ind.code, ind.nameVi, ind.nameEn, ind.valueType, ind.unit, ind.ruleText, ind.placeholder, ind.confidence, ind.source, position++],
        );
      }
    }
    await trx.raw(`delete from indicator where set_code = ? and not (code = any(?::text[]))`, [set.code, toPgArray(keep)]);
    await trx.raw(`delete from criterion where set_code = ? and not (number = any(?::int[]))`, [set.code, toPgArray(set.criteria.map((c) => c.number))]);
  }
  return { sets: sets.length, criteria, indicators };
}
