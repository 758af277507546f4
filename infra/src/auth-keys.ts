import { ROLES, type Role } from '@ntm/kit';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK, type JSONWebKeySet } from 'jose';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths';

/**
 * The embedded sign-in default: without an identity provider, `npm start` makes, once, an EdDSA
 * (Ed25519) key pair and an internal secret in the data folder (`<NTM_DATA_DIR>/../auth/`, i.e.
 * `.data/auth/`). The gateway verifies tokens against the public half (issuer "ntm-local") and
 * serves it at /.well-known/jwks.json; `npm run token` signs tokens with the private half. The
 * internal secret signs the identity the gateway forwards to the subgraphs.
 */
export const LOCAL_ISSUER = 'ntm-local';
const ALG = 'EdDSA';

export interface AuthKeys {
  dir: string;
  issuer: string;
  /** Private signing key (JWK with `kid`), for minting tokens. */
  signingKey: JWK;
  /** Public keys, as served and as the gateway verifies against. */
  jwks: JSONWebKeySet;
  jwksFile: string;
  /** Secret shared by the gateway and subgraphs (INTERNAL_AUTH_SECRET). */
  internalSecret: string;
}

/** The auth folder beside the embedded PostgreSQL data folder; NTM_AUTH_DIR overrides it. */
export function authDirOf(env: NodeJS.ProcessEnv = process.env): string {
  if (env.NTM_AUTH_DIR) return path.resolve(env.NTM_AUTH_DIR);
  const dataDir = env.NTM_DATA_DIR ? path.resolve(env.NTM_DATA_DIR) : path.join(repoRoot(), '.data', 'postgres');
  return path.join(path.dirname(dataDir), 'auth');
}

/** Whether the folder holds a key pair (made by a first `npm start`). */
export function hasAuthKeys(dir: string = authDirOf()): boolean {
  return existsSync(path.join(dir, 'signing-key.json')) && existsSync(path.join(dir, 'jwks.json'));
}

/** Reads the folder's keys, making them first when it has none. */
export async function ensureAuthKeys(dir: string = authDirOf()): Promise<AuthKeys> {
  const keyFile = path.join(dir, 'signing-key.json');
  const jwksFile = path.join(dir, 'jwks.json');
  const secretFile = path.join(dir, 'internal-secret');
  if (!hasAuthKeys(dir)) {
    // Only the key folder is private: its parent is the data folder the embedded PostgreSQL (run as
    // the postgres user when started by root) must be able to enter to reach its own data directory.
    mkdirSync(path.dirname(dir), { recursive: true });
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const { publicKey, privateKey } = await generateKeyPair(ALG, { crv: 'Ed25519', extractable: true });
    const publicJwk = await exportJWK(publicKey);
    const kid = await calculateJwkThumbprint(publicJwk);
    const signingKey = { ...(await exportJWK(privateKey)), kid, alg: ALG, use: 'sig' };
    writeFileSync(keyFile, JSON.stringify(signingKey, null, 2), { mode: 0o600 });
    writeFileSync(jwksFile, JSON.stringify({ keys: [{ ...publicJwk, kid, alg: ALG, use: 'sig' }] }, null, 2));
  }
  if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return {
    dir,
    issuer: LOCAL_ISSUER,
    signingKey: JSON.parse(readFileSync(keyFile, 'utf8')) as JWK,
    jwks: JSON.parse(readFileSync(jwksFile, 'utf8')) as JSONWebKeySet,
    jwksFile,
    internalSecret: readFileSync(secretFile, 'utf8').trim(),
  };
}

export interface TokenRequest {
  roles: Role[];
  /** Unit codes ("40", resolved on today's list) or ids ("24@2025-03-01"). */
  units: string[];
  sub?: string;
  name?: string;
  /** Lifetime: seconds, or "30m", "8h", "2d"; default 8h. */
  ttl?: string | number;
}

/** The problems of a token request, in words (empty when it can be signed). */
export function tokenRequestProblems(request: TokenRequest): string[] {
  const problems: string[] = [];
  if (request.roles.length === 0) problems.push(`--role is required: one of ${ROLES.join(', ')}`);
  for (const role of request.roles)
    if (!(ROLES as readonly string[]).includes(role)) problems.push(`--role: unknown role "${role}" (one of ${ROLES.join(', ')})`);
  const scoped = request.roles.some((r) => r === 'EDITOR' || r === 'APPROVER');
  if (scoped && request.units.length === 0)
    problems.push('--unit is required for EDITOR and APPROVER (a unit code such as 40, or an id such as 24@2025-03-01)');
  for (const unit of request.units)
    if (!/^\d{2,7}(@\d{4}-\d{2}-\d{2})?$/.test(unit)) problems.push(`--unit: "${unit}" is not a unit code (40) or id (24@2025-03-01)`);
  if (request.ttl !== undefined && typeof request.ttl === 'string' && !/^\d+\s*(s|m|h|d)?$/.test(request.ttl))
    problems.push(`--ttl: "${request.ttl}" is not a duration such as 3600, 30m, 8h or 2d`);
  return problems;
}

/** A sign-in token of the embedded issuer (what `npm run token` prints and the tests send). */
export async function mintToken(keys: AuthKeys, request: TokenRequest): Promise<string> {
  const problems = tokenRequestProblems(request);
  if (problems.length > 0) throw new Error(problems.join('; '));
  const sub = request.sub ?? `${request.roles[0].toLowerCase()}-${request.units.join('-') || 'all'}`;
  const ttl = request.ttl ?? '8h';
  const now = Math.floor(Date.now() / 1000);
  const exp = typeof ttl === 'number' || /^\d+\s*s?$/.test(ttl) ? now + parseInt(String(ttl), 10) : ttl;
  const key = await importJWK(keys.signingKey, ALG);
  return new SignJWT({ name: request.name ?? sub, roles: request.roles, units: request.units })
    .setProtectedHeader({ alg: ALG, kid: keys.signingKey.kid, typ: 'JWT' })
    .setIssuer(keys.issuer)
    .setSubject(sub)
    .setIssuedAt(now)
    .setExpirationTime(exp)
    .sign(key);
}
