import { Kind } from 'graphql';
import { DateScalar, isIsoDate } from './date-scalar';

describe('Date scalar', () => {
  it.each([
    ['2024-06-30', true],
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-13-01', false],
    ['yesterday', false],
    ['30/06/2024', false],
    ['2024-6-30', false],
  ])('%s is a calendar date: %s', (text, ok) => {
    expect(isIsoDate(text)).toBe(ok);
  });

  it('rejects non-dates in literals and variables with a message saying the format', () => {
    expect(() => DateScalar.parseValue('yesterday')).toThrow(/YYYY-MM-DD.*"yesterday"/);
    expect(() => DateScalar.parseLiteral({ kind: Kind.INT, value: '2024' })).toThrow(/YYYY-MM-DD/);
    expect(DateScalar.parseLiteral({ kind: Kind.STRING, value: '2025-07-01' })).toBe('2025-07-01');
  });
});
