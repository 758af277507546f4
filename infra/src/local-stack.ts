import { createLogger } from '@ntm/kit';
import { Client } from 'pg';
import { openDatabase, type Database } from './database';
import { startStackInProcess, type Stack } from './stack';

/**
 * The database of `npm start` for one-off commands (national load, benchmarks): DATABASE_URL,
 * or the embedded server — reused if `npm start` is running, started otherwise — plus the whole
 * graph in this process on free ports, migrated and seeded.
 */
export async function openLocalStack(): Promise<{ db: Database; stack: Stack; stop(): Promise<void> }> {
  const db = await openLocalDatabase();
  const stack = await startStackInProcess(db.url, createLogger({ service: 'stack' }, 'warn'));
  return {
    db,
    stack,
    stop: async () => {
      await stack.stop();
      await db.stop();
    },
  };
}

/** The database of `npm start`: DATABASE_URL, or the embedded server — reused if running, started otherwise (stop() leaves a reused one running). */
export async function openLocalDatabase(): Promise<Database> {
  let db: Database | undefined;
  if (!process.env.DATABASE_URL) {
    const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
    const url = `postgres://postgres:ntm-local@127.0.0.1:${port}/ntm`;
    const probe = new Client({ connectionString: url });
    try {
      await probe.connect();
      await probe.end();
      db = { url, embedded: false, stop: async () => undefined };
    } catch {
      // not running: start it below
    }
  }
  return db ?? (await openDatabase(process.env));
}
