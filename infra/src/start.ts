import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { openDatabase, type Database } from './database';
import { repoRoot } from './paths';
import { SUBGRAPHS } from './subgraphs';
import { Supervisor } from './supervisor';
import { authDirOf, ensureAuthKeys } from './auth-keys';

/**
 * `npm start`: the whole graph on this machine. PostgreSQL (embedded unless DATABASE_URL is
 * set), then each subgraph as its own process (each migrates and seeds its own schema), then the
 * gateway; prints the gateway URL. Once ready, a subgraph or the gateway that exits is restarted
 * with back-off (see supervisor.ts) while the others keep answering; Ctrl-C or SIGTERM stops the
 * children and then PostgreSQL.
 */
const say = (line: string) => process.stdout.write(`[ntm] ${line}\n`);

async function waitUntilReady(url: string, child: ChildProcess, name: string, timeoutMs = 10 * 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} during start`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${name} was not ready after ${timeoutMs / 1000} s`);
}

async function main(): Promise<void> {
  const started = Date.now();
  const supervisor = new Supervisor({ log: say });
  let database: Database | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    await supervisor.stop();
    await database?.stop();
    say('stopped');
    process.exit(code);
  };
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));

  try {
    database = await openDatabase(process.env);
    say(database.embedded ? `embedded PostgreSQL ready (${Date.now() - started} ms)` : 'using DATABASE_URL');
    const root = repoRoot();
    // Sign-in: an identity provider (AUTH_JWKS_URL + AUTH_ISSUER), or the embedded key made once in the data folder.
    const keys = await ensureAuthKeys(authDirOf(process.env));
    const internalSecret = process.env.INTERNAL_AUTH_SECRET ?? keys.internalSecret;
    const authEnv: NodeJS.ProcessEnv = process.env.AUTH_JWKS_URL ? {} : { AUTH_JWKS_FILE: keys.jwksFile, AUTH_ISSUER: keys.issuer };
    const gatewayEnv: NodeJS.ProcessEnv = { INTERNAL_AUTH_SECRET: internalSecret };
    // In order: a subgraph may pull reference data from the ones before it (criteria ← admin-units).
    for (const entry of SUBGRAPHS) {
      const port = Number(process.env[entry.portVariable] ?? entry.port);
      const main = require.resolve(entry.packageName, { paths: [root] });
      const env = { ...gatewayEnv, DATABASE_URL: database.url, [entry.portVariable]: String(port) };
      const child = supervisor.start({ name: entry.module.name, command: process.execPath, args: [main], env });
      gatewayEnv[entry.urlVariable] = `http://127.0.0.1:${port}/graphql`;
      await waitUntilReady(`http://127.0.0.1:${port}/ready`, child.process!, entry.module.name);
      child.keepAlive();
    }
    say(`subgraphs ready: ${SUBGRAPHS.map((s) => s.module.name).join(', ')} (${Date.now() - started} ms)`);
    const gatewayPort = Number(process.env.GATEWAY_PORT ?? 4000);
    const gatewayEntry = path.join(root, 'gateway', 'dist', 'index.js');
    const gateway = supervisor.start({
      name: 'gateway',
      command: process.execPath,
      args: [gatewayEntry],
      env: { ...gatewayEnv, ...authEnv, GATEWAY_PORT: String(gatewayPort) },
    });
    await waitUntilReady(`http://127.0.0.1:${gatewayPort}/health`, gateway.process!, 'gateway');
    gateway.keepAlive();
    if (!process.env.AUTH_JWKS_URL)
      say(`sign-in: embedded issuer "${keys.issuer}" (keys in ${keys.dir}); a token: npm run token -- --role EDITOR --unit 40`);
    say(`NTM Graph ready in ${((Date.now() - started) / 1000).toFixed(1)} s: http://localhost:${gatewayPort}/graphql  (Ctrl-C stops everything)`);
  } catch (error) {
    say(`start failed: ${error instanceof Error ? error.message : String(error)}`);
    await stop(1);
  }
}

void main();
