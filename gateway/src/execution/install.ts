import type { Logger } from '@ntm/kit';
import { computeResponse } from './result-shaping';

/** The @apollo/gateway version whose resultShaping.js result-shaping.ts reproduces (and its spec compares against). */
export const SHAPING_MATCHES_GATEWAY_VERSION = '2.14.4';

type ShapingModule = { computeResponse: unknown };

/**
 * Puts result-shaping.ts's computeResponse in place of @apollo/gateway's own: executeQueryPlan
 * calls it through the module's exports object at each request, so replacing the export is
 * enough. Only for the version it was written and tested against; any other version, or
 * NTM_GATEWAY_RESULT_SHAPING=apollo, keeps Apollo's. Returns which one answers.
 */
export function installResultShaping(logger: Logger, env: NodeJS.ProcessEnv = process.env): 'ntm' | 'apollo' {
  if (env.NTM_GATEWAY_RESULT_SHAPING === 'apollo') return 'apollo';
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { version } = require('@apollo/gateway/package.json') as { version: string };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const shaping = require('@apollo/gateway/dist/resultShaping') as ShapingModule;
  if (version !== SHAPING_MATCHES_GATEWAY_VERSION || typeof shaping.computeResponse !== 'function') {
    logger.warn(
      "@apollo/gateway is not the version the faster result shaping reproduces; Apollo's own is used (re-run result-shaping.spec.ts against it, then update SHAPING_MATCHES_GATEWAY_VERSION)",
      { gatewayVersion: version, expected: SHAPING_MATCHES_GATEWAY_VERSION },
    );
    return 'apollo';
  }
  shaping.computeResponse = computeResponse;
  return 'ntm';
}
