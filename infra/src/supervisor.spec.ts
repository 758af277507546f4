import { backoffDelay, Supervisor, type BackoffPolicy } from './supervisor';

/** A node child running `code`. */
const node = (name: string, code: string) => ({ name, command: process.execPath, args: ['-e', code], stdio: 'ignore' as const });

async function until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const delaysIn = (lines: string[]) => lines.flatMap((l) => /restarting in (\d+) ms/.exec(l)?.[1] ?? []).map(Number);

describe('backoffDelay', () => {
  it('doubles from 0.5 s and stops at 10 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50].map((n) => backoffDelay(n))).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
  });

  it('refuses an attempt that is not a positive integer', () => {
    expect(() => backoffDelay(0)).toThrow(/attempt must be a positive integer, got 0/);
  });
});

describe('Supervisor', () => {
  const fast: BackoffPolicy = { initialMs: 20, maxMs: 80, resetAfterMs: 60_000 };

  it('restarts a child that keeps dying with growing delays, logging name, exit code and delay', async () => {
    const log: string[] = [];
    const supervisor = new Supervisor({ log: (l) => log.push(l), backoff: fast });
    const child = supervisor.start(node('flaky', 'process.exit(3)'));
    child.keepAlive();
    await until(() => child.restarts >= 4, 'four restarts');
    await supervisor.stop();
    expect(delaysIn(log).slice(0, 4)).toEqual([20, 40, 80, 80]);
    expect(log[0]).toMatch(/^flaky exited with code 3 after \d+\.\d s; restarting in 20 ms \(restart 1\)$/);
    expect(log).toContainEqual(expect.stringMatching(/^flaky restarted \(pid \d+\)$/));
  });

  it('goes back to the first delay after a run that lasted', async () => {
    const log: string[] = [];
    const supervisor = new Supervisor({ log: (l) => log.push(l), backoff: { ...fast, resetAfterMs: 50 } });
    const child = supervisor.start(node('steady', 'setTimeout(() => process.exit(1), 200)'));
    child.keepAlive();
    await until(() => child.restarts >= 3, 'three restarts');
    await supervisor.stop();
    expect(delaysIn(log).slice(0, 3)).toEqual([20, 20, 20]);
  });

  it('names the signal that ended a child', async () => {
    const log: string[] = [];
    const supervisor = new Supervisor({ log: (l) => log.push(l), backoff: fast });
    const child = supervisor.start(node('victim', 'setInterval(() => {}, 1000)'));
    child.keepAlive();
    const first = child.process!;
    first.kill('SIGKILL');
    await until(() => child.restarts >= 1, 'a restart');
    expect(child.process).not.toBe(first);
    await supervisor.stop();
    expect(log[0]).toMatch(/^victim exited with signal SIGKILL/);
  });

  it('does not restart a child before keepAlive (start-up failures stay failures)', async () => {
    const log: string[] = [];
    const supervisor = new Supervisor({ log: (l) => log.push(l), backoff: fast });
    const child = supervisor.start(node('early', 'process.exit(2)'));
    await new Promise<void>((resolve) => child.process!.once('exit', () => resolve()));
    await new Promise((r) => setTimeout(r, 100));
    expect([child.restarts, log]).toEqual([0, []]);
    await supervisor.stop();
  });

  it('stop ends running children and cancels pending restarts', async () => {
    const log: string[] = [];
    const supervisor = new Supervisor({ log: (l) => log.push(l), backoff: { ...fast, initialMs: 60_000, maxMs: 60_000 } });
    const running = supervisor.start(node('running', 'setInterval(() => {}, 1000)'));
    const dying = supervisor.start(node('dying', 'process.exit(1)'));
    running.keepAlive();
    dying.keepAlive();
    await until(() => log.some((l) => l.startsWith('dying exited')), 'the exit of "dying"');
    await supervisor.stop();
    expect(running.process!.signalCode).toBe('SIGTERM');
    expect(dying.restarts).toBe(0);
  });

  it('kills a child that ignores SIGTERM', async () => {
    const log: string[] = [];
    const supervisor = new Supervisor({ log: (l) => log.push(l), killAfterMs: 200 });
    const child = supervisor.start({
      ...node('stubborn', "process.on('SIGTERM', () => {}); console.log('up'); setInterval(() => {}, 1000)"),
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    await new Promise<void>((resolve) => child.process!.stdout!.once('data', () => resolve()));
    await supervisor.stop();
    expect(child.process!.signalCode).toBe('SIGKILL');
    expect(log).toEqual(['stubborn did not stop within 200 ms; killing it']);
  });
});
