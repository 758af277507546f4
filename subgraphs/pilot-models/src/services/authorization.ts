import { authorizeUnitsWrite } from '@ntm/admin-unit-contract';
import type { Context } from '../context';

/** The roles that write pilots: EDITOR (create, steps, funding, checklist) and APPROVER (approving decisions). */
export type WriteRole = 'EDITOR' | 'APPROVER';

/**
 * THE one place this subgraph decides who may write (every mutation calls `authorize` before anything is
 * written), with the graph's one scope rule (the AdminUnit contract's `authorizeUnitsWrite`, as in
 * criteria): UNAUTHENTICATED without a user; FORBIDDEN without the role (ADMIN may do anything; MINISTRY
 * reads, never writes); FORBIDDEN naming `unitId` when a unit lies outside the user's units on either
 * list (a province editor of today also covers a pilot built in a 2024 commune of that province).
 * `unitIds` are units of the unit-profile replica (a village pilot passes its commune). Returns the actor.
 */
export async function authorize(ctx: Context, role: WriteRole, unitIds: readonly string[]): Promise<{ actor: string }> {
  const user = await authorizeUnitsWrite(ctx.em, ctx.user, [role], role === 'APPROVER' ? 'approving a pilot' : 'writing a pilot', unitIds);
  return { actor: user.sub };
}
