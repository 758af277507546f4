import type { EntityManager } from '@mikro-orm/postgresql';
import { UnitProfile } from './unit-profile.entity';

/** The replica's unit with this official code in the list in force on `date` (YYYY-MM-DD), or null. */
export function findUnitProfileInForce(em: EntityManager, code: string, date: string): Promise<UnitProfile | null> {
  return em.findOne(UnitProfile, {
    code,
    $and: [{ $or: [{ validFrom: null }, { validFrom: { $lte: date } }] }, { $or: [{ validTo: null }, { validTo: { $gte: date } }] }],
  });
}
