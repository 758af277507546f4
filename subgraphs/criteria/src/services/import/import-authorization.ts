import type { EntityManager } from '@mikro-orm/postgresql';
import { outsideUnitsError, uncoveredUnits } from '@ntm/admin-unit-contract';
import { requireRole, type Role, type User } from '@ntm/kit';

/** Roles that may import values (cán bộ nhập liệu), inside their units; ADMIN everywhere. */
export const IMPORT_ROLES: Role[] = ['EDITOR', 'ADMIN'];

/**
 * THE authorization decision of an import commit, in one place: a signed-in EDITOR (else
 * UNAUTHENTICATED / FORBIDDEN) whose units cover every unit the commit would write, on either
 * official list (a 2024 commune is inside the province it became part of); else FORBIDDEN naming
 * the units outside. One SQL statement for the whole file.
 */
export async function authorizeImport(em: EntityManager, user: User | null | undefined, unitIds: readonly string[]): Promise<User> {
  const signedIn = requireRole(user ?? null, IMPORT_ROLES, 'committing an import');
  const outside = await uncoveredUnits(em, signedIn, unitIds);
  if (outside.length > 0) throw outsideUnitsError(signedIn, outside, 'committing an import: unit');
  return signedIn;
}
