import { advanceCursor, compare, cursorAfterSnapshot, decodeCursor, encodeCursor, START_CURSOR } from './cursor';

describe('change cursor', () => {
  it('round-trips through its opaque form, with and without a snapshot', () => {
    for (const cursor of [
      START_CURSOR,
      { xid: '18446744073709551615', position: '42' },
      { xid: '900', position: '0', snapshot: '900:905:901,903' },
    ]) {
      const text = encodeCursor(cursor);
      expect(text).toMatch(/^c1\.[A-Za-z0-9_-]+$/);
      expect(decodeCursor(text)).toEqual({ ok: true, cursor });
    }
  });

  it('refuses what is not a cursor, saying why', () => {
    expect(decodeCursor('123')).toMatchObject({ ok: false, reason: expect.stringContaining('not a cursor') });
    expect(decodeCursor('c1.' + Buffer.from('x|1').toString('base64url'))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('transaction id'),
    });
    expect(decodeCursor('c1.' + Buffer.from('1|-1').toString('base64url'))).toMatchObject({ ok: false, reason: expect.stringContaining('position') });
    expect(decodeCursor('c1.' + Buffer.from('1|1|5:3:').toString('base64url'))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('bounds'),
    });
    expect(decodeCursor('c1.' + Buffer.from('1|1|a:b').toString('base64url'))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('snapshot'),
    });
    expect(decodeCursor('c1.' + Buffer.from('1|99999999999999999999').toString('base64url'))).toMatchObject({ ok: false });
  });

  it('orders by transaction id first, then position', () => {
    expect(compare({ xid: '10', position: '999' }, { xid: '11', position: '1' })).toBe(-1);
    expect(compare({ xid: '11', position: '5' }, { xid: '11', position: '4' })).toBe(1);
    expect(compare({ xid: '11', position: '5' }, { xid: '11', position: '5' })).toBe(0);
  });

  it('advances past the last change, or to the horizon when nothing below it is left', () => {
    expect(advanceCursor(START_CURSOR, { xid: '7', position: '30' }, null)).toEqual({ xid: '7', position: '30' });
    // A page that reached the horizon: everything below xid 12 was read.
    expect(advanceCursor(START_CURSOR, { xid: '7', position: '30' }, '12')).toEqual({ xid: '12', position: '0' });
    // The horizon never moves a cursor backwards.
    expect(advanceCursor({ xid: '20', position: '3' }, null, '12')).toEqual({ xid: '20', position: '3' });
  });

  it('keeps an export snapshot only while transactions it saw can still be ahead', () => {
    const after = cursorAfterSnapshot('100:110:103,107');
    expect(after).toEqual({ xid: '100', position: '0', snapshot: '100:110:103,107' });
    expect(advanceCursor(after, { xid: '103', position: '9' }, null).snapshot).toBe('100:110:103,107');
    expect(advanceCursor(after, { xid: '110', position: '1' }, null).snapshot).toBeUndefined();
  });
});
