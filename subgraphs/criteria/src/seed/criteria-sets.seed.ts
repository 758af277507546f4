import type { EntityManager } from '@mikro-orm/postgresql';
import type { CriteriaSetDef } from '../domain/criteria-file';
import { CriteriaSet } from '../entities/criteria-set.entity';
import { Criterion } from '../entities/criterion.entity';
import { CriteriaLevel, Tier, ValueType } from '../entities/enums';
import { Indicator } from '../entities/indicator.entity';

/**
 * Upserts sets, criteria and indicators from the data file, keeping database ids stable (values
 * reference them); indicators removed from the file are deleted, with their values. A few dozen
 * rows per set: one upsert statement per table and set, through the entities.
 */
export async function upsertCriteriaSets(em: EntityManager, sets: CriteriaSetDef[]): Promise<Record<string, number>> {
  let criteria = 0;
  let indicators = 0;
  for (const set of sets) {
    await em.upsert(CriteriaSet, {
      code: set.code,
      kind: set.kind,
      phase: set.phase,
      level: set.level as CriteriaLevel,
      tier: set.tier as Tier,
      nameVi: set.nameVi,
      nameEn: set.nameEn,
      legalBasis: set.legalBasis,
      source: set.criteria[0]?.source ?? '',
      confidence: set.criteria[0]?.confidence ?? 'LOW',
    });
    const stored =
      set.criteria.length === 0
        ? []
        : await em.upsertMany(
            Criterion,
            set.criteria.map((c) => ({ setCode: set.code, number: c.number, nameVi: c.nameVi, nameEn: c.nameEn })),
            { onConflictFields: ['setCode', 'number'], onConflictAction: 'merge', onConflictMergeFields: ['nameVi', 'nameEn'] },
          );
    criteria += set.criteria.length;
    const criterionId = new Map(stored.map((c) => [c.number, c.id]));
    let position = 0;
    const rows = set.criteria.flatMap((criterion) =>
      criterion.indicators.map((ind) => ({
        setCode: set.code,
        criterionId: criterionId.get(criterion.number)!,
        code: ind.code,
        nameVi: ind.nameVi,
        nameEn: ind.nameEn,
        valueType: ind.valueType as ValueType,
        unitOfMeasure: ind.unit,
        thresholdRule: ind.ruleText,
        thresholdPlaceholder: ind.placeholder,
        confidence: ind.confidence,
        source: ind.source,
        position: position++,
      })),
    );
    indicators += rows.length;
    if (rows.length > 0) {
      await em.upsertMany(Indicator, rows, {
        onConflictFields: ['setCode', 'code'],
        onConflictAction: 'merge',
        onConflictMergeFields: [
          'criterionId',
          'nameVi',
          'nameEn',
          'valueType',
          'unitOfMeasure',
          'thresholdRule',
          'thresholdPlaceholder',
          'confidence',
          'source',
          'position',
        ],
      });
    }
    await em.nativeDelete(Indicator, { setCode: set.code, code: { $nin: rows.map((r) => r.code) } });
    await em.nativeDelete(Criterion, { setCode: set.code, number: { $nin: set.criteria.map((c) => c.number) } });
  }
  return { sets: sets.length, criteria, indicators };
}
