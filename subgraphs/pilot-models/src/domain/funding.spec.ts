import { parseVnd, sharesBp, summariseFunding, type FundingLine } from './funding';

const line = (source: string, planned: bigint, disbursed = 0n): FundingLine => ({ source, planned, disbursed });

describe('summariseFunding', () => {
  it('totals a balanced plan and gives shares that add up to exactly 10000 bp', () => {
    const s = summariseFunding({
      lines: [
        line('CENTRAL', 2_000_000_000n, 1_500_000_000n),
        line('PROVINCE', 1_000_000_000n, 1_000_000_000n),
        line('COMMUNE', 500_000_000n),
        line('PEOPLE', 500_000_000n, 100_000_000n),
      ],
      declaredTotal: 4_000_000_000n,
    });
    expect(s.balanced).toBe(true);
    expect(s.problems).toEqual([]);
    expect(s.totalPlanned).toBe(4_000_000_000n);
    expect(s.totalDisbursed).toBe(2_600_000_000n);
    expect(s.bySource.map((x) => [x.source, x.plannedShareBp, x.disbursementRateBp])).toEqual([
      ['CENTRAL', 5000, 7500],
      ['PROVINCE', 2500, 10000],
      ['COMMUNE', 1250, 0],
      ['PEOPLE', 1250, 2000],
    ]);
    expect(s.stateBudgetPlanned).toBe(3_500_000_000n);
    expect(s.socialisedPlanned).toBe(500_000_000n);
    expect(s.warnings).toEqual([]);
  });

  it('orders sources CENTRAL … PEOPLE whatever the line order', () => {
    const s = summariseFunding({ lines: [line('PEOPLE', 1n), line('CENTRAL', 2n)] });
    expect(s.bySource.map((x) => x.source)).toEqual(['CENTRAL', 'PEOPLE']);
  });

  it('refuses a plan that does not add up, naming each field and line', () => {
    const s = summariseFunding({
      lines: [line('CENTRAL', 100n, 150n), line('PROVINCE', -5n), line('CENTRAL', 10n), line('BANK', 1n), line('PEOPLE', 10n, -1n)],
      declaredTotal: 200n,
    });
    expect(s.balanced).toBe(false);
    expect(s.problems).toEqual([
      { field: 'lines[0].disbursed', reason: 'disbursed 150 is more than planned 100' },
      { field: 'lines[1].planned', reason: 'negative amount -5' },
      { field: 'lines[2].source', reason: 'CENTRAL already has a line (lines[0]); one line per source' },
      { field: 'lines[3].source', reason: '"BANK" is not one of CENTRAL, PROVINCE, DISTRICT, COMMUNE, ENTERPRISE, PEOPLE' },
      { field: 'lines[4].disbursed', reason: 'negative amount -1' },
      { field: 'declaredTotal', reason: 'the plan states 200 VND but its lines add up to 116 VND (difference 84)' },
    ]);
    expect(s.bySource.every((x) => x.plannedShareBp === null)).toBe(true);
  });

  it('refuses an empty plan and warns about a structure without socialised or state funding', () => {
    expect(summariseFunding({ lines: [] }).problems).toEqual([{ field: 'lines', reason: 'a funding plan needs at least one line' }]);
    const onlyState = summariseFunding({ lines: [line('CENTRAL', 10n)] });
    expect(onlyState.balanced).toBe(true);
    expect(onlyState.warnings.map((w) => w.reason)).toEqual([
      'no socialised funding (enterprises or people): seed 000 asks for a complete funding structure',
    ]);
  });

  it('keeps exact amounts far beyond floating-point precision', () => {
    const big = 9_007_199_254_740_993n; // 2^53 + 1: not representable as a double
    const s = summariseFunding({ lines: [line('CENTRAL', big, big), line('PEOPLE', 1n)], declaredTotal: big + 1n });
    expect(s.balanced).toBe(true);
    expect(s.totalPlanned).toBe(9_007_199_254_740_994n);
    expect(s.bySource[0].disbursementRateBp).toBe(10000);
    expect(summariseFunding({ lines: [line('CENTRAL', 9_223_372_036_854_775_808n)] }).problems[0].field).toBe('lines[0].planned');
  });
});

describe('sharesBp (largest remainder)', () => {
  it('always adds up to 10000 and gives the leftover bp to the largest remainders', () => {
    expect(sharesBp([1n, 1n, 1n], 3n)).toEqual([3334, 3333, 3333]);
    expect(sharesBp([2n, 1n], 3n)).toEqual([6667, 3333]);
    expect(sharesBp([1n, 0n], 0n)).toEqual([null, null]);
    for (const parts of [
      [7n, 11n, 13n, 17n],
      [1n, 999_999n],
      [5n, 5n, 5n, 5n, 5n, 5n],
    ]) {
      const total = parts.reduce((a, b) => a + b, 0n);
      expect(sharesBp(parts, total).reduce((a, b) => a! + b!, 0)).toBe(10000);
    }
  });
});

describe('parseVnd', () => {
  it('accepts bigint, digit strings and safe integers; refuses fractions, separators, exponents, unsafe numbers', () => {
    expect(parseVnd(12n, 'x')).toEqual({ ok: true, value: 12n });
    expect(parseVnd('1500000000', 'x')).toEqual({ ok: true, value: 1_500_000_000n });
    expect(parseVnd(' -3 ', 'x')).toEqual({ ok: true, value: -3n });
    expect(parseVnd(42, 'x')).toEqual({ ok: true, value: 42n });
    for (const bad of [1.5, '1.5', '1,000', '1e9', '', null, 2 ** 60, 'abc']) {
      const r = parseVnd(bad, 'lines[2].planned');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.field).toBe('lines[2].planned');
    }
  });
});
