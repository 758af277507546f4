import type { EntityManager } from '@mikro-orm/postgresql';
import { inForceOn } from '@ntm/kit';

/** The replica's unit with this official code in the list in force on `date`, or null. */
export async function findUnitProfile(em: EntityManager, code: string, date: string): Promise<{ unit_id: string; level: string } | null> {
  const rows = await em
    .getConnection()
    .execute<{ unit_id: string; level: string }[]>(`select unit_id, level from unit_profile p where p.code = ? and ${inForceOn('p')} limit 1`, [code, date, date]);
  return rows[0] ?? null;
}
