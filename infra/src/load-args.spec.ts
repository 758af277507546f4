import { readLoadArgs } from './load-args';

describe('load command arguments', () => {
  it('reads the scale and the provinces', () => {
    expect(readLoadArgs(['--scale', '0.5', '--provinces', '40, 42'], 1)).toEqual({ scale: 0.5, provinceCodes: ['40', '42'] });
    expect(readLoadArgs([], 1)).toEqual({ scale: 1, provinceCodes: null });
  });

  it('names a scale outside its range', () => {
    expect(() => readLoadArgs(['--scale', '2'], 1)).toThrow('--scale must be a number in (0, 1], got 2');
    expect(readLoadArgs(['--scale', '2'], 10).scale).toBe(2);
  });
});
