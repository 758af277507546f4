import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/**
 * Keeps named child processes running for `npm start`: a child that exits while it is supervised
 * is started again after an exponential back-off (0.5 s, 1 s, 2 s … capped at 10 s; back to 0.5 s
 * once a run has lasted a while), and every restart is logged with the name, the exit code or
 * signal and the delay. `stop()` ends the children and cancels pending restarts.
 */

export interface BackoffPolicy {
  /** Delay before the first restart. */
  initialMs: number;
  /** Upper bound of the delay. */
  maxMs: number;
  /** A run that lasted at least this long resets the delay to initialMs. */
  resetAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 500, maxMs: 10_000, resetAfterMs: 30_000 };

/** Delay before restart number `attempt` (1 = first restart after a good run): initial × 2^(attempt-1), capped. */
export function backoffDelay(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  if (!Number.isInteger(attempt) || attempt < 1) throw new Error(`attempt must be a positive integer, got ${attempt}`);
  return Math.min(policy.maxMs, policy.initialMs * 2 ** Math.min(attempt - 1, 30));
}

export interface ChildSpec {
  /** Name used in logs, e.g. "admin-units". */
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  stdio?: SpawnOptions['stdio'];
}

export interface SupervisorOptions {
  log?: (line: string) => void;
  backoff?: BackoffPolicy;
  /** How long stop() waits after SIGTERM before SIGKILL. */
  killAfterMs?: number;
}

function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `signal ${signal}` : `code ${code}`;
}

/** One supervised child: its current process, restarts and stop. */
export class SupervisedChild {
  private current: ChildProcess | undefined;
  private startedAt = 0;
  private attempt = 0;
  private timer: NodeJS.Timeout | undefined;
  private restarting = false;
  private stopped = false;
  /** Restarts done so far. */
  restarts = 0;
  private readonly listeners = new Set<(child: ChildProcess) => void>();

  constructor(
    readonly spec: ChildSpec,
    private readonly options: Required<SupervisorOptions>,
  ) {}

  /** The running process, if any (it changes on every restart). */
  get process(): ChildProcess | undefined {
    return this.current;
  }

  /** Starts the child. Until keepAlive() (during start-up) an exit is not followed by a restart. */
  start(): ChildProcess {
    const { command, args, env, stdio } = this.spec;
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: stdio ?? ['ignore', 'inherit', 'inherit'] });
    this.current = child;
    this.startedAt = Date.now();
    child.once('exit', (code, signal) => this.onExit(child, code, signal));
    // A failed spawn (missing executable) emits 'error' and then 'exit'; log it, the exit restarts.
    child.on('error', (error) => this.options.log(`${this.spec.name}: ${error.message}`));
    for (const listener of this.listeners) listener(child);
    return child;
  }

  /** From now on, an unexpected exit is followed by a restart with back-off. */
  keepAlive(): void {
    this.restarting = true;
  }

  /** Called with each new process (the first one and every restart). */
  onSpawn(listener: (child: ChildProcess) => void): void {
    this.listeners.add(listener);
  }

  private onExit(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (child !== this.current || this.stopped || !this.restarting) return;
    const ranMs = Date.now() - this.startedAt;
    this.attempt = ranMs >= this.options.backoff.resetAfterMs ? 1 : this.attempt + 1;
    const delay = backoffDelay(this.attempt, this.options.backoff);
    this.options.log(
      `${this.spec.name} exited with ${describeExit(code, signal)} after ${(ranMs / 1000).toFixed(1)} s; restarting in ${delay} ms (restart ${this.restarts + 1})`,
    );
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.stopped) return;
      this.restarts++;
      const next = this.start();
      this.options.log(`${this.spec.name} restarted (pid ${next.pid})`);
    }, delay);
  }

  /** Cancels a pending restart and ends the current process (SIGTERM, then SIGKILL after killAfterMs). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const child = this.current;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      const kill = setTimeout(() => {
        this.options.log(`${this.spec.name} did not stop within ${this.options.killAfterMs} ms; killing it`);
        child.kill('SIGKILL');
      }, this.options.killAfterMs);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
  }
}

/** The named children of one stack. */
export class Supervisor {
  private readonly children: SupervisedChild[] = [];
  private readonly options: Required<SupervisorOptions>;

  constructor(options: SupervisorOptions = {}) {
    this.options = { log: options.log ?? (() => undefined), backoff: options.backoff ?? DEFAULT_BACKOFF, killAfterMs: options.killAfterMs ?? 10_000 };
  }

  /** Spawns a child (not yet restarted on exit: call keepAlive() once it is ready). */
  start(spec: ChildSpec): SupervisedChild {
    const child = new SupervisedChild(spec, this.options);
    this.children.push(child);
    child.start();
    return child;
  }

  /** Stops every child at once; no restart happens once this is called. */
  async stop(): Promise<void> {
    await Promise.all(this.children.map((child) => child.stop()));
  }
}
