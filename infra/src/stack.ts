import 'reflect-metadata';
import { startGateway } from '@ntm/gateway';
import { createLogger, runSubgraph, type Logger, type RunningSubgraph, type RunningHttpServer } from '@ntm/kit';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { schemaDir } from './compose';
import { SUBGRAPHS } from './subgraphs';
import { authDirOf, ensureAuthKeys, type AuthKeys } from './auth-keys';

export interface Stack {
  gatewayUrl: string;
  subgraphs: RunningSubgraph[];
  gateway: RunningHttpServer;
  /** The sign-in keys the gateway verifies against (mint tokens for this stack with mintToken). */
  auth: AuthKeys;
  stop(): Promise<void>;
}

/**
 * The whole graph in one process, on free ports: every subgraph (migrated and seeded) and the
 * gateway over the committed supergraph. End-to-end tests use it; `npm start` runs the same
 * modules as separate processes instead.
 */
export async function startStackInProcess(
  databaseUrl: string,
  logger: Logger = createLogger({ service: 'stack' }, 'warn'),
  auth?: AuthKeys,
): Promise<Stack> {
  const subgraphs: RunningSubgraph[] = [];
  const keys = auth ?? (await ensureAuthKeys(authDirOf(process.env)));
  try {
    for (const entry of SUBGRAPHS) {
      const peers = Object.fromEntries(subgraphs.map((s) => [s.name, s.server.url]));
      subgraphs.push(
        await runSubgraph(entry.module, {
          databaseUrl,
          port: 0,
          peers,
          internalAuthSecret: keys.internalSecret,
          logger: logger.child({ service: entry.module.name }),
        }),
      );
    }
    const gateway = await startGateway({
      supergraphSdl: readFileSync(path.join(schemaDir(), 'supergraph.graphql'), 'utf8'),
      subgraphUrls: Object.fromEntries(subgraphs.map((s) => [s.name, s.server.url])),
      port: 0,
      auth: { issuer: keys.issuer, jwks: keys.jwks, internalSecret: keys.internalSecret },
      logger: logger.child({ service: 'gateway' }),
    });
    return {
      gatewayUrl: gateway.url,
      subgraphs,
      gateway,
      auth: keys,
      stop: async () => {
        await gateway.stop();
        for (const s of subgraphs) await s.stop();
      },
    };
  } catch (error) {
    for (const s of subgraphs) await s.stop();
    throw error;
  }
}
