import { GraphQLError } from 'graphql';
import type { Context } from '../context';
import { decideWrite, type SignedInUser, type WriteRole } from '../domain/authorization';
import { areasOfUnits } from './areas';

/**
 * THE one place this subgraph decides who may write (every mutation calls `authorize` before anything is
 * written). The rule itself is the pure `decideWrite` (src/domain/authorization.ts).
 *
 * The signed-in user is the one the gateway verified and forwarded (the kit's `ctx.user`: roles
 * EDITOR/APPROVER/MINISTRY/ADMIN and units, as codes "40" or ids "24@2025-03-01"); null for an anonymous
 * caller, who is refused with UNAUTHENTICATED before any statement.
 */
export function signedInUser(ctx: Context): SignedInUser | null {
  return ctx.user ? { id: ctx.user.sub, roles: ctx.user.roles, scopes: ctx.user.units } : null;
}

/**
 * Refuses the write (UNAUTHENTICATED without a user; FORBIDDEN, naming `unitId`, without the role or
 * outside the user's scopes) or returns the actor to record. `unitIds` are units of the unit-profile
 * replica (a village pilot passes its commune).
 */
export async function authorize(ctx: Context, role: WriteRole, unitIds: readonly string[]): Promise<{ actor: string }> {
  const user = signedInUser(ctx);
  // Anonymous: refused before any statement.
  if (!user) throw new GraphQLError(`Sign in: this write needs an ${role} of the unit`, { extensions: { code: 'UNAUTHENTICATED' } });
  const areas = await areasOfUnits(ctx.em, unitIds);
  const decision = decideWrite(
    user,
    role,
    unitIds.map((unitId) => ({ unitId, areaIds: areas.get(unitId) ?? [unitId] })),
  );
  if (!decision.allowed) {
    throw new GraphQLError(decision.field ? `${decision.field}: ${decision.reason}` : decision.reason, {
      extensions: { code: decision.code, ...(decision.field ? { field: decision.field } : {}) },
    });
  }
  return { actor: decision.actor };
}
