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
});
