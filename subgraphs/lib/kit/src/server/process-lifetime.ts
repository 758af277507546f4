/**
 * How a service process ends: on SIGINT or SIGTERM, and — when a launcher (npm start, the
 * benchmarks) set STOP_WITH_PARENT_PID to its own pid — when that launcher is gone. A launcher
 * killed without the chance to stop its children (SIGKILL, a crash) would otherwise leave the
 * gateway and subgraphs running, holding their ports and database connections, with nobody to
 * restart or stop them. Node has no "parent died" signal on Linux without IPC; the parent pid
 * changes when the process is re-parented, so it is checked every `intervalMs`.
 */
export const STOP_WITH_PARENT_VARIABLE = 'STOP_WITH_PARENT_PID';

export interface ParentWatch {
  /** The launcher's pid, as it set it. */
  parentPid: number;
  /** The current parent pid (process.ppid; a function for tests). */
  currentParentPid?: () => number;
  intervalMs?: number;
  onParentGone: () => void;
}

/** Calls onParentGone once when the parent pid is no longer the launcher's. Returns a stop function. */
export function watchParent({ parentPid, currentParentPid = () => process.ppid, intervalMs = 1000, onParentGone }: ParentWatch): () => void {
  const timer = setInterval(() => {
    if (currentParentPid() === parentPid) return;
    clearInterval(timer);
    onParentGone();
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** Runs `shutdown` (once) on SIGINT, SIGTERM, or when the launcher named in the environment is gone. */
export function stopOnSignalsOrOrphaned(shutdown: (reason: string) => void, env: NodeJS.ProcessEnv = process.env): void {
  let done = false;
  const once = (reason: string) => {
    if (done) return;
    done = true;
    shutdown(reason);
  };
  process.once('SIGINT', () => once('SIGINT'));
  process.once('SIGTERM', () => once('SIGTERM'));
  const parentPid = Number(env[STOP_WITH_PARENT_VARIABLE]);
  if (Number.isInteger(parentPid) && parentPid > 1) watchParent({ parentPid, onParentGone: () => once('launcher gone') });
}
