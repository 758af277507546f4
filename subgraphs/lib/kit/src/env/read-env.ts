/**
 * Environment read once at start and validated as a whole: every problem is reported together,
 * so an operator fixes a misconfiguration in one go rather than one restart per variable.
 */
/** For each setting: the environment variable it is read from, and how it is parsed. */
export type EnvSpec<T> = { [K in keyof T]: [variable: string, parse: (raw: string | undefined, name: string) => T[K]] };

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n  - ${problems.join('\n  - ')}`);
    this.name = 'EnvError';
  }
}

export function readEnv<T>(spec: EnvSpec<T>, source: NodeJS.ProcessEnv = process.env): T {
  const problems: string[] = [];
  const result = {} as T;
  for (const name of Object.keys(spec) as (keyof T & string)[]) {
    try {
      const [variable, parse] = spec[name];
      result[name] = parse(source[variable], variable);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  if (problems.length > 0) throw new EnvError(problems);
  return result;
}

/** A TCP port, defaulting to `fallback`. */
export const port =
  (fallback: number) =>
  (raw: string | undefined, name: string): number => {
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0 || value > 65535) {
      throw new Error(`${name} must be a port number (0-65535), got "${raw}"`);
    }
    return value;
  };

/** An optional string. */
export const optional = (raw: string | undefined): string | undefined => (raw === '' ? undefined : raw);

/** A required string. */
export const required = (raw: string | undefined, name: string): string => {
  if (raw === undefined || raw === '') throw new Error(`${name} is required`);
  return raw;
};

/** A PostgreSQL connection URL. */
export const postgresUrl = (raw: string | undefined, name: string): string => {
  const value = required(raw, name);
  if (!/^postgres(ql)?:\/\//.test(value)) throw new Error(`${name} must be a postgres:// URL`);
  return value;
};
