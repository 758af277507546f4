import { ExpiringCache } from './expiring-cache';

describe('ExpiringCache', () => {
  let now = 1_000;
  const clock = () => now;

  it('returns a value until its expiry time, then forgets it', () => {
    const cache = new ExpiringCache<string>(10, clock);
    cache.set('a', 'A', 2_000);
    expect(cache.get('a')).toBe('A');
    now = 1_999;
    expect(cache.get('a')).toBe('A');
    now = 2_000;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('stores nothing already expired', () => {
    now = 5_000;
    const cache = new ExpiringCache<string>(10, clock);
    cache.set('old', 'x', 4_000);
    expect(cache.get('old')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('drops the least recently used entry past its bound', () => {
    now = 0;
    const cache = new ExpiringCache<number>(2, clock);
    cache.set('a', 1, 100);
    cache.set('b', 2, 100);
    expect(cache.get('a')).toBe(1); // a is now more recent than b
    cache.set('c', 3, 100);
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
  });

  it('refuses a bound below 1', () => {
    expect(() => new ExpiringCache(0)).toThrow(/at least 1/);
  });
});
