import type { EntityManager } from '@mikro-orm/postgresql';
import { hasRole, requireRole, type Role, type User } from '@ntm/kit';
import { outsideUnitsError, uncoveredUnitCodes, uncoveredUnits, type UnitCodeRef } from '@ntm/admin-unit-contract';
import { seesDrafts, type WorkflowRole } from '../domain/value-workflow';

/**
 * The check every write of this subgraph makes before it writes anything: a signed-in user
 * (else UNAUTHENTICATED), one of `roles` (else FORBIDDEN), and every unit of the batch inside the
 * user's units (else FORBIDDEN naming the units outside). Returns the user.
 */
export async function authorizeWrite(em: EntityManager, user: User | null, roles: Role[], operation: string, units: UnitCodeRef[]): Promise<User> {
  const signedIn = requireRole(user, roles, operation);
  const outside = await uncoveredUnitCodes(em, signedIn, units);
  if (outside.length > 0) throw outsideUnitsError(signedIn, outside, `${operation}: unit`);
  return signedIn;
}

/** What the reader of this request may see. */
export class AccessService {
  constructor(
    private readonly em: EntityManager,
    private readonly user: User | null,
  ) {}

  /** Per unit: whether the reader sees its DRAFT values (no SQL for anonymous readers, MINISTRY and ADMIN). */
  async seesDrafts(unitIds: readonly string[]): Promise<boolean[]> {
    const user = this.user;
    if (!user) return unitIds.map(() => false);
    if (hasRole(user, 'MINISTRY', 'ADMIN')) return unitIds.map(() => true);
    const outside = new Set(await uncoveredUnits(this.em, user, unitIds));
    return unitIds.map((id) => seesDrafts(user.roles as WorkflowRole[], !outside.has(id)));
  }
}
