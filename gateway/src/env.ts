import { optional, port, readEnv, urlVariableOf } from '@ntm/kit';

/** Gateway settings, all checked at start. Subgraph URLs default to those in the supergraph; `<NAME>_URL` overrides one (see subgraphUrlOverrides). */
export const readGatewayEnv = () =>
  readEnv({
    port: ['GATEWAY_PORT', port(4000)],
    host: ['GATEWAY_HOST', (raw) => optional(raw) ?? '127.0.0.1'],
    supergraphPath: ['SUPERGRAPH_PATH', optional],
    corsOrigin: ['CORS_ORIGIN', (raw) => optional(raw) ?? '*'],
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
