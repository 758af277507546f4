import { GraphQLError } from 'graphql';

/** The signed-in person as the import sees them (sign-in forwards `sub`, roles and unit scopes). */
export interface ImportUser {
  sub: string;
  roles: string[];
  units: string[];
}

/**
 * THE authorization decision of an import commit, in one place: an EDITOR whose units cover every
 * unit the commit writes (`unitIds`). Sign-in is being built separately; until the lead wires it
 * (verify the user from the gateway's forwarded identity, then check the role and the scope —
 * e.g. the contract package's `uncoveredUnits(em, user, unitIds)` — and throw FORBIDDEN naming
 * the units outside), this refuses everything with UNAUTHENTICATED, so nothing can be committed
 * by an unverified caller.
 */
export async function authorizeImport(user: ImportUser | null | undefined, unitIds: readonly string[]): Promise<ImportUser> {
  void unitIds; // LEAD: check EDITOR role and that the user's units cover every one of unitIds
  if (!user) throw new GraphQLError('committing an import needs a signed-in EDITOR: send "Authorization: Bearer <token>"', { extensions: { code: 'UNAUTHENTICATED' } });
  throw new GraphQLError('committing an import is not yet connected to sign-in (authorizeImport)', { extensions: { code: 'UNAUTHENTICATED' } });
}
