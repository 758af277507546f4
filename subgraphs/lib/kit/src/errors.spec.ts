import { GraphQLError } from 'graphql';
import { maskErrors } from './errors';
import { createLogger } from './logger';

describe('maskErrors', () => {
  const logged: string[] = [];
  const mask = maskErrors(createLogger({ service: 'test' }, 'debug', (line) => logged.push(line)));

  it('keeps client errors and drops their stack traces', () => {
    const formatted = mask(
      { message: 'filter.within: no unit', extensions: { code: 'BAD_USER_INPUT', stacktrace: ['at x.js:1'] } },
      new GraphQLError('x'),
    );
    expect(formatted).toEqual({ message: 'filter.within: no unit', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('replaces anything else by a generic error, and logs the original', () => {
    const original = new Error('select * from admin_unit — connection to postgres://127.0.0.1:5432 refused');
    const formatted = mask(
      { message: original.message, path: ['adminUnit'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      new GraphQLError(original.message, { originalError: original }),
    );
    expect(formatted).toEqual({
      message: 'Internal server error',
      path: ['adminUnit'],
      locations: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(JSON.stringify(formatted)).not.toMatch(/select|postgres|127\.0\.0\.1/);
    expect(logged.some((line) => line.includes('connection to postgres'))).toBe(true);
  });
});
