import { optional, port, readEnv, urlVariableOf } from '@ntm/kit';

/** A positive integer setting, defaulting to `fallback`. */
const positiveInt =
  (fallback: number) =>
  (raw: string | undefined, name: string): number => {
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
    return value;
  };

/** Gateway settings, all checked at start. Subgraph URLs default to those in the supergraph; `<NAME>_URL` overrides one (see subgraphUrlOverrides). */
export const readGatewayEnv = () =>
  readEnv({
    port: ['GATEWAY_PORT', port(4000)],
    host: ['GATEWAY_HOST', (raw) => optional(raw) ?? '127.0.0.1'],
    supergraphPath: ['SUPERGRAPH_PATH', optional],
    corsOrigin: ['CORS_ORIGIN', (raw) => optional(raw) ?? '*'],
    // Request limits (plugins/limits.ts; the defaults there are the ones written here).
    maxDepth: ['MAX_DEPTH', positiveInt(15)],
    maxAliases: ['MAX_ALIASES', positiveInt(50)],
    maxDirectives: ['MAX_DIRECTIVES', positiveInt(50)],
    maxTokens: ['MAX_TOKENS', positiveInt(5_000)],
    maxCost: ['MAX_COST', positiveInt(1_000_000)],
    maxStringLength: ['MAX_STRING_LENGTH', positiveInt(10_000)],
    maxVariablesSize: ['MAX_VARIABLES_SIZE', positiveInt(2_000_000)],
    /** Longest wait for one subgraph fetch (ms); see DEFAULT_SUBGRAPH_TIMEOUT_MS for why 30 s. */
    subgraphTimeoutMs: ['SUBGRAPH_TIMEOUT_MS', positiveInt(30_000)],
    /** JSON file of sha256 → query; when set, only those operations run (production allow-list). */
    persistedOperationsFile: ['PERSISTED_OPERATIONS_FILE', optional],
  });

/**
 * URL overrides for any subgraph, read generically: for each subgraph named in the supergraph,
 * `<NAME>_URL` (the name upper-cased, dashes as underscores: "unit-lists" reads UNIT_LISTS_URL)
 * replaces the URL composed into it.
 */
export function subgraphUrlOverrides(subgraphNames: string[], source: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const overrides: Record<string, string> = {};
  for (const name of subgraphNames) {
    const url = optional(source[urlVariableOf(name)]);
    if (url) overrides[name] = url;
  }
  return overrides;
}
