import pino, { type DestinationStream, type Logger as PinoLogger } from 'pino';

/**
 * Structured logs on pino: one JSON object per line on stdout, the shape log collectors expect
 * (`level` as a name, `time` as ISO 8601, the logger's base fields such as `service`, `msg`, then
 * the call's fields). Readable, coloured lines (pino-pretty) only when stdout is a terminal outside
 * tests and CI. `LOG_LEVEL` sets the minimum level.
 */
export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

/** A known level name, or "info" for anything else (an unknown LOG_LEVEL must not stop a service). */
export function logLevel(value: string | undefined): LogLevel {
  const level = (value ?? '').trim().toLowerCase();
  return level === 'silent' || level in pino.levels.values ? (level as LogLevel) : 'info';
}

/** Pretty lines for a person at a terminal; JSON lines for everything else (pipes, files, tests, CI). */
export function wantsPrettyLogs(env: NodeJS.ProcessEnv = process.env, isTTY = Boolean(process.stdout.isTTY)): boolean {
  const truthy = (v: string | undefined) => v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
  return isTTY && !truthy(env.CI) && env.NODE_ENV !== 'test' && env.JEST_WORKER_ID === undefined;
}

function defaultDestination(): DestinationStream {
  if (wantsPrettyLogs()) {
    // Loaded only here: pino-pretty is for terminals, never on the JSON path.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pretty = require('pino-pretty') as typeof import('pino-pretty');
    return pretty({
      colorize: true,
      sync: true,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'service',
      messageFormat: '{if service}[{service}] {end}{msg}',
    });
  }
  return pino.destination({ dest: 1, sync: true });
}

/**
 * `bound`: the fields already on every line; `rebase(fields)`: a logger with them replaced. pino
 * appends a child's bindings, so a child that sets a bound field again (the in-process stack's
 * `service: "stack"` logger handing `service: "criteria"` to a subgraph) would write the key twice;
 * such a child is built afresh with the field replaced instead.
 */
function wrap(log: PinoLogger, bound: Record<string, unknown>, rebase: (fields: Record<string, unknown>) => Logger): Logger {
  return {
    debug: (msg, fields) => (fields ? log.debug(fields, msg) : log.debug(msg)),
    info: (msg, fields) => (fields ? log.info(fields, msg) : log.info(msg)),
    warn: (msg, fields) => (fields ? log.warn(fields, msg) : log.warn(msg)),
    error: (msg, fields) => (fields ? log.error(fields, msg) : log.error(msg)),
    child: (fields) => {
      const merged = { ...bound, ...fields };
      if (Object.keys(fields).some((key) => key in bound)) return rebase(merged);
      return wrap(log.child(fields), merged, rebase);
    },
  };
}

/**
 * A logger with `base` fields on every line (e.g. `{ service: 'gateway' }`). `write` receives each
 * line without its newline instead of stdout (tests use it to read what was logged).
 */
export function createLogger(
  base: Record<string, unknown>,
  minLevel: LogLevel = logLevel(process.env.LOG_LEVEL),
  write?: (line: string) => void,
): Logger {
  const destination: DestinationStream = write
    ? { write: (chunk: string) => write(chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk) }
    : defaultDestination();
  const root = pino(
    {
      level: logLevel(minLevel),
      base,
      messageKey: 'msg',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
  return wrap(root, base, (fields) => createLogger(fields, minLevel, write));
}

export function errorFields(error: unknown): Record<string, unknown> {
  return error instanceof Error ? { error: error.message, stack: error.stack } : { error: String(error) };
}
