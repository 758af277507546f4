import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Names who changes values in the current transaction, and why: the audit triggers of
 * indicator_value read these settings (local to the transaction) into every change row.
 */
export async function setChangeContext(tx: EntityManager, actor: string, reason: string | null = null): Promise<void> {
  await tx
    .getConnection()
    .execute(`select set_config('ntm.actor', ?, true), set_config('ntm.reason', ?, true)`, [actor, reason ?? ''], 'all', tx.getTransactionContext());
}
