import { ExpiringCache, internalIdentitySigner, isRole, unauthenticatedError, type User } from '@ntm/kit';
import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { GatewayAuthSettings } from './settings';

/** Reads a claim by dot path ("realm_access.roles"). */
function claim(payload: JWTPayload, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), payload);
}

function stringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v.length > 0);
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return [];
}

/** The user a verified token describes: roles of this graph only (others, e.g. Keycloak's defaults, are ignored). */
export function userFromClaims(payload: JWTPayload, settings: Pick<GatewayAuthSettings, 'rolesClaim' | 'unitsClaim'>): User {
  const roleSources = settings.rolesClaim ? [settings.rolesClaim] : ['roles', 'realm_access.roles'];
  const roles = [
    ...new Set(
      roleSources
        .flatMap((path) => stringList(claim(payload, path)))
        .map((r) => r.toUpperCase())
        .filter(isRole),
    ),
  ];
  const name = [payload.name, payload.preferred_username, payload.sub].find((v): v is string => typeof v === 'string' && v.length > 0)!;
  return { sub: payload.sub!, name, roles, units: [...new Set(stringList(claim(payload, settings.unitsClaim ?? 'units')))] };
}

function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `the token's "${error.claim}" claim is not accepted`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the token signature is not valid';
  if (error instanceof errors.JWKSNoMatchingKey) return 'the token was not signed by a key of the configured issuer';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'the token algorithm is not accepted';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return 'the token is malformed';
  return 'the token could not be verified';
}

export interface Authenticator {
  /** The user of an `Authorization` header: null without one (anonymous reader); UNAUTHENTICATED (HTTP 401) when it is not a valid token. */
  authenticate(authorization: string | undefined): Promise<User | null>;
  /** The identity header value for subgraphs, signed with the internal secret (the same value for the same user for 30 s). */
  forward(user: User | null): Promise<string>;
  /** The public JWKS to serve, for the embedded issuer. */
  publicJwks?: unknown;
}

/** Verified sign-in tokens remembered (the most recently used), each until its `exp`, at most this long. */
export const VERIFIED_TOKENS = { maxEntries: 10_000, maxAgeMs: 5 * 60_000 };

export function createAuthenticator(settings: GatewayAuthSettings): Authenticator {
  let keys: JWTVerifyGetKey;
  if (settings.jwksUrl) keys = createRemoteJWKSet(new URL(settings.jwksUrl));
  else if (settings.jwks) keys = createLocalJWKSet(settings.jwks);
  else throw new Error('gateway auth needs a JWKS URL or a local JWKS');
  // A client sends the same token with every request until it expires: its signature is checked
  // once, then the user is remembered until the token's own expiry (at most 5 minutes, so a key
  // withdrawn from a remote JWKS stops being accepted within that time). Only valid tokens are kept.
  const verified = new ExpiringCache<User>(VERIFIED_TOKENS.maxEntries);
  return {
    publicJwks: settings.jwksUrl ? undefined : settings.jwks,
    async authenticate(authorization) {
      if (authorization === undefined || authorization.trim() === '') return null;
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      if (!match) throw unauthenticatedError('the Authorization header must be "Bearer <token>"', 401);
      const token = match[1];
      const known = verified.get(token);
      if (known) return known;
      try {
        const { payload } = await jwtVerify(token, keys, {
          issuer: settings.issuer,
          audience: settings.audience,
          algorithms: ['EdDSA', 'ES256', 'ES384', 'RS256', 'RS384', 'RS512', 'PS256'],
        });
        if (typeof payload.sub !== 'string' || !payload.sub) throw unauthenticatedError('the token has no subject ("sub")', 401);
        const user = Object.freeze(userFromClaims(payload, settings));
        const until = Date.now() + VERIFIED_TOKENS.maxAgeMs;
        verified.set(token, user, typeof payload.exp === 'number' ? Math.min(payload.exp * 1000, until) : until);
        return user;
      } catch (error) {
        if ((error as { extensions?: unknown }).extensions) throw error;
        throw unauthenticatedError(`not signed in: ${reasonOf(error)}`, 401);
      }
    },
    // One signed identity per user, reused for 30 s (see internalIdentitySigner).
    forward: internalIdentitySigner(settings.internalSecret),
  };
}
