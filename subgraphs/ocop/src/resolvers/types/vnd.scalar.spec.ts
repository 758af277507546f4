import { VndScalar } from './vnd.scalar';

describe('VND scalar', () => {
  it('carries whole đồng as a string of digits, beyond the float range', () => {
    expect(VndScalar.serialize(10_000_000_000n)).toBe('10000000000');
    expect(VndScalar.parseValue('9007199254740993')).toBe('9007199254740993');
    expect(VndScalar.parseValue('000300000000')).toBe('300000000');
  });
  it('refuses fractions and non-numbers, saying what it expects', () => {
    expect(() => VndScalar.parseValue('1.5')).toThrow(/whole number of đồng/);
    expect(() => VndScalar.parseValue(1.5)).toThrow(/whole number of đồng/);
  });
});
