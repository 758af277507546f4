import { createLogger, errorFields } from '@ntm/kit';
import path from 'node:path';
import { readGatewayEnv, subgraphUrlOverrides } from './env';
import { readAuthEnv } from './auth';
import { readSupergraph, startGateway, subgraphNamesOf } from './gateway';

export { startGateway, readSupergraph } from './gateway';
export type { GatewayOptions } from './gateway';
export * from './auth';

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
    });
    const shutdown = () => running.stop().then(() => process.exit(0), () => process.exit(1));
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  } catch (error) {
    logger.error('failed to start', errorFields(error));
    process.exit(1);
  }
}

if (require.main === module) void main();
