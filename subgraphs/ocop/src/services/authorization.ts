import { outsideUnitsError, uncoveredUnits } from '@ntm/admin-unit-contract';
import type { EntityManager } from '@mikro-orm/postgresql';
import { forbiddenError, hasRole, unauthenticatedError, type Role, type User } from '@ntm/kit';

/**
 * EVERY authorization decision of the ocop subgraph is taken here, by `authorize`, which every mutation
 * calls before it writes anything (issue 12 §10):
 *   - EDITOR (or APPROVER) of the unit: create cooperatives and products;
 *   - APPROVER of the unit (province level): record or revoke a 3–4★ rating;
 *   - MINISTRY or ADMIN: record or revoke a 5★ rating (the one write a MINISTRY user makes).
 * The user is the one the gateway verified and forwarded (kit `ctx.user`); a unit is covered when
 * it or an ancestor is in the user's units, on either official list (the replica's `scope_ids`).
 */
export type Need = 'EDITOR' | 'APPROVER' | 'MINISTRY';

/** What authorization needs of the request. */
export interface AuthContext {
  user: User | null;
  em: EntityManager;
}

/** The need of a rating write: APPROVER for 3–4★, MINISTRY (or ADMIN) for 5★ (QĐ 26/2026 Art. 4.1, 8.2). */
export const needForStars = (stars: number): Need => (stars >= 5 ? 'MINISTRY' : 'APPROVER');

/**
 * Throws UNAUTHENTICATED (no user) or FORBIDDEN (the user lacks the role, or the role does not cover
 * the unit written to) — else returns the user. `unitId` null: the unit is unknown, which the
 * write's own validation reports by field.
 */
export async function authorize(ctx: AuthContext, need: Need, unitId: string | null): Promise<User> {
  const user = ctx.user;
  if (!user) throw unauthenticatedError('this write needs a signed-in user: send "Authorization: Bearer <token>"');
  if (hasRole(user, 'ADMIN')) return user;
  if (need === 'MINISTRY') {
    if (hasRole(user, 'MINISTRY')) return user;
    throw forbiddenError('a 5★ rating is recorded or revoked by the MINISTRY (QĐ 26/2026 Art. 4.1b, 8.2)');
  }
  const roles: Role[] = need === 'APPROVER' ? ['APPROVER'] : ['EDITOR', 'APPROVER'];
  if (!hasRole(user, ...roles)) throw forbiddenError(`this write needs the role ${need}`);
  if (unitId) {
    const outside = await uncoveredUnits(ctx.em, user, [unitId]);
    if (outside.length > 0) throw outsideUnitsError(user, outside, 'unit');
  }
  return user;
}

/** The signature services take, so a test can pass a stand-in. */
export type Authorizer = typeof authorize;
