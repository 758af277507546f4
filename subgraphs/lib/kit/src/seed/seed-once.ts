import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import { SeedState } from './seed-state.entity';

/**
 * Idempotent seeding. Each seed step has a fingerprint (a hash of its input files and its
 * generator version); the step runs only when the stored fingerprint differs, inside one
 * transaction that also records the new fingerprint. A second start with unchanged inputs
 * does no seeding work, and a changed input re-seeds that step only.
 */
export async function seedOnce(
  em: EntityManager,
  step: string,
  fingerprint: string,
  run: (em: EntityManager) => Promise<Record<string, number> | void>,
): Promise<{ ran: boolean; counts?: Record<string, number> }> {
  // The table comes from the kit's migration (Migration20261201100000_seed_state).
  const state = await em.fork().findOne(SeedState, { step });
  if (state?.fingerprint === fingerprint) return { ran: false };
  let counts: Record<string, number> | void = undefined;
  await em.transactional(async (tx) => {
    // Serialise concurrent starts on the same database.
    await tx.getConnection().execute(`select pg_advisory_xact_lock(hashtext(?))`, [`seed:${step}`], 'all', tx.getTransactionContext());
    counts = await run(tx);
    await tx.upsert(SeedState, { step, fingerprint, seededAt: new Date() });
  });
  return { ran: true, counts: counts ?? undefined };
}

/** A fingerprint over strings (file contents, versions). */
export function fingerprintOf(...parts: (string | Buffer)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex').slice(0, 32);
}
