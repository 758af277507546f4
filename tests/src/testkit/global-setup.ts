import { ensureAuthKeys, freePort, startEmbeddedPostgres, startStackInProcess, type Database, type Stack } from '@ntm/infra';
import { QueryCounter } from '@ntm/kit';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TestRun {
  db?: Database;
  stack: Stack;
  control: Server;
  counters: QueryCounter[];
}

/**
 * Once per run, in the real Node realm (the ORM does not survive jest's module sandbox): a real
 * PostgreSQL (throw-away embedded server, or DATABASE_URL), every subgraph migrated and seeded,
 * the gateway on a free port, and a small control endpoint that reports how many SQL statements
 * each subgraph has sent (for tests that prove a query is a bounded number of statements).
 */
export default async function globalSetup(): Promise<void> {
  let db: Database | undefined;
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    db = await startEmbeddedPostgres({
      dataDir: mkdtempSync(path.join(tmpdir(), 'ntm-test-pg-')),
      port: await freePort(),
      persistent: false,
      settings: { fsync: 'off', full_page_writes: 'off', shared_buffers: '256MB' },
    });
    databaseUrl = db.url;
  }
  // Throw-away sign-in keys for this run: the gateway verifies against them, tokenFor signs with them.
  const auth = await ensureAuthKeys(mkdtempSync(path.join(tmpdir(), 'ntm-test-auth-')));
  // Replicas of unit facts check admin-units every second (default 30 s), so a test sees a
  // commune-group correction reach the roll-ups without waiting half a minute.
  process.env.UNIT_PROFILE_REFRESH_SECONDS ??= '1';
  const stack = await startStackInProcess(databaseUrl, undefined, auth);
  const counters = stack.subgraphs.map((s) => new QueryCounter(s.orm));
  // GET /?subgraph=x → statements sent so far; GET /schema-diff?subgraph=x → the SQL the ORM would
  // run to make the database match the entities (empty when entities and migrations agree).
  const control = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const index = stack.subgraphs.findIndex((s) => s.name === url.searchParams.get('subgraph'));
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (index < 0) return send(404, { error: 'unknown subgraph' });
    if (url.pathname === '/schema-diff') {
      stack.subgraphs[index].orm.schema.getUpdateSchemaSQL({ wrap: false, schema: stack.subgraphs[index].orm.config.get('schema') }).then(
        (sql) => send(200, { sql }),
        (error: Error) => send(500, { error: error.message }),
      );
      return;
    }
    send(200, { statements: counters[index].total });
  });
  await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', () => resolve()));
  process.env.NTM_TEST_GATEWAY_URL = stack.gatewayUrl;
  process.env.NTM_TEST_CONTROL_URL = `http://127.0.0.1:${(control.address() as { port: number }).port}`;
  process.env.NTM_TEST_DATABASE_URL = databaseUrl;
  process.env.NTM_TEST_AUTH_DIR = auth.dir;
  process.env.NTM_TEST_SUBGRAPH_URLS = JSON.stringify(Object.fromEntries(stack.subgraphs.map((s) => [s.name, s.server.url])));
  (globalThis as { __NTM_TEST_RUN__?: TestRun }).__NTM_TEST_RUN__ = { db, stack, control, counters };
}
