/**
 * Manual check of `npm start`'s process manager (node infra/dist/restart-check.js [subgraph]):
 * starts the stack on free ports with its own data folder, kills one subgraph's process (default
 * criteria) with SIGKILL, checks that the gateway still answers the other subgraph's query, measures
 * how long until the killed one answers again, then stops the stack with SIGTERM and checks that
 * nothing runs on the data folder any more. Prints its figures; exits 1 when a check fails.
 * Linux only (finds the child by its command line through `ps`).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serverInUse } from './database';
import { repoRoot } from './paths';
import { freePort } from './free-port';

const QUERIES: Record<string, string> = {
  'admin-units': '{ adminUnit(code: "40") { name } }',
  criteria: '{ criteriaSets { code } }',
};

async function answers(gateway: string, query: string): Promise<boolean> {
  try {
    const res = await fetch(gateway, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const body = (await res.json()) as { data?: unknown; errors?: unknown[] };
    return res.ok && !body.errors && body.data !== null && body.data !== undefined;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const target = process.argv[2] ?? 'criteria';
  const other = target === 'criteria' ? 'admin-units' : 'criteria';
  if (!QUERIES[target]) throw new Error(`unknown subgraph "${target}" (expected admin-units or criteria)`);
  const dataDir = process.env.NTM_DATA_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'ntm-restart-check-'));
  const ports = {
    GATEWAY_PORT: await freePort(),
    ADMIN_UNITS_PORT: await freePort(),
    CRITERIA_PORT: await freePort(),
    EMBEDDED_PG_PORT: await freePort(),
  };
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NTM_DATA_DIR: dataDir,
    ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
  };
  delete env.DATABASE_URL;
  const gateway = `http://127.0.0.1:${ports.GATEWAY_PORT}/graphql`;
  const failures: string[] = [];
  const check = (ok: boolean, what: string) => {
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
    if (!ok) failures.push(what);
  };

  const started = Date.now();
  const stack = spawn(process.execPath, [path.join(repoRoot(), 'infra', 'dist', 'start.js')], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines: string[] = [];
  stack.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n').filter(Boolean)) {
      lines.push(line);
      if (line.startsWith('[ntm]')) console.log(`  | ${line}`);
    }
  });
  const deadline = Date.now() + 10 * 60_000;
  while (!lines.some((l) => l.includes('NTM Graph ready'))) {
    if (stack.exitCode !== null || Date.now() > deadline) throw new Error('the stack did not become ready');
    await sleep(200);
  }
  console.log(`stack ready in ${((Date.now() - started) / 1000).toFixed(1)} s (data ${dataDir})`);

  const children = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(stack.pid)], { encoding: 'utf8' })
    .trim()
    .split('\n');
  const victim = children.find((l) => l.includes(`${path.sep}${target}${path.sep}dist${path.sep}`));
  if (!victim) throw new Error(`no ${target} process among the children of npm start:\n${children.join('\n')}`);
  const pid = Number(victim.trim().split(/\s+/)[0]);
  const killedAt = Date.now();
  process.kill(pid, 'SIGKILL');
  console.log(`killed ${target} (pid ${pid})`);

  check(await answers(gateway, QUERIES[other]), `the gateway answers ${other}'s query right after ${target} was killed`);
  let back = false;
  while (Date.now() - killedAt < 30_000 && !(back = await answers(gateway, QUERIES[target]))) await sleep(100);
  const backAfter = (Date.now() - killedAt) / 1000;
  check(back && backAfter < 10, `${target} answers again through the gateway after ${backAfter.toFixed(1)} s (limit 10 s)`);
  check(
    lines.some((l) => new RegExp(`${target} exited with signal SIGKILL .*restarting in \\d+ ms`).test(l)),
    'the restart is logged with name, signal and delay',
  );
  check(await answers(gateway, QUERIES[other]), `the gateway still answers ${other}'s query`);

  const stopAt = Date.now();
  stack.kill('SIGTERM');
  await new Promise<void>((resolve) => stack.once('exit', () => resolve()));
  console.log(`stopped in ${((Date.now() - stopAt) / 1000).toFixed(1)} s`);
  check(serverInUse(dataDir) === null, 'no PostgreSQL runs on the data folder after stop');
  if (!process.env.NTM_DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
  if (failures.length > 0) process.exit(1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
