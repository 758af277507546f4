import type { EntityManager } from '@mikro-orm/postgresql';
import { insertEntities } from '@ntm/kit';
import { UnitLineage } from '../entities/unit-lineage.entity';
import { LinkShare } from '../entities/unit-link';
import type { LineageResult } from '../domain/lineage';

/** Replaces the lineage links inside the caller's transaction (set-based inserts). */
export async function replaceLineage(em: EntityManager, result: LineageResult): Promise<void> {
  const trx = em.getTransactionContext();
  await trx.raw('truncate unit_lineage');
  await insertEntities(
    em,
    UnitLineage,
    result.links.map((l) => ({ successorId: l.successorId, predecessorId: l.predecessorId, share: l.share as LinkShare, sourceText: l.sourceText })),
  );
}
