import type { EntityManager } from '@mikro-orm/postgresql';
import { forbiddenError, hasRole, requireRole, toPgArray, today, type Role, type User } from '@ntm/kit';

/**
 * Whether a user's scope covers units. A scope is the set of units named in the token: codes
 * resolved on the list in force today ("40" is today's Nghệ An) or explicit ids ("24@2025-03-01").
 * A unit is covered when it or an ancestor is in the scope, on either official list: its replica
 * row's `scope_ids` (itself, its ancestors, and for a pre-reform unit its successors and theirs)
 * overlaps the scope. ADMIN covers everything; nobody else covers anything without units.
 */

/** The scope's unit ids (`scope.ids`), from the token's codes (in force on `date`) and ids: a CTE with 4 parameters. */
const SCOPE_CTE = `scope as (
  select array(
    select p.unit_id from unit_profile p
     where p.unit_id = any(?::text[])
        or (p.code = any(?::text[]) and (p.valid_from is null or p.valid_from <= ?::date) and (p.valid_to is null or p.valid_to >= ?::date))
  ) as ids
)`;
const scopeParams = (user: User, date: string) => [
  toPgArray(user.units.filter((u) => u.includes('@'))),
  toPgArray(user.units.filter((u) => !u.includes('@'))),
  date,
  date,
];

/** The unit ids among `unitIds` the user's scope does not cover (empty: all covered). One SQL statement for the batch. */
export async function uncoveredUnits(em: EntityManager, user: User, unitIds: readonly string[], date: string = today()): Promise<string[]> {
  const ids = [...new Set(unitIds)];
  if (ids.length === 0 || hasRole(user, 'ADMIN')) return [];
  if (user.units.length === 0) return ids;
  const rows = await em.getConnection().execute<{ id: string }[]>(
    `with ${SCOPE_CTE}
     select u.id from unnest(?::text[]) as u(id)
      where not exists (select 1 from unit_profile p, scope s where p.unit_id = u.id and p.scope_ids && s.ids)
      order by u.id`,
    [...scopeParams(user, date), toPgArray(ids)],
  );
  return rows.map((r) => r.id);
}

export interface UnitCodeRef {
  code: string;
  /** The date whose list `code` refers to. */
  asOf: string;
}

/**
 * Like uncoveredUnits, for units given as code + date (a batch's rows before validation): the
 * resolved ids the scope does not cover, in one SQL statement. Codes that name no unit on that
 * date are left to the batch's own validation.
 */
export async function uncoveredUnitCodes(em: EntityManager, user: User, refs: readonly UnitCodeRef[], date: string = today()): Promise<string[]> {
  if (refs.length === 0 || hasRole(user, 'ADMIN')) return [];
  const rows = await em.getConnection().execute<{ id: string }[]>(
    `with ${SCOPE_CTE},
     target as (
       select distinct p.unit_id, p.scope_ids from unnest(?::text[], ?::date[]) as r(code, as_of)
         join unit_profile p on p.code = r.code
          and (p.valid_from is null or p.valid_from <= r.as_of) and (p.valid_to is null or p.valid_to >= r.as_of)
     )
     select t.unit_id as id from target t, scope s where not (t.scope_ids && s.ids) order by t.unit_id`,
    [...scopeParams(user, date), toPgArray(refs.map((r) => r.code)), toPgArray(refs.map((r) => r.asOf))],
  );
  return rows.map((r) => r.id);
}

/**
 * The write check of a subgraph on its replica: a signed-in user (else UNAUTHENTICATED) with one of
 * `roles` or ADMIN (else FORBIDDEN), whose scope covers every unit (else FORBIDDEN naming the units
 * outside, field `unitId`). Call it before writing anything; returns the user.
 */
export async function authorizeUnitsWrite(
  em: EntityManager,
  user: User | null,
  roles: Role[],
  operation: string,
  unitIds: readonly string[],
): Promise<User> {
  const signedIn = requireRole(user, [...roles, 'ADMIN'], operation);
  const outside = await uncoveredUnits(em, signedIn, unitIds);
  if (outside.length > 0) throw outsideUnitsError(signedIn, outside, 'unitId:', { field: 'unitId' });
  return signedIn;
}

/**
 * FORBIDDEN for a write some of whose units lie outside the user's units, naming them (`lead`
 * starts the message; the message names the first 20, `extensions.units` all of them).
 */
export function outsideUnitsError(user: User, outside: readonly string[], lead: string, extensions: Record<string, unknown> = {}) {
  const shown = outside.slice(0, 20).join(', ') + (outside.length > 20 ? ` and ${outside.length - 20} more` : '');
  const scope = user.units.length ? `its units are ${user.units.join(', ')}` : 'it has no units';
  return forbiddenError(`${lead} ${shown} is outside the units of "${user.sub}" (${scope}); nothing was written`, {
    ...extensions,
    units: outside,
  });
}
