import {
  checkRuleForValueType,
  describeComparison,
  evaluateThresholdRule,
  numericGap,
  parseThresholdRule,
  ruleNeedsGroup,
  RuleParseError,
  satisfies,
  selectBranch,
  selectBranchOutcome,
} from './threshold-rule';
import { UnitAttributes } from './types';

const plain: UnitAttributes = { ethnicMinorityArea: false, mountainous: false, island: false, region: 'DBSH' };
const em: UnitAttributes = { ...plain, ethnicMinorityArea: true, region: 'TDMNPB' };
const mtn: UnitAttributes = { ...plain, mountainous: true, region: 'TN' };
const isl: UnitAttributes = { ...plain, island: true, region: 'DHNTB' };

function parseError(text: string): RuleParseError {
  try {
    parseThresholdRule(text);
  } catch (e) {
    if (e instanceof RuleParseError) return e;
    throw e;
  }
  throw new Error(`expected "${text}" not to parse`);
}

describe('parseThresholdRule / evaluateThresholdRule', () => {
  it('reads simple comparisons', () => {
    expect(evaluateThresholdRule(parseThresholdRule('= true'), plain, 2023)).toMatchObject({ operator: '=', target: true, description: '= true' });
    expect(evaluateThresholdRule(parseThresholdRule('>= 80'), plain, 2023, '%')).toMatchObject({ operator: '>=', target: 80, description: '≥ 80%' });
    expect(evaluateThresholdRule(parseThresholdRule('= 100'), plain, 2023, '%')).toMatchObject({ operator: '=', target: 100, description: '= 100%' });
    expect(evaluateThresholdRule(parseThresholdRule('<= 13.5'), plain, 2023, '%')).toMatchObject({
      operator: '<=',
      target: 13.5,
      description: '≤ 13.5%',
    });
    expect(evaluateThresholdRule(parseThresholdRule('≥ 39'), plain, 2023, 'million VND/person/year')?.description).toBe(
      '≥ 39 million VND/person/year',
    );
    expect(evaluateThresholdRule(parseThresholdRule('> 2'), plain, 2023)?.description).toBe('> 2');
    expect(evaluateThresholdRule(parseThresholdRule('>= 80%'), plain, 2023)?.description).toBe('≥ 80%');
  });

  it('applies the smartphone rule: 50 for ethnic-minority, mountainous or island communes, 80 elsewhere', () => {
    const rule = parseThresholdRule('>= 50 if EM_MTN_ISL else >= 80');
    expect(rule.branches).toHaveLength(2);
    for (const unit of [em, mtn, isl]) {
      const t = evaluateThresholdRule(rule, unit, 2023, '%');
      expect(t).toMatchObject({ operator: '>=', target: 50, description: '≥ 50%', branchText: '>= 50 if EM_MTN_ISL' });
    }
    expect(evaluateThresholdRule(rule, plain, 2023, '%')).toMatchObject({ target: 80, description: '≥ 80%', branchText: '>= 80' });
  });

  it('distinguishes the single flags', () => {
    const rule = parseThresholdRule('>= 1 if EM; >= 2 if MTN; >= 3 if ISL; >= 4 otherwise');
    expect(evaluateThresholdRule(rule, em, 2023)?.target).toBe(1);
    expect(evaluateThresholdRule(rule, mtn, 2023)?.target).toBe(2);
    expect(evaluateThresholdRule(rule, isl, 2023)?.target).toBe(3);
    expect(evaluateThresholdRule(rule, plain, 2023)?.target).toBe(4);
  });

  it('applies regional variants', () => {
    const rule = parseThresholdRule('>= 39 if region=TDMNPB; >= 45 otherwise');
    expect(evaluateThresholdRule(rule, { ...plain, region: 'TDMNPB' }, 2022)?.target).toBe(39);
    expect(evaluateThresholdRule(rule, { ...plain, region: 'DNB' }, 2022)?.target).toBe(45);
    // unknown region: region conditions are false, the fallback applies
    expect(evaluateThresholdRule(rule, { ...plain, region: null }, 2022)?.target).toBe(45);

    const set = parseThresholdRule('>= 70 if region in {TDMNPB, tn}; >= 75 if region != DBSH; >= 90 otherwise');
    expect(evaluateThresholdRule(set, { ...plain, region: 'TN' }, 2022)?.target).toBe(70);
    expect(evaluateThresholdRule(set, { ...plain, region: 'BTB' }, 2022)?.target).toBe(75);
    expect(evaluateThresholdRule(set, { ...plain, region: 'DBSH' }, 2022)?.target).toBe(90);
  });

  it('applies year conditions', () => {
    const rule = parseThresholdRule('>= 45 from 2024; >= 40 otherwise');
    expect(evaluateThresholdRule(rule, plain, 2023)?.target).toBe(40);
    expect(evaluateThresholdRule(rule, plain, 2024)?.target).toBe(45);
    expect(evaluateThresholdRule(rule, plain, 2025)?.target).toBe(45);

    const window = parseThresholdRule('>= 39 if region=TDMNPB from 2022 until 2023; >= 48 if region=TDMNPB; >= 50 otherwise');
    expect(evaluateThresholdRule(window, em, 2021)?.target).toBe(48);
    expect(evaluateThresholdRule(window, em, 2022)?.target).toBe(39);
    expect(evaluateThresholdRule(window, em, 2023)?.target).toBe(39);
    expect(evaluateThresholdRule(window, em, 2024)?.target).toBe(48);
    expect(evaluateThresholdRule(window, plain, 2022)?.target).toBe(50);

    const cond = parseThresholdRule('>= 60 if year <= 2022 and (EM or MTN); >= 70 if not ISL; >= 65 otherwise');
    expect(evaluateThresholdRule(cond, mtn, 2022)?.target).toBe(60);
    expect(evaluateThresholdRule(cond, mtn, 2023)?.target).toBe(70);
    expect(evaluateThresholdRule(cond, isl, 2023)?.target).toBe(65);
  });

  it('gives no threshold when no branch applies', () => {
    expect(evaluateThresholdRule(parseThresholdRule('>= 45 from 2024'), plain, 2023)).toBeNull();
    expect(evaluateThresholdRule(parseThresholdRule('>= 45 from 2024'), plain, 2024)?.target).toBe(45);
    expect(evaluateThresholdRule(parseThresholdRule('>= 50 if EM_MTN_ISL'), plain, 2024)).toBeNull();
  });

  it('reads category rules', () => {
    const rule = parseThresholdRule('in {Tốt, "Hoàn thành tốt", A1}');
    const t = evaluateThresholdRule(rule, plain, 2023);
    expect(t).toMatchObject({ operator: 'in', target: ['Tốt', 'Hoàn thành tốt', 'A1'], description: '∈ {Tốt, Hoàn thành tốt, A1}' });
    const c = rule.branches[0].comparison;
    expect(satisfies(c, 'hoàn thành tốt')).toBe(true);
    expect(satisfies(c, 'Khá')).toBe(false);
    expect(satisfies(parseThresholdRule('= A').branches[0].comparison, 'a')).toBe(true);
  });

  it('is case-insensitive for keywords, flags and regions, and accepts a trailing ";"', () => {
    const rule = parseThresholdRule('>= 50 IF em_mtn_isl ELSE >= 80;');
    expect(evaluateThresholdRule(rule, em, 2023)?.target).toBe(50);
    expect(evaluateThresholdRule(parseThresholdRule('>= 1 if REGION=tdmnpb; >= 2 Otherwise'), em, 2023)?.target).toBe(1);
  });

  it('chains else like if/elif/else', () => {
    const rule = parseThresholdRule('>= 39 if region=TDMNPB else >= 41 if region=BTB else >= 45');
    expect(evaluateThresholdRule(rule, { ...plain, region: 'BTB' }, 2022)?.target).toBe(41);
    expect(evaluateThresholdRule(rule, plain, 2022)?.target).toBe(45);
  });

  describe('errors name the rule and the position', () => {
    const cases: [string, number, RegExp][] = [
      ['', 0, /empty rule/],
      ['>= x', 3, /expected a number after '>=', found 'x'/],
      ['80', 0, /expected a comparison/],
      ['>= 50 if', 8, /expected a condition .* found end of rule/],
      ['>= 50 if region=XX', 16, /expected a region code/],
      ['>= 50 if region in {TDMNPB, Nowhere}', 28, /unknown region "Nowhere"/],
      ['>= 50 if FOO', 9, /unknown condition "FOO"/],
      ['>= 80 >= 50', 6, /expected ";", "else" or end of rule/],
      ['>= 80 else >= 50', 6, /"else" must follow a conditional branch/],
      ['>= 80; >= 50 if EM', 7, /unreachable branch ">= 50 if EM"/],
      ['>= 45 from 24', 11, /"24" is not a year/],
      ['>= 45 from 2025 until 2024', 16, /"from 2025" is after "until 2024"/],
      ['>= 45 if EM otherwise', 12, /"otherwise" cannot be combined/],
      ['in {A, B', 8, /expected "}" to close the category list/],
      ['>= 5 if (EM or MTN', 18, /expected "\)" to close "\("/],
      ['>= 80 & 1', 6, /unexpected character "&"/],
      ['>= 12abc', 3, /malformed number/],
      ['= "open', 2, /unterminated quoted text/],
    ];
    it.each(cases)('%j fails at character index %i', (text, position, reason) => {
      const e = parseError(text);
      expect(e.rule).toBe(text);
      expect(e.position).toBe(position);
      expect(e.reason).toMatch(reason);
      expect(e.message).toContain(`"${text}"`);
      expect(e.message).toContain(`character ${position + 1}`);
    });
  });
});

describe('commune group conditions (xã nhóm, 51/2025/QĐ-TTg)', () => {
  const g = (communeGroup: 1 | 2 | 3 | null): UnitAttributes => ({ ...plain, communeGroup });
  const at = (rule: string, unit: UnitAttributes, year = 2026) => evaluateThresholdRule(parseThresholdRule(rule), unit, year)?.description ?? null;

  it("picks the threshold of the unit's group", () => {
    const rule = '>= 90 if group=1; >= 80 if group=2; >= 70 if group=3';
    expect([1, 2, 3].map((n) => at(rule, g(n as 1 | 2 | 3)))).toEqual(['≥ 90', '≥ 80', '≥ 70']);
  });

  it('reads group in {…}, group != and combinations with flags and years', () => {
    expect(at('>= 90 if group in {1, 2}; >= 70 otherwise', g(2))).toBe('≥ 90');
    expect(at('>= 90 if group in {1, 2}; >= 70 otherwise', g(3))).toBe('≥ 70');
    expect(at('>= 90 if group != 3; >= 70 otherwise', g(1))).toBe('≥ 90');
    expect(at('>= 90 if group≠3; >= 70 otherwise', g(3))).toBe('≥ 70');
    expect(at('>= 50 if group=3 and EM; >= 60 otherwise', { ...em, communeGroup: 3 })).toBe('≥ 50');
    expect(at('>= 50 if group=3 and EM; >= 60 otherwise', g(3))).toBe('≥ 60');
    expect(at('>= 50 if not group=1 from 2027; >= 60 otherwise', g(2), 2026)).toBe('≥ 60');
    expect(at('>= 50 if not group=1 from 2027; >= 60 otherwise', g(2), 2027)).toBe('≥ 50');
  });

  it('gives no threshold, and says the group is missing, when the unit has none', () => {
    const rule = parseThresholdRule('>= 90 if group=1; >= 80 otherwise');
    expect(ruleNeedsGroup(rule)).toBe(true);
    for (const unit of [g(null), plain]) {
      expect(evaluateThresholdRule(rule, unit, 2026)).toBeNull();
      expect(selectBranch(rule, unit, 2026)).toBeNull();
      expect(selectBranchOutcome(rule, unit, 2026)).toEqual({ branch: null, missing: 'NO_COMMUNE_GROUP' });
    }
    // a rule whose guards simply fail says so differently
    expect(selectBranchOutcome(parseThresholdRule('>= 45 from 2027'), g(1), 2026)).toEqual({ branch: null, missing: 'NO_BRANCH' });
    // branches before the group branch still apply to a unit without a group
    expect(at('= 50 if EM; >= 90 if group=1; >= 80 otherwise', { ...em, communeGroup: null })).toBe('= 50');
    // and a rule without group conditions does not need one
    expect(ruleNeedsGroup(parseThresholdRule('>= 50 if EM_MTN_ISL else >= 80'))).toBe(false);
    expect(at('>= 50 if EM_MTN_ISL else >= 80', g(null))).toBe('≥ 80');
  });

  it('rejects groups other than 1, 2, 3', () => {
    expect(parseError('>= 90 if group=4').message).toMatch(/expected a commune group 1, 2 or 3/);
    expect(parseError('>= 90 if group in {1, x}').message).toMatch(/expected a commune group/);
    expect(parseError('>= 90 if group > 1').message).toMatch(/expected "=", "!=" or "in" after "group"/);
    expect(parseError('>= 90 if group in {1, 2').message).toMatch(/to close the group list/);
  });
});

describe('checkRuleForValueType', () => {
  it('accepts rules that fit the value type', () => {
    expect(checkRuleForValueType(parseThresholdRule('= true'), 'BOOLEAN')).toBeNull();
    expect(checkRuleForValueType(parseThresholdRule('>= 50 if EM else >= 80'), 'PERCENTAGE')).toBeNull();
    expect(checkRuleForValueType(parseThresholdRule('>= 39'), 'NUMBER')).toBeNull();
    expect(checkRuleForValueType(parseThresholdRule('in {A, B}'), 'CATEGORY', ['A', 'B', 'C'])).toBeNull();
  });
  it('rejects rules that do not', () => {
    expect(checkRuleForValueType(parseThresholdRule('>= 80'), 'BOOLEAN')).toMatch(/BOOLEAN indicator needs "= true"/);
    expect(checkRuleForValueType(parseThresholdRule('= true'), 'PERCENTAGE')).toMatch(/numeric comparison/);
    expect(checkRuleForValueType(parseThresholdRule('>= 50 if EM else >= 120'), 'PERCENTAGE')).toMatch(/120 is outside 0..100 \(branch ">= 120"\)/);
    expect(checkRuleForValueType(parseThresholdRule('>= 39%'), 'NUMBER')).toMatch(/"%" is only for PERCENTAGE/);
    expect(checkRuleForValueType(parseThresholdRule('in {A, D}'), 'CATEGORY', ['A', 'B'])).toMatch(/category "D" is not among/);
    expect(checkRuleForValueType(parseThresholdRule('>= 1'), 'CATEGORY')).toMatch(/CATEGORY indicator needs/);
  });
});

describe('numericGap and satisfies', () => {
  const cmp = (text: string) => parseThresholdRule(text).branches[0].comparison;
  it('measures how far below a ≥ target', () => {
    expect(numericGap(cmp('>= 80'), 72.3)).toBe(7.7);
    expect(numericGap(cmp('>= 80'), 80)).toBe(0);
    expect(numericGap(cmp('>= 80'), 95)).toBe(0);
  });
  it('measures how far above a ≤ target, and off an = target', () => {
    expect(numericGap(cmp('<= 13'), 15.5)).toBe(2.5);
    expect(numericGap(cmp('<= 13'), 10)).toBe(0);
    expect(numericGap(cmp('= 100'), 92.5)).toBe(7.5);
    expect(numericGap(cmp('= 100'), 100)).toBe(0);
  });
  it('is null for boolean and category thresholds', () => {
    expect(numericGap(cmp('= true'), 1)).toBeNull();
    expect(numericGap(cmp('in {A}'), 1)).toBeNull();
  });
  it('compares strictly for > and <', () => {
    expect(satisfies(cmp('> 2'), 2)).toBe(false);
    expect(satisfies(cmp('> 2'), 2.1)).toBe(true);
    expect(satisfies(cmp('< 2'), 2)).toBe(false);
    expect(satisfies(cmp('>= 80'), '80')).toBe(false); // wrong kind never satisfies
    expect(satisfies(cmp('= true'), true)).toBe(true);
    expect(satisfies(cmp('= false'), true)).toBe(false);
  });
  it('describes comparisons', () => {
    expect(describeComparison(cmp('>= 2'), 'm2/person')).toBe('≥ 2 m2/person');
    expect(describeComparison(cmp('= false'))).toBe('= false');
    expect(describeComparison(cmp('= Tốt'))).toBe('= Tốt');
  });
});
