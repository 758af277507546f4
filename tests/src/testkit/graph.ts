import { ensureAuthKeys, type AuthKeys } from '@ntm/infra';
import { importJWK, SignJWT, type JWK } from 'jose';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface GraphResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: (string | number)[]; locations?: { line: number; column: number }[] }[];
  raw: string;
}

export interface RequestOptions {
  /** A sign-in token (tokenFor), sent as `Authorization: Bearer <token>`; anonymous without. */
  auth?: string;
}

export interface TestGraph {
  /** POSTs one operation to the gateway. */
  query<T = any>(query: string, variables?: Record<string, unknown>, options?: RequestOptions): Promise<GraphResponse<T>>;
  /** Like query, but fails the test on any error and returns `data`. */
  ok<T = any>(query: string, variables?: Record<string, unknown>, options?: RequestOptions): Promise<T>;
  /** Runs `fn` and returns how many SQL statements a subgraph sent meanwhile. */
  countStatements<T>(subgraph: string, fn: () => Promise<T>): Promise<{ statements: number; result: T }>;
}

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the global setup starts the graph`);
  return value;
}

/** A client of the graph the global setup started (real gateway, subgraphs and PostgreSQL). */
export function connectGraph(): TestGraph {
  const gatewayUrl = env('NTM_TEST_GATEWAY_URL');
  const controlUrl = env('NTM_TEST_CONTROL_URL');
  const query = async <T>(text: string, variables?: Record<string, unknown>, options: RequestOptions = {}): Promise<GraphResponse<T>> => {
    const res = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(options.auth ? { authorization: `Bearer ${options.auth}` } : {}) },
      body: JSON.stringify({ query: text, variables }),
    });
    const raw = await res.text();
    const body = JSON.parse(raw) as { data?: T; errors?: GraphResponse['errors'] };
    return { status: res.status, data: body.data, errors: body.errors, raw };
  };
  const statementsOf = async (subgraph: string): Promise<number> => {
    const res = await fetch(`${controlUrl}/?subgraph=${subgraph}`);
    return ((await res.json()) as { statements: number }).statements;
  };
  return {
    query,
    ok: async <T>(text: string, variables?: Record<string, unknown>, options?: RequestOptions) => {
      const response = await query<T>(text, variables, options);
      if (response.errors?.length || response.status !== 200) {
        throw new Error(`query failed (HTTP ${response.status}): ${JSON.stringify(response.errors)}`);
      }
      return response.data as T;
    },
    countStatements: async (subgraph, fn) => {
      const before = await statementsOf(subgraph);
      const result = await fn();
      return { statements: (await statementsOf(subgraph)) - before, result };
    },
  };
}

/** Asserts a response leaks nothing internal: no stack trace, SQL, internal URL or file path. */
export function leaksNothing(raw: string): boolean {
  return !/(\bat .+\.[jt]s:\d+|stacktrace|select .* from|insert into|127\.0\.0\.1|localhost:\d+|postgres:\/\/|file:\/\/|node_modules|\/(work|home|tmp|usr|opt|var|root|srv)\/|[A-Za-z]:\\\\|\.(js|ts):\d+:\d+)/i.test(
    raw,
  );
}

export interface TokenSpec {
  role: 'EDITOR' | 'APPROVER' | 'MINISTRY' | 'ADMIN';
  /** Unit codes ("40") or ids ("24@2025-03-01"). */
  units?: string[];
  sub?: string;
  /** Lifetime in seconds (negative: already expired); default one hour. */
  ttlSeconds?: number;
}

/**
 * A sign-in token for the graph the global setup started, signed like `npm run token` signs
 * (the run's embedded key, issuer "ntm-local").
 */
export async function tokenFor(spec: TokenSpec): Promise<string> {
  const key = JSON.parse(readFileSync(path.join(env('NTM_TEST_AUTH_DIR'), 'signing-key.json'), 'utf8')) as JWK;
  const sub = spec.sub ?? `${spec.role.toLowerCase()}-${(spec.units ?? []).join('-') || 'all'}`;
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ name: sub, roles: [spec.role], units: spec.units ?? [] })
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'JWT' })
    .setIssuer('ntm-local')
    .setSubject(sub)
    .setIssuedAt(now)
    .setExpirationTime(now + (spec.ttlSeconds ?? 3600))
    .sign(await importJWK(key, 'EdDSA'));
}

/** The subgraphs' own URLs (for tests that call one past the gateway). */
export function subgraphUrls(): Record<string, string> {
  return JSON.parse(env('NTM_TEST_SUBGRAPH_URLS')) as Record<string, string>;
}

/** The secret the gateway signs forwarded identities with in this run (for tests that run or call a subgraph themselves). */
export function internalSecret(): string {
  return readFileSync(path.join(env('NTM_TEST_AUTH_DIR'), 'internal-secret'), 'utf8').trim();
}

/** The sign-in settings of this run's gateway, for tests that start a gateway of their own. */
export async function gatewayAuthOfRun(): Promise<{ issuer: string; jwks: AuthKeys['jwks']; internalSecret: string }> {
  const keys = await ensureAuthKeys(env('NTM_TEST_AUTH_DIR'));
  return { issuer: keys.issuer, jwks: keys.jwks, internalSecret: keys.internalSecret };
}
