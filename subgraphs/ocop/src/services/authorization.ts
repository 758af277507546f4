import { GraphQLError } from 'graphql';
import type { Context } from '../context';

/**
 * EVERY authorization decision of the ocop subgraph is taken here, by `authorize`, which every mutation
 * calls before it writes anything (issue 12 §10):
 *   - EDITOR of the unit: create cooperatives and products;
 *   - APPROVER of the unit (province level): record or revoke a 3–4★ rating;
 *   - MINISTRY or ADMIN: record or revoke a 5★ rating.
 *
 * NOT WIRED YET — it refuses everything with UNAUTHENTICATED. Sign-in (a gateway-verified JWT forwarded
 * to every subgraph) is being built elsewhere; when the kit gives resolvers `ctx.user`, the lead
 * replaces `userOf` below with `return ctx.user ?? null` (adapting the field names of `OcopUser`), and
 * nothing else here changes.
 */
export type Need = 'EDITOR' | 'APPROVER' | 'MINISTRY';
export type Role = 'EDITOR' | 'APPROVER' | 'MINISTRY' | 'ADMIN';

/** What this subgraph needs to know about the signed-in user. */
export interface OcopUser {
  readonly id: string;
  readonly roles: readonly Role[];
  /** AdminUnit ids the user's roles apply to (a province scope covers everything under it). */
  readonly unitIds: readonly string[];
}

/** TO WIRE: the signed-in user of the request (null until the kit provides `ctx.user`). */
export function userOf(_ctx: Pick<Context, 'requestId'>): OcopUser | null {
  return null;
}

/** The need of a rating write: APPROVER for 3–4★, MINISTRY (or ADMIN) for 5★ (QĐ 26/2026 Art. 4.1, 8.2). */
export const needForStars = (stars: number): Need => (stars >= 5 ? 'MINISTRY' : 'APPROVER');

/**
 * Throws UNAUTHENTICATED (no user) or FORBIDDEN (user lacks the role, or the role does not cover any
 * of `unitIds` — the unit written to with its ancestors and lineage) — else returns the user.
 */
export function authorize(ctx: Pick<Context, 'requestId'>, need: Need, unitIds: readonly string[]): OcopUser {
  const user = userOf(ctx);
  if (!user) throw new GraphQLError('sign in first: this write needs an authenticated user', { extensions: { code: 'UNAUTHENTICATED' } });
  if (user.roles.includes('ADMIN')) return user;
  if (need === 'MINISTRY') {
    if (user.roles.includes('MINISTRY')) return user;
    throw forbidden('a 5★ rating is recorded or revoked by the MINISTRY (QĐ 26/2026 Art. 4.1b, 8.2)');
  }
  const roles: Role[] = need === 'APPROVER' ? ['APPROVER'] : ['EDITOR', 'APPROVER'];
  if (!user.roles.some((r) => roles.includes(r))) throw forbidden(`this write needs the role ${need}`);
  if (!unitIds.some((u) => user.unitIds.includes(u))) throw forbidden(`your ${need} role does not cover this unit (${unitIds[0] ?? 'unknown'})`);
  return user;
}

const forbidden = (message: string) => new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });

/** The signature services take, so a test can pass a stand-in. */
export type Authorizer = typeof authorize;
