import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { openLocalStack } from '../local-stack';
import { IDENTITY_HEADER, signInternalIdentity, urlVariableOf } from '@ntm/kit';
import type { AuthKeys } from '../auth-keys';
import { freePort } from '../free-port';

/**
 * `npm run bench:gateway`: what the gateway costs on a trivial operation, with every limit on.
 * The subgraphs run in this process (as in `openLocalStack`), the gateway in its own process (as
 * under `npm start`, NODE_ENV=production), and the load comes from this process over loopback.
 * Printed, each against the direct-subgraph baseline of the same run (these machines are noisy):
 *  - latency, one request at a time: direct vs through the gateway, and the difference (added ms);
 *  - throughput with CONCURRENCY requests in flight: direct vs through the gateway;
 *  - the gateway process's own CPU time per request (Linux /proc), which other work on the machine
 *    disturbs far less than latency and throughput do.
 * Bounded in time: about 2 s of warm-up per path, then 2 × `--seconds` per path, in 3 alternating rounds.
 * Options: `--seconds 5` (each measurement), `--concurrency 10`, `--before <gateway/dist/index.js
 * of another checkout>` to measure that gateway too, in the same run ("before" vs this one),
 * `--profile <dir>` to write each gateway process's CPU profile there (node --cpu-prof; read the
 * top self-time functions of a .cpuprofile in Chrome DevTools or any profile viewer).
 */
const QUERY = JSON.stringify({ query: '{ adminUnitsDataVersion }' });

function arg(flag: string, fallback: number): number {
  const i = process.argv.indexOf(flag);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${flag} must be a positive number, got ${process.argv[i + 1]}`);
  return value;
}

/** Headers of the direct path: a subgraph answers only requests carrying the identity the gateway signs. */
let directHeaders: Record<string, string> = {};

/** One POST of the trivial query; resolves with the status, rejects on a network error or a GraphQL error. */
function post(url: URL, agent: Agent, extra: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(QUERY), ...extra } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () =>
          res.statusCode === 200 && !body.includes('"errors"') ? resolve() : reject(new Error(`HTTP ${res.statusCode}: ${body.slice(0, 200)}`)),
        );
      },
    );
    req.on('error', reject);
    req.end(QUERY);
  });
}

/** Sends the query with `concurrency` requests in flight for `seconds`; returns requests/s and mean latency (ms). */
async function load(target: string, concurrency: number, seconds: number): Promise<{ rps: number; meanMs: number; p99Ms: number; count: number }> {
  const url = new URL(target);
  const headers = target === directUrl ? directHeaders : {};
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        await post(url, agent, headers);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / elapsed,
    meanMs: latencies.reduce((s, x) => s + x, 0) / latencies.length,
    p99Ms: latencies[Math.floor(latencies.length * 0.99)],
    count: latencies.length,
  };
}

/** CPU time (user + system, ms) a process has used so far, from /proc/<pid>/stat; null where there is no /proc. */
function cpuMsOf(pid: number | undefined): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of stat (utime, stime), in clock ticks of 1/100 s on Linux.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

const THIS_GATEWAY = path.resolve(__dirname, '..', '..', '..', 'gateway', 'dist', 'index.js');

let directUrl = '';

async function startGatewayProcess(script: string, port: number, urls: Record<string, string>, auth: AuthKeys): Promise<ChildProcess> {
  const profileAt = process.argv.indexOf('--profile');
  const profile = profileAt >= 0 ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.argv[profileAt + 1])}`] : [];
  const child = spawn(process.execPath, [...profile, script], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      GATEWAY_PORT: String(port),
      GATEWAY_HOST: '127.0.0.1',
      ...Object.fromEntries(Object.entries(urls).map(([name, url]) => [urlVariableOf(name), url])),
      INTERNAL_AUTH_SECRET: auth.internalSecret,
      AUTH_JWKS_FILE: auth.jwksFile,
      AUTH_ISSUER: auth.issuer,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = new URL(`http://127.0.0.1:${port}/graphql`);
  const agent = new Agent({ keepAlive: false });
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`the gateway exited with code ${child.exitCode}`);
    try {
      await post(url, agent);
      return child;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  child.kill();
  throw new Error('the gateway did not answer within 20 s');
}

type Measured = Awaited<ReturnType<typeof load>>;

interface Figures {
  label: string;
  g1: Measured;
  gN: Measured;
  /** Gateway CPU ms per request over every measured round; null without /proc. */
  cpuPerRequest: number | null;
}

async function main(): Promise<void> {
  const seconds = arg('--seconds', 5);
  const concurrency = arg('--concurrency', 10);
  const beforeIndex = process.argv.indexOf('--before');
  const before = beforeIndex >= 0 ? path.resolve(process.argv[beforeIndex + 1]) : null;
  const local = await openLocalStack();
  const children: ChildProcess[] = [];
  try {
    const urls = Object.fromEntries(local.stack.subgraphs.map((s) => [s.name, s.server.url]));
    const gateways: { label: string; url: string }[] = [];
    for (const [label, script] of before
      ? [
          ['before', before],
          ['this', THIS_GATEWAY],
        ]
      : [['this', THIS_GATEWAY]]) {
      const port = await freePort();
      children.push(await startGatewayProcess(script, port, urls, local.stack.auth));
      gateways.push({ label: label === 'this' ? 'through the gateway' : `through the gateway (${label})`, url: `http://127.0.0.1:${port}/graphql` });
    }
    const direct = urls['admin-units'];
    directUrl = direct;
    directHeaders = { [IDENTITY_HEADER]: await signInternalIdentity(local.stack.auth.internalSecret, null) };
    console.log(
      `trivial operation ${QUERY}; ${seconds} s per measurement; subgraphs in this process, gateway in its own (NODE_ENV=production, every limit on)`,
    );
    // Warm every path (JIT, plan cache, connection pools).
    await load(direct, concurrency, 2);
    for (const g of gateways) await load(g.url, concurrency, 2);

    // Rounds that alternate the paths, so drift in the machine's load hits every path alike; the
    // median round of each path is reported.
    const rounds = 3;
    const runs = { d1: [] as Measured[], dN: [] as Measured[], g1: gateways.map(() => [] as Measured[]), gN: gateways.map(() => [] as Measured[]) };
    const cpu: { ms: number | null; requests: number }[] = gateways.map(() => ({ ms: 0, requests: 0 }));
    /** One measurement of gateway i, adding the CPU its process spent to cpu[i]. */
    const measureGateway = async (i: number, inFlight: number): Promise<Measured> => {
      const before = cpuMsOf(children[i].pid);
      const measured = await load(gateways[i].url, inFlight, seconds / rounds);
      const after = cpuMsOf(children[i].pid);
      const spent = cpu[i].ms;
      cpu[i].ms = before === null || after === null || spent === null ? null : spent + after - before;
      cpu[i].requests += measured.count;
      return measured;
    };
    for (let r = 0; r < rounds; r++) {
      runs.d1.push(await load(direct, 1, seconds / rounds));
      for (const i of gateways.keys()) runs.g1[i].push(await measureGateway(i, 1));
      runs.dN.push(await load(direct, concurrency, seconds / rounds));
      for (const i of gateways.keys()) runs.gN[i].push(await measureGateway(i, concurrency));
    }
    const mid = (xs: Measured[], key: 'meanMs' | 'rps') => [...xs].sort((a, b) => a[key] - b[key])[Math.floor(xs.length / 2)];
    const d1 = mid(runs.d1, 'meanMs');
    const dN = mid(runs.dN, 'rps');
    const figures: Figures[] = gateways.map((g, i) => {
      const { ms, requests } = cpu[i];
      return { label: g.label, g1: mid(runs.g1[i], 'meanMs'), gN: mid(runs.gN[i], 'rps'), cpuPerRequest: ms === null ? null : ms / requests };
    });
    const pad = (text: string) => text.padEnd(34);
    console.log(`\nlatency, 1 request at a time:`);
    console.log(`  ${pad('direct to admin-units')}${d1.meanMs.toFixed(2)} ms mean, p99 ${d1.p99Ms.toFixed(2)} ms (${d1.count} requests)`);
    for (const { label, g1 } of figures) {
      const added = g1.meanMs - d1.meanMs;
      console.log(
        `  ${pad(label)}${g1.meanMs.toFixed(2)} ms mean, p99 ${g1.p99Ms.toFixed(2)} ms: ${added >= 0 ? '+' : ''}${added.toFixed(2)} ms added (${(g1.meanMs / d1.meanMs).toFixed(2)}× direct)   target ≤ +1 ms`,
      );
    }
    console.log(`\nthroughput, ${concurrency} requests in flight:`);
    console.log(`  ${pad('direct to admin-units')}${Math.round(dN.rps).toLocaleString('en')} requests/s (mean ${dN.meanMs.toFixed(2)} ms)`);
    for (const { label, gN } of figures) {
      console.log(
        `  ${pad(label)}${Math.round(gN.rps).toLocaleString('en')} requests/s (mean ${gN.meanMs.toFixed(2)} ms), ${(gN.rps / dN.rps).toFixed(2)}× direct   target ≥ 1,000 requests/s`,
      );
    }
    console.log(`\ngateway process CPU per request (all measured rounds):`);
    for (const { label, cpuPerRequest } of figures) {
      console.log(`  ${pad(label)}${cpuPerRequest === null ? 'not measured (no /proc)' : `${cpuPerRequest.toFixed(3)} ms`}`);
    }
    const [one, five, fifteen] = loadavg();
    console.log(`\nload average at the end: ${one.toFixed(2)}, ${five.toFixed(2)}, ${fifteen.toFixed(2)} on ${availableParallelism()} cores`);
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await local.stop();
  }
}

main().catch((error) => {
  console.error(`bench failed: ${(error as Error).message}`);
  process.exit(1);
});
