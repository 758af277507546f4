import { optional, readEnv } from '@ntm/kit';
import { readFileSync } from 'node:fs';
import type { JSONWebKeySet } from 'jose';

/**
 * How the gateway checks sign-in tokens. Any OpenID Connect provider (Keycloak, …) plugs in with
 * AUTH_ISSUER + AUTH_JWKS_URL; `npm start` uses its own embedded key (AUTH_JWKS_FILE, issuer
 * "ntm-local") and serves its public half at /.well-known/jwks.json.
 */
export interface GatewayAuthSettings {
  /** Accepted `iss`. */
  issuer: string;
  /** Accepted `aud`, when set (Keycloak: the client id). */
  audience?: string;
  /** The provider's JWKS URL (fetched and cached by jose). */
  jwksUrl?: string;
  /** A local JWKS (the embedded default), used when jwksUrl is not set; served at /.well-known/jwks.json. */
  jwks?: JSONWebKeySet;
  /** Claim with the roles, a dot path; default "roles", then "realm_access.roles" (Keycloak realm roles). */
  rolesClaim?: string;
  /** Claim with the units (array, or a space- or comma-separated string); default "units". */
  unitsClaim?: string;
  /** Secret shared with the subgraphs: the gateway signs the forwarded identity with it. */
  internalSecret: string;
}

/** The auth settings from the environment: AUTH_ISSUER, AUTH_AUDIENCE, AUTH_JWKS_URL or AUTH_JWKS_FILE, AUTH_ROLES_CLAIM, AUTH_UNITS_CLAIM, INTERNAL_AUTH_SECRET. */
export function readAuthEnv(source: NodeJS.ProcessEnv = process.env): GatewayAuthSettings {
  const env = readEnv(
    {
      issuer: ['AUTH_ISSUER', (raw) => optional(raw) ?? 'ntm-local'],
      audience: ['AUTH_AUDIENCE', optional],
      jwksUrl: [
        'AUTH_JWKS_URL',
        (raw, name) => {
          const value = optional(raw);
          if (value && !/^https?:\/\//.test(value)) throw new Error(`${name} must be an http(s) URL, got "${value}"`);
          return value;
        },
      ],
      jwksFile: ['AUTH_JWKS_FILE', optional],
      rolesClaim: ['AUTH_ROLES_CLAIM', optional],
      unitsClaim: ['AUTH_UNITS_CLAIM', optional],
      internalSecret: [
        'INTERNAL_AUTH_SECRET',
        (raw, name) => {
          if (!raw || raw.length < 32)
            throw new Error(`${name} must be set to a secret of at least 32 characters shared with the subgraphs (npm start generates one)`);
          return raw;
        },
      ],
    },
    source,
  );
  if (!env.jwksUrl && !env.jwksFile)
    throw new Error('set AUTH_JWKS_URL (your identity provider) or AUTH_JWKS_FILE (a local JWKS; npm start makes one)');
  const { jwksFile, ...rest } = env;
  return { ...rest, jwks: !env.jwksUrl && jwksFile ? (JSON.parse(readFileSync(jwksFile, 'utf8')) as JSONWebKeySet) : undefined };
}
