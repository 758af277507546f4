import type { EntityManager } from '@mikro-orm/postgresql';
import { insertRows } from '@ntm/kit';
import type { LineageResult } from '../domain/lineage';

/** Replaces the lineage links inside the caller's transaction (set-based inserts). */
export async function replaceLineage(em: EntityManager, result: LineageResult): Promise<void> {
  const trx = em.getTransactionContext();
  await trx.raw('truncate unit_lineage');
  await insertRows(
    trx,
    'unit_lineage',
    result.links.map((l) => ({ successor_id: l.successorId, predecessor_id: l.predecessorId, share: l.share, source_text: l.sourceText })),
  );
}
