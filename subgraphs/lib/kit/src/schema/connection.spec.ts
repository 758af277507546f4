import { GraphQLError } from 'graphql';
import { checkPageSize, decodeOffsetCursor, encodeCursor, offsetConnection } from './connection';

describe('offset connections', () => {
  it('pages with opaque cursors that continue after the last item', () => {
    const first = offsetConnection(['a', 'b', 'c'], 0, 2, 5);
    expect(first.edges.map((e) => e.node)).toEqual(['a', 'b']);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(decodeOffsetCursor(first.pageInfo.endCursor)).toBe(2);
    const last = offsetConnection(['e'], 4, 2, 5);
    expect(last.pageInfo.hasNextPage).toBe(false);
    expect(last.edges[0].cursor).toBe(encodeCursor(4));
  });

  it('rejects foreign cursors and page sizes out of range, naming the argument', () => {
    expect(() => decodeOffsetCursor('not-a-cursor!')).toThrow(GraphQLError);
    expect(() => decodeOffsetCursor(Buffer.from('-3').toString('base64url'))).toThrow(/after/);
    expect(() => checkPageSize(501)).toThrow(/first must be between 0 and 500/);
    expect(checkPageSize(0)).toBe(0);
  });

  it('refuses cursors that are not canonical offsets instead of reading them as 0 or a huge offset', () => {
    const b64 = (s: string) => Buffer.from(s).toString('base64url');
    for (const bad of [
      b64('1e300'),
      b64(''),
      '',
      b64(' 5'),
      b64('1.0'),
      b64('05'),
      b64('1000000000'),
      'MA==',
      '!!!!',
      'a'.repeat(40),
      b64('9007199254740993'),
    ]) {
      expect(() => decodeOffsetCursor(bad)).toThrow(/after: not a cursor/);
    }
    expect(decodeOffsetCursor(b64('0'))).toBe(1);
    expect(decodeOffsetCursor(b64('999999999'))).toBe(1_000_000_000);
  });
});
