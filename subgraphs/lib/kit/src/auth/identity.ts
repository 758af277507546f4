import { GraphQLError } from 'graphql';

/**
 * Roles of the graph (vai trò). A role applies inside the user's units (a scope): a unit is inside
 * when it or one of its ancestors is in the scope, on either official list.
 * - EDITOR: writes DRAFT and SUBMITTED values and imports inside its units (cán bộ nhập liệu).
 * - APPROVER: approves and un-approves values and records recognition decisions inside its units (cán bộ phê duyệt).
 * - MINISTRY: reads everything, DRAFT values included, everywhere; writes nothing (Bộ).
 * - ADMIN: everything, everywhere.
 */
export const ROLES = ['EDITOR', 'APPROVER', 'MINISTRY', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** The signed-in user a subgraph sees, as the gateway verified it; null in a context means an anonymous reader. */
export interface User {
  /** Stable subject id from the identity provider (`sub`); what `recordedBy` and audit rows store. */
  sub: string;
  /** Display name (`name` or `preferred_username`), else the subject. */
  name: string;
  roles: Role[];
  /**
   * The user's scope: unit codes (resolved on the list in force today, "40") or explicit unit ids
   * ("24@2025-03-01"). Empty for MINISTRY and ADMIN, whose reach does not depend on units.
   */
  units: string[];
}

export const hasRole = (user: User | null | undefined, ...roles: Role[]): boolean => !!user && user.roles.some((r) => roles.includes(r));

/** The error for an operation that needs a signed-in user (HTTP 401 when thrown before execution). */
export function unauthenticatedError(message: string, status?: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', ...(status ? { http: { status } } : {}) } });
}

/** The error for a signed-in user who may not do this (wrong role, or units outside the scope, named in `units`). */
export function forbiddenError(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', ...extensions } });
}

/** The user of a write, or UNAUTHENTICATED naming the operation. */
export function requireUser(user: User | null | undefined, operation: string): User {
  if (!user) throw unauthenticatedError(`${operation} needs a signed-in user: send "Authorization: Bearer <token>"`);
  return user;
}

/** The user when they hold one of `roles`, else FORBIDDEN naming what they tried and what it needs. */
export function requireRole(user: User | null | undefined, roles: Role[], operation: string): User {
  const signedIn = requireUser(user, operation);
  if (!hasRole(signedIn, ...roles)) {
    throw forbiddenError(
      `${operation} needs the role ${roles.join(' or ')}; "${signedIn.sub}" has ${signedIn.roles.length ? signedIn.roles.join(', ') : 'no role of this graph'}`,
      {
        requiredRoles: roles,
      },
    );
  }
  return signedIn;
}
