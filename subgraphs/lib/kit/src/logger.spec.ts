import { createLogger, errorFields, logLevel, wantsPrettyLogs } from './logger';

describe('createLogger', () => {
  const capture = (level?: Parameters<typeof createLogger>[1]) => {
    const lines: string[] = [];
    const logger = createLogger({ service: 'criteria' }, level, (line) => lines.push(line));
    return { logger, lines, parsed: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
  };

  it('writes one JSON object per line with level name, ISO time, base fields, msg and the call fields', () => {
    const { logger, lines, parsed } = capture('info');
    logger.info('subgraph listening', { url: 'http://127.0.0.1:4001/graphql' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    const [entry] = parsed();
    expect(entry).toEqual({
      level: 'info',
      time: expect.any(String),
      service: 'criteria',
      msg: 'subgraph listening',
      url: 'http://127.0.0.1:4001/graphql',
    });
    expect(new Date(entry.time as string).toISOString()).toBe(entry.time);
    expect(Object.keys(entry)).not.toEqual(expect.arrayContaining(['pid', 'hostname']));
  });

  it('drops lines below the minimum level', () => {
    const { logger, parsed } = capture('warn');
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e', { code: 1 });
    expect(parsed().map((e) => [e.level, e.msg])).toEqual([
      ['warn', 'w'],
      ['error', 'e'],
    ]);
  });

  it('writes a field a child sets again once, with the child’s value (no duplicate keys)', () => {
    const { logger, lines } = capture('info');
    const subgraph = logger.child({ service: 'gateway' }).child({ requestId: 'r1' });
    subgraph.info('hello');
    subgraph.child({ requestId: 'r2' }).info('again');
    expect(lines[0].match(/"service"/g)).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ service: 'gateway', requestId: 'r1', msg: 'hello' });
    expect(lines[1].match(/"requestId"/g)).toHaveLength(1);
    expect(JSON.parse(lines[1])).toMatchObject({ service: 'gateway', requestId: 'r2', msg: 'again' });
  });

  it("adds a child logger's fields to every line it writes, leaving the parent as it was", () => {
    const { logger, parsed } = capture('debug');
    const child = logger.child({ requestId: 'r-1' });
    child.debug('query', { ms: 3 });
    logger.info('plain');
    expect(parsed()).toEqual([
      expect.objectContaining({ level: 'debug', service: 'criteria', requestId: 'r-1', msg: 'query', ms: 3 }),
      expect.not.objectContaining({ requestId: 'r-1' }),
    ]);
  });

  it('honours LOG_LEVEL when no level is given', () => {
    const before = process.env.LOG_LEVEL;
    process.env.LOG_LEVEL = 'error';
    try {
      const { logger, parsed } = capture();
      logger.warn('hidden');
      logger.error('shown');
      expect(parsed().map((e) => e.msg)).toEqual(['shown']);
    } finally {
      if (before === undefined) delete process.env.LOG_LEVEL;
      else process.env.LOG_LEVEL = before;
    }
  });
});

describe('logLevel', () => {
  it('accepts pino level names in any case and falls back to info', () => {
    expect(logLevel('DEBUG')).toBe('debug');
    expect(logLevel(' warn ')).toBe('warn');
    expect(logLevel('silent')).toBe('silent');
    expect(logLevel('verbose')).toBe('info');
    expect(logLevel(undefined)).toBe('info');
  });
});

describe('wantsPrettyLogs', () => {
  it('is true only for a terminal outside CI and tests', () => {
    expect(wantsPrettyLogs({}, true)).toBe(true);
    expect(wantsPrettyLogs({}, false)).toBe(false);
    expect(wantsPrettyLogs({ CI: 'true' }, true)).toBe(false);
    expect(wantsPrettyLogs({ CI: '0' }, true)).toBe(true);
    expect(wantsPrettyLogs({ NODE_ENV: 'test' }, true)).toBe(false);
    expect(wantsPrettyLogs({ JEST_WORKER_ID: '1' }, true)).toBe(false);
  });
});

describe('errorFields', () => {
  it("keeps an error's message and stack, and stringifies anything else", () => {
    const fields = errorFields(new Error('boom'));
    expect(fields.error).toBe('boom');
    expect(String(fields.stack)).toContain('boom');
    expect(errorFields(42)).toEqual({ error: '42' });
  });
});
