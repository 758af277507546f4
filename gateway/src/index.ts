import { createLogger, errorFields, stopOnSignalsOrOrphaned } from '@ntm/kit';
import path from 'node:path';
import { readGatewayEnv, subgraphUrlOverrides } from './env';
import { readAuthEnv } from './auth';
import { readSupergraph, startGateway, subgraphNamesOf } from './gateway';
import { readPersistedOperations } from './plugins/persisted-operations';

export { startGateway, readSupergraph } from './gateway';
export type { GatewayOptions } from './gateway';
export * from './auth';
export { DEFAULT_LIMITS, type GatewayLimits } from './plugins/limits';

/** Default location of the committed supergraph. */
export const SUPERGRAPH_PATH = path.resolve(__dirname, '..', '..', 'schema', 'supergraph.graphql');

async function main(): Promise<void> {
  const logger = createLogger({ service: 'gateway' });
  try {
    const env = readGatewayEnv();
    const supergraphSdl = readSupergraph(env.supergraphPath ?? SUPERGRAPH_PATH);
    const running = await startGateway({
      supergraphSdl,
      subgraphUrls: subgraphUrlOverrides(subgraphNamesOf(supergraphSdl)),
      port: env.port,
      host: env.host,
      corsOrigin: env.corsOrigin,
      auth: readAuthEnv(),
      logger,
      limits: {
        maxDepth: env.maxDepth,
        maxAliases: env.maxAliases,
        maxDirectives: env.maxDirectives,
        maxTokens: env.maxTokens,
        maxCost: env.maxCost,
        maxStringLength: env.maxStringLength,
        maxVariablesSize: env.maxVariablesSize,
      },
      subgraphTimeoutMs: env.subgraphTimeoutMs,
      persistedOperations: env.persistedOperationsFile ? readPersistedOperations(env.persistedOperationsFile) : undefined,
    });
    stopOnSignalsOrOrphaned((signal) => {
      logger.info('shutting down', { signal });
      running.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  } catch (error) {
    logger.error('failed to start', errorFields(error));
    process.exit(1);
  }
}

if (require.main === module) void main();
