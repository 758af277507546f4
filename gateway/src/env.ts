import { optional, port, readEnv } from '@ntm/kit';

/** Gateway settings, all checked at start. Subgraph URLs default to those in the supergraph (ports 4001–4004). */
export const readGatewayEnv = () =>
  readEnv({
    port: ['GATEWAY_PORT', port(4000)],
    host: ['GATEWAY_HOST', (raw) => optional(raw) ?? '127.0.0.1'],
    supergraphPath: ['SUPERGRAPH_PATH', optional],
    corsOrigin: ['CORS_ORIGIN', (raw) => optional(raw) ?? '*'],
    adminUnitsUrl: ['ADMIN_UNITS_URL', optional],
    criteriaUrl: ['CRITERIA_URL', optional],
  });
