import { jwtVerify, SignJWT } from 'jose';
import { ExpiringCache } from './expiring-cache';
import { isRole, unauthenticatedError, type Role, type User } from './identity';

/**
 * The identity the gateway forwards to subgraphs: a short-lived HS256 JWT signed with a secret
 * only the gateway and the subgraphs hold (`INTERNAL_AUTH_SECRET`), in the header `x-ntm-identity`.
 * Its claim `user` is the verified user, or null for an anonymous reader. A subgraph answers 401
 * to a /graphql request without a valid one, so nothing reaches a subgraph past the gateway.
 */
export const IDENTITY_HEADER = 'x-ntm-identity';
const ISSUER = 'ntm-gateway';
const AUDIENCE = 'ntm-subgraphs';
/** Seconds an internal identity token is valid: one gateway request, with room for slow ones. */
export const INTERNAL_TOKEN_TTL_SECONDS = 120;

function keyOf(secret: string): Uint8Array {
  if (!secret || secret.length < 32) throw new Error('INTERNAL_AUTH_SECRET must be at least 32 characters');
  return new TextEncoder().encode(secret);
}

export async function signInternalIdentity(secret: string, user: User | null, ttlSeconds = INTERNAL_TOKEN_TTL_SECONDS): Promise<string> {
  return new SignJWT({ user })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(keyOf(secret));
}

/** Seconds a signed identity is reused by internalIdentitySigner: each one sent has at least TTL − this left (90 s). */
export const INTERNAL_TOKEN_REUSE_SECONDS = 30;

/**
 * signInternalIdentity, remembered per identity: the same user (or the anonymous reader) gets the
 * same token for INTERNAL_TOKEN_REUSE_SECONDS, then a fresh one, so a token always reaches a
 * subgraph with at least 90 s of its 120 s left (subgraph fetches time out after 30 s). Signing
 * per request cost the gateway ~0.1 ms of CPU each; a subgraph verifies a repeated token from its
 * own cache (verifyInternalIdentity). At most `maxEntries` identities are remembered.
 */
export function internalIdentitySigner(secret: string, maxEntries = 10_000): (user: User | null) => Promise<string> {
  keyOf(secret);
  const cache = new ExpiringCache<Promise<string>>(maxEntries);
  return (user) => {
    const key = user ? JSON.stringify([user.sub, user.name, user.roles, user.units]) : '';
    let token = cache.get(key);
    if (!token) {
      token = signInternalIdentity(secret, user);
      cache.set(key, token, Date.now() + INTERNAL_TOKEN_REUSE_SECONDS * 1000);
      token.catch(() => cache.set(key, token!, 0)); // never keep a failure
    }
    return token;
  };
}

/** Verified identities per secret, keyed by the token: the gateway sends the same token for 30 s (internalIdentitySigner). */
const verified = new Map<string, ExpiringCache<User | null>>();
/** Distinct tokens remembered per secret: one per identity per 30 s is what the gateway sends. */
const VERIFIED_CACHE_ENTRIES = 10_000;

function userOf(claim: unknown): User | null {
  const user = claim as Partial<User> | null | undefined;
  if (!user) return null;
  if (typeof user.sub !== 'string' || !user.sub) throw new Error('user without sub');
  // Frozen: one verified user object is shared by every request that carries the same token.
  return Object.freeze({
    sub: user.sub,
    name: typeof user.name === 'string' ? user.name : user.sub,
    roles: Object.freeze(Array.isArray(user.roles) ? user.roles.filter(isRole) : []) as Role[],
    units: Object.freeze(Array.isArray(user.units) ? user.units.filter((u): u is string => typeof u === 'string') : []) as string[],
  });
}

/**
 * The user an internal token carries (null: anonymous); UNAUTHENTICATED (HTTP 401) when it is
 * missing or not valid. A token verified once is remembered (per secret, bounded) until its own
 * expiry, so the repeated token of an identity costs a map look-up, not an HMAC check.
 */
export async function verifyInternalIdentity(secret: string, token: string | undefined): Promise<User | null> {
  if (!token) throw unauthenticatedError(`this subgraph answers only requests from the gateway (header ${IDENTITY_HEADER} missing)`, 401);
  let cache = verified.get(secret);
  const known = cache?.get(token);
  if (known !== undefined) return known;
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
    const user = userOf(payload.user);
    if (typeof payload.exp === 'number') {
      if (!cache) verified.set(secret, (cache = new ExpiringCache(VERIFIED_CACHE_ENTRIES)));
      cache.set(token, user, payload.exp * 1000);
    }
    return user;
  } catch {
    throw unauthenticatedError(`the gateway identity (${IDENTITY_HEADER}) is not valid`, 401);
  }
}

let processSigner: ((user: User | null) => Promise<string>) | undefined;

/** Sets the secret this process signs its own service requests with (subgraph → subgraph pulls). */
export function configureInternalAuth(secret: string): void {
  processSigner = internalIdentitySigner(secret, 1);
}

/** Headers identifying this process as a service (an anonymous reader) to a peer subgraph; none before configureInternalAuth. */
export async function serviceIdentityHeaders(): Promise<Record<string, string>> {
  return processSigner ? { [IDENTITY_HEADER]: await processSigner(null) } : {};
}
