import { STOP_WITH_PARENT_VARIABLE } from '@ntm/kit';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { authDirOf, ensureAuthKeys } from './auth-keys';
import { repoRoot } from './paths';
import { SUBGRAPHS } from './subgraphs';
import { Supervisor, type SupervisedChild } from './supervisor';
import { freePort } from './free-port';

/**
 * The graph as it is deployed: each subgraph in its own Node process (each migrates and seeds
 * its own schema), then the gateway, all supervised. `npm start` runs it on the default ports;
 * the export benchmark runs it on free ports, so that what it measures (one heap per process, the
 * exporting process's own peak memory) is what a deployment would see.
 */
export interface GraphProcesses {
  gatewayUrl: string;
  /** Issuer of the embedded sign-in key, or undefined when AUTH_JWKS_URL names an identity provider. */
  embeddedIssuer?: string;
  authDir?: string;
  /** The supervised children by name ("admin-units", …, "gateway"). */
  children: Map<string, SupervisedChild>;
  stop(): Promise<void>;
}

export interface LaunchOptions {
  databaseUrl: string;
  supervisor: Supervisor;
  /** Where the settings are read (default process.env); the children inherit this process's environment. */
  env?: NodeJS.ProcessEnv;
  /** Listen on ports the OS picks instead of the defaults (and their *_PORT variables). */
  freePorts?: boolean;
  /** Extra Node options for every child (e.g. `--cpu-prof` when profiling). */
  nodeArgs?: string[];
}

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

export async function launchGraphProcesses(options: LaunchOptions): Promise<GraphProcesses> {
  const env = options.env ?? process.env;
  const { supervisor } = options;
  const root = repoRoot();
  const children = new Map<string, SupervisedChild>();
  const portOf = async (variable: string, fallback: number) => (options.freePorts ? freePort() : Number(env[variable] ?? fallback));
  // Sign-in: an identity provider (AUTH_JWKS_URL + AUTH_ISSUER), or the embedded key made once in the data folder.
  const keys = await ensureAuthKeys(authDirOf(env));
  const internalSecret = env.INTERNAL_AUTH_SECRET ?? keys.internalSecret;
  const authEnv: NodeJS.ProcessEnv = env.AUTH_JWKS_URL ? {} : { AUTH_JWKS_FILE: keys.jwksFile, AUTH_ISSUER: keys.issuer };
  // What every child gets (the gateway also gets each subgraph's URL, added below). Every child also
  // stops by itself if this launcher dies without stopping it (kit process-lifetime.ts).
  const commonEnv: NodeJS.ProcessEnv = { INTERNAL_AUTH_SECRET: internalSecret, [STOP_WITH_PARENT_VARIABLE]: String(process.pid) };
  try {
    // In order: a subgraph may pull reference data from the ones before it (criteria ← admin-units).
    for (const entry of SUBGRAPHS) {
      const port = await portOf(entry.portVariable, entry.port);
      const main = require.resolve(entry.packageName, { paths: [root] });
      const childEnv = { ...commonEnv, DATABASE_URL: options.databaseUrl, [entry.portVariable]: String(port) };
      const child = supervisor.start({
        name: entry.module.name,
        command: process.execPath,
        args: [...(options.nodeArgs ?? []), main],
        env: childEnv,
      });
      children.set(entry.module.name, child);
      commonEnv[entry.urlVariable] = `http://127.0.0.1:${port}/graphql`;
      await waitUntilReady(`http://127.0.0.1:${port}/ready`, child.process!, entry.module.name);
      child.keepAlive();
    }
    const gatewayPort = await portOf('GATEWAY_PORT', 4000);
    const gateway = supervisor.start({
      name: 'gateway',
      command: process.execPath,
      args: [...(options.nodeArgs ?? []), path.join(root, 'gateway', 'dist', 'index.js')],
      env: { ...commonEnv, ...authEnv, GATEWAY_PORT: String(gatewayPort) },
    });
    children.set('gateway', gateway);
    await waitUntilReady(`http://127.0.0.1:${gatewayPort}/health`, gateway.process!, 'gateway');
    gateway.keepAlive();
    return {
      gatewayUrl: `http://localhost:${gatewayPort}/graphql`,
      embeddedIssuer: env.AUTH_JWKS_URL ? undefined : keys.issuer,
      authDir: env.AUTH_JWKS_URL ? undefined : keys.dir,
      children,
      stop: () => supervisor.stop(),
    };
  } catch (error) {
    await supervisor.stop();
    throw error;
  }
}
