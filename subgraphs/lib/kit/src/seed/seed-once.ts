import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';

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
  const connection = em.getConnection();
  await connection.execute(
    `create table if not exists seed_state (step text primary key, fingerprint text not null, seeded_at timestamptz not null default now())`,
  );
  const rows = await connection.execute<{ fingerprint: string }[]>(
    `select fingerprint from seed_state where step = ?`,
    [step],
  );
  if (rows[0]?.fingerprint === fingerprint) return { ran: false };
  let counts: Record<string, number> | void = undefined;
  await em.transactional(async (tx) => {
    // Serialise concurrent starts on the same database.
    await tx.getConnection().execute(`select pg_advisory_xact_lock(hashtext(?))`, [`seed:${step}`], 'all', tx.getTransactionContext());
    counts = await run(tx);
    await tx.getConnection().execute(
      `insert into seed_state (step, fingerprint) values (?, ?)
       on conflict (step) do update set fingerprint = excluded.fingerprint, seeded_at = now()`,
      [step, fingerprint],
      'all',
      tx.getTransactionContext(),
    );
  });
  return { ran: true, counts: counts ?? undefined };
}

/** A fingerprint over strings (file contents, versions). */
export function fingerprintOf(...parts: (string | Buffer)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex').slice(0, 32);
}
