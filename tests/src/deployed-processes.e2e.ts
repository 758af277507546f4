import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

/**
 * The graph as `npm start` deploys it (infra/src/processes.ts): each subgraph and the gateway in
 * its own process, started by a launcher. The gateway answers across those processes, and when
 * the launcher dies without stopping them (SIGKILL), every one of them stops by itself.
 */
const LAUNCHER = `
  const { launchGraphProcesses, Supervisor } = require('@ntm/infra');
  launchGraphProcesses({ databaseUrl: process.env.NTM_TEST_DATABASE_URL, supervisor: new Supervisor(), freePorts: true }).then(
    (graph) => {
      const pids = [...graph.children.entries()].map(([name, child]) => ({ name, pid: child.process.pid }));
      process.stdout.write('LAUNCHED ' + JSON.stringify({ gatewayUrl: graph.gatewayUrl, pids }) + '\\n');
    },
    (error) => { process.stdout.write('FAILED ' + error.message + '\\n'); process.exit(1); },
  );
  setInterval(() => undefined, 60_000);
`;

/** Running (an exited process not yet reaped by its new parent, a zombie, counts as stopped). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return true;
  }
}

describe('the graph as npm start deploys it', () => {
  let launcher: ChildProcess | undefined;
  let pids: { name: string; pid: number }[] = [];
  afterAll(() => {
    // Whatever happened, leave nothing running.
    launcher?.kill('SIGKILL');
    for (const { pid } of pids) if (alive(pid)) process.kill(pid, 'SIGKILL');
  });

  it('answers through a gateway process over subgraph processes, and they all stop when their launcher is killed', async () => {
    launcher = spawn(process.execPath, ['-e', LAUNCHER], {
      cwd: __dirname,
      // The test run's sign-in keys and database; children log warnings only.
      env: { ...process.env, NTM_AUTH_DIR: process.env.NTM_TEST_AUTH_DIR, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const started = await new Promise<{ gatewayUrl: string; pids: { name: string; pid: number }[] }>((resolve, reject) => {
      const lines = createInterface({ input: launcher!.stdout! });
      lines.on('line', (line) => {
        if (line.startsWith('LAUNCHED ')) resolve(JSON.parse(line.slice('LAUNCHED '.length)));
        else if (line.startsWith('FAILED ')) reject(new Error(line));
      });
      launcher!.once('exit', (code) => reject(new Error(`the launcher exited with ${code}`)));
    });
    pids = started.pids;
    expect(pids.map((p) => p.name).sort()).toEqual(['admin-units', 'criteria', 'gateway', 'ocop', 'pilot-models']);
    expect(new Set(pids.map((p) => p.pid)).size).toBe(5);

    // A query that needs two subgraph processes: units from admin-units, values from criteria.
    const res = await fetch(started.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `{ adminUnits(filter: { level: COMMUNE, within: "40", asOf: "2024-06-30" }, first: 2) { edges { node { code indicatorValues(year: 2024) { indicatorKey } } } } }`,
      }),
    });
    const body = (await res.json()) as {
      data?: { adminUnits: { edges: { node: { code: string; indicatorValues: unknown[] } }[] } };
      errors?: unknown;
    };
    expect(body.errors).toBeUndefined();
    expect(body.data!.adminUnits.edges).toHaveLength(2);
    expect(body.data!.adminUnits.edges[0].node.indicatorValues.length).toBeGreaterThan(0);

    // The launcher dies without a chance to stop its children.
    launcher.kill('SIGKILL');
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && pids.some((p) => alive(p.pid))) await new Promise((r) => setTimeout(r, 200));
    expect(pids.filter((p) => alive(p.pid)).map((p) => p.name)).toEqual([]);
  });
});
