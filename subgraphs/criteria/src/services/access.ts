import type { EntityManager } from '@mikro-orm/postgresql';
import { forbiddenError, requireRole, type Role, type User } from '@ntm/kit';
import { uncoveredUnitCodes, type UnitCodeRef } from '@ntm/admin-unit-contract';

/**
 * The check every write of this subgraph makes before it writes anything: a signed-in user
 * (else UNAUTHENTICATED), one of `roles` (else FORBIDDEN), and every unit of the batch inside the
 * user's units (else FORBIDDEN naming the units outside). Returns the user.
 */
export async function authorizeWrite(em: EntityManager, user: User | null, roles: Role[], operation: string, units: UnitCodeRef[]): Promise<User> {
  const signedIn = requireRole(user, roles, operation);
  const outside = await uncoveredUnitCodes(em, signedIn, units);
  if (outside.length > 0) {
    const scope = signedIn.units.length ? `its units are ${signedIn.units.join(', ')}` : 'it has no units';
    throw forbiddenError(`${operation}: unit ${outside.join(', ')} is outside the units of "${signedIn.sub}" (${scope}); nothing was written`, {
      units: outside,
    });
  }
  return signedIn;
}
