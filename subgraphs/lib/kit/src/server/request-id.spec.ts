import { requestIdFrom } from './request-id';

describe('requestIdFrom', () => {
  const fresh = () => 'generated';

  it('keeps an id the caller sent', () => {
    expect(requestIdFrom('3f1c-ab:7.x_y', fresh)).toBe('3f1c-ab:7.x_y');
    expect(requestIdFrom(['first', 'second'], fresh)).toBe('first');
  });

  it('generates one when the header is missing, empty, too long or not id-like', () => {
    expect(requestIdFrom(undefined, fresh)).toBe('generated');
    expect(requestIdFrom('', fresh)).toBe('generated');
    expect(requestIdFrom('x'.repeat(129), fresh)).toBe('generated');
    expect(requestIdFrom('a b', fresh)).toBe('generated');
    expect(requestIdFrom('id\n{"level":"error"}', fresh)).toBe('generated');
  });

  it('generates UUIDs by default', () => {
    expect(requestIdFrom(undefined)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});
