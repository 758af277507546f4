import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The allow-list: sha256 (hex) of the query text → query text. */
export type PersistedOperations = ReadonlyMap<string, string>;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Reads a persisted-operations file: a JSON object mapping the sha256 (hex) of each query's text
 * to the text. Every entry is checked (the hash must be the query's), so a typo fails at start.
 */
export function readPersistedOperations(path: string): PersistedOperations {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`PERSISTED_OPERATIONS_FILE ${path}: not a readable JSON file (${(error as Error).message})`, { cause: error });
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Error(`PERSISTED_OPERATIONS_FILE ${path}: must be a JSON object of sha256 → query`);
  const operations = new Map<string, string>();
  for (const [hash, query] of Object.entries(parsed)) {
    if (typeof query !== 'string') throw new Error(`PERSISTED_OPERATIONS_FILE ${path}: entry "${hash}" is not a query string`);
    if (sha256(query) !== hash.toLowerCase())
      throw new Error(`PERSISTED_OPERATIONS_FILE ${path}: entry "${hash}" is not the sha256 of its query (it is ${sha256(query)})`);
    operations.set(hash.toLowerCase(), query);
  }
  return operations;
}

/**
 * The allow-list as Apollo's persisted-query cache: a client may send only
 * `extensions.persistedQuery.sha256Hash` (APQ protocol, version 1) and the gateway finds the text
 * here; clients cannot register new entries (set is a no-op).
 */
export function persistedOperationsCache(operations: PersistedOperations) {
  return {
    // Apollo prefixes the keys of this cache ("apq:<hash>"); a sha256 in hex has no colon.
    get: async (key: string) => operations.get(key.slice(key.lastIndexOf(':') + 1).toLowerCase()),
    set: async () => {},
    delete: async () => {},
  };
}

/**
 * For production: only allow-listed operations run. Any other document (sent as text, or by an
 * unknown hash) is refused with HTTP 400 (code FORBIDDEN) before planning; an unknown hash alone gets Apollo's PERSISTED_QUERY_NOT_FOUND.
 */
export function persistedOperationsPlugin(operations: PersistedOperations): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ queryHash }) {
          if (!operations.has(queryHash)) {
            throw new GraphQLError('this gateway runs only allow-listed (persisted) operations; this one is not in the list', {
              extensions: { code: 'FORBIDDEN', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
