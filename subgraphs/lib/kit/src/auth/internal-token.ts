import { jwtVerify, SignJWT } from 'jose';
import { isRole, unauthenticatedError, type User } from './identity';

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

/** The user an internal token carries (null: anonymous); UNAUTHENTICATED (HTTP 401) when it is missing or not valid. */
export async function verifyInternalIdentity(secret: string, token: string | undefined): Promise<User | null> {
  if (!token) throw unauthenticatedError(`this subgraph answers only requests from the gateway (header ${IDENTITY_HEADER} missing)`, 401);
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
    const user = payload.user as Partial<User> | null | undefined;
    if (!user) return null;
    if (typeof user.sub !== 'string' || !user.sub) throw new Error('user without sub');
    return {
      sub: user.sub,
      name: typeof user.name === 'string' ? user.name : user.sub,
      roles: Array.isArray(user.roles) ? user.roles.filter(isRole) : [],
      units: Array.isArray(user.units) ? user.units.filter((u): u is string => typeof u === 'string') : [],
    };
  } catch {
    throw unauthenticatedError(`the gateway identity (${IDENTITY_HEADER}) is not valid`, 401);
  }
}

let processSecret: string | undefined;

/** Sets the secret this process signs its own service requests with (subgraph → subgraph pulls). */
export function configureInternalAuth(secret: string): void {
  keyOf(secret);
  processSecret = secret;
}

/** Headers identifying this process as a service (an anonymous reader) to a peer subgraph; none before configureInternalAuth. */
export async function serviceIdentityHeaders(): Promise<Record<string, string>> {
  return processSecret ? { [IDENTITY_HEADER]: await signInternalIdentity(processSecret, null) } : {};
}
