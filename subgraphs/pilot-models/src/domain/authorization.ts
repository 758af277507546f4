/**
 * Who may write pilot models (issue 11 item 9): writes (create, move a step, funding, checklist) need an
 * EDITOR of the unit; approving a pilot needs an APPROVER of the unit. Pure: the caller passes the signed-in
 * user (or null) and, for each unit written, the ids of the areas it lies in.
 *
 * - No user: UNAUTHENTICATED.
 * - ADMIN may do anything. MINISTRY grants reading the whole country, not writing.
 * - Otherwise the user must hold the role, and every unit must be within one of the user's scopes: a
 *   scope (an AdminUnit id such as `40@2025-07-01`, or an official code such as `40`, which names the unit
 *   of that code on either list) covers a unit when it is among the unit's areas —
 *   the unit itself, its ancestors, and the units its lineage links it to with their ancestors (so a
 *   province editor on today's list also covers a pilot built in a 2024 commune of that province).
 * Refusals name the field (`unitId`) and the reason.
 */
export type WriteRole = 'EDITOR' | 'APPROVER';

export interface SignedInUser {
  readonly id: string;
  readonly roles: readonly string[];
  /** AdminUnit ids the user acts for. */
  readonly scopes: readonly string[];
}

export type AuthorizationDecision =
  | { readonly allowed: true; readonly actor: string }
  | { readonly allowed: false; readonly code: 'UNAUTHENTICATED' | 'FORBIDDEN'; readonly field: string | null; readonly reason: string };

export function decideWrite(
  user: SignedInUser | null | undefined,
  role: WriteRole,
  units: readonly { readonly unitId: string; readonly areaIds: readonly string[] }[],
): AuthorizationDecision {
  if (!user) return { allowed: false, code: 'UNAUTHENTICATED', field: null, reason: `sign in: this write needs an ${role}` };
  if (user.roles.includes('ADMIN')) return { allowed: true, actor: user.id };
  if (!user.roles.includes(role))
    return {
      allowed: false,
      code: 'FORBIDDEN',
      field: null,
      reason: `this write needs the role ${role}; ${user.id} has ${user.roles.join(', ') || 'no role'}`,
    };
  for (const unit of units) {
    if (!user.scopes.some((s) => unit.areaIds.some((a) => covers(s, a)))) {
      return {
        allowed: false,
        code: 'FORBIDDEN',
        field: 'unitId',
        reason: `${unit.unitId} is outside the units ${user.id} acts for (${user.scopes.join(', ') || 'none'})`,
      };
    }
  }
  return { allowed: true, actor: user.id };
}

/** A scope covers an area id when it is that id, or the official code of it (`40` covers `40@2025-03-01`). */
function covers(scope: string, areaId: string): boolean {
  return scope === areaId || (!scope.includes('@') && areaId.slice(0, areaId.indexOf('@')) === scope);
}
