import { combineCriterion, evaluateIndicator, evaluateSetAttainment, IndicatorAttainment } from './attainment';
import { CRITERIA_FILE_COLUMNS, findIndicator, indicatorsOf, loadCriteriaSets } from './criteria-file';
import { csvField } from '@ntm/data-files';
import { UnitAttributes } from './types';
import { readCriteriaFileText } from '../services/catalog';

const plain: UnitAttributes = { ethnicMinorityArea: false, mountainous: false, island: false, region: 'DBSH' };
const mountain: UnitAttributes = { ethnicMinorityArea: true, mountainous: true, island: false, region: 'TDMNPB' };

/** A small set: criterion 1 (two indicators), 2 (smartphones, regional), 3 (year-bound), 4 (no rule), 5 (no indicators). */
function testSet() {
  const rows: [string, string, string, string, string, string][] = [
    // criterion, indicator, value_type, unit, rule, placeholder
    ['1', '1.1', 'BOOLEAN', '', '= true', 'false'],
    ['1', '1.2', 'PERCENTAGE', '%', '>= 80', 'true'],
    ['2', '2.1', 'PERCENTAGE', '%', '>= 50 if EM_MTN_ISL else >= 80', 'false'],
    ['2', '2.2', 'NUMBER', 'million VND/person/year', '>= 39 if region=TDMNPB; >= 45 otherwise', 'true'],
    ['2', '2.3', 'PERCENTAGE', '%', '<= 13', 'false'],
    ['3', '3.1', 'PERCENTAGE', '%', '>= 60 from 2024', 'false'],
    ['4', '4.1', 'PERCENTAGE', '%', '', ''],
    ['5', '', '', '', '', ''],
    ['6', '6.1', 'CATEGORY', '', 'in {Tốt, Khá}', 'false'],
  ];
  const header = CRITERIA_FILE_COLUMNS.join(',');
  const lines = rows.map(([c, code, vt, unit, rule, ph]) => {
    const r: Record<string, string> = {
      set_code: 'T',
      set_kind: 'NATIONAL',
      phase: '2021-2025',
      level: 'COMMUNE',
      tier: 'STANDARD',
      legal_basis: 'test',
      set_source: 's',
      set_confidence: 'LOW',
      set_name_vi: 't',
      set_name_en: 't',
      criterion_no: c,
      criterion_name_vi: `TC ${c}`,
      criterion_name_en: `C ${c}`,
      indicator_code: code,
      indicator_name_vi: 'x',
      indicator_name_en: 'x',
      value_type: vt,
      unit,
      threshold_rule: rule,
      placeholder: ph,
      allowed_values: code === '6.1' ? 'Tốt|Khá|Trung bình' : '',
      source: 's',
      confidence: 'LOW',
      note: '',
    };
    return CRITERIA_FILE_COLUMNS.map((k) => csvField(r[k] ?? '')).join(',');
  });
  return loadCriteriaSets([header, ...lines].join('\n'))[0];
}

describe('evaluateIndicator', () => {
  const set = testSet();
  const ind = (code: string) => findIndicator(set, code)!;

  it('MET with the applied threshold and gap 0', () => {
    expect(evaluateIndicator(ind('1.2'), plain, 2023, '85')).toMatchObject({
      status: 'MET',
      reason: null,
      value: 85,
      gap: 0,
      placeholder: true,
      threshold: { operator: '>=', target: 80, description: '≥ 80%' },
    });
  });

  it('NOT_MET with the numeric gap below target', () => {
    const r = evaluateIndicator(ind('1.2'), plain, 2023, '72.3');
    expect(r).toMatchObject({ status: 'NOT_MET', value: 72.3, gap: 7.7 });
  });

  it('gap above target for ≤ rules', () => {
    expect(evaluateIndicator(ind('2.3'), plain, 2023, '15.5')).toMatchObject({ status: 'NOT_MET', gap: 2.5, threshold: { description: '≤ 13%' } });
    expect(evaluateIndicator(ind('2.3'), plain, 2023, '4')).toMatchObject({ status: 'MET', gap: 0 });
  });

  it('boolean and category have no gap', () => {
    expect(evaluateIndicator(ind('1.1'), plain, 2023, 'không đạt')).toMatchObject({
      status: 'NOT_MET',
      value: false,
      gap: null,
      threshold: { description: '= true' },
    });
    expect(evaluateIndicator(ind('1.1'), plain, 2023, 'Đạt')).toMatchObject({ status: 'MET', value: true, gap: null });
    expect(evaluateIndicator(ind('6.1'), plain, 2023, 'khá')).toMatchObject({ status: 'MET', value: 'Khá', gap: null });
    expect(evaluateIndicator(ind('6.1'), plain, 2023, 'Trung bình')).toMatchObject({ status: 'NOT_MET', gap: null });
  });

  it('uses the regional smartphone threshold: 65% meets 50% in a mountain commune but not 80% elsewhere', () => {
    expect(evaluateIndicator(ind('2.1'), mountain, 2023, '65')).toMatchObject({
      status: 'MET',
      gap: 0,
      threshold: { target: 50, description: '≥ 50%' },
    });
    expect(evaluateIndicator(ind('2.1'), plain, 2023, '65')).toMatchObject({
      status: 'NOT_MET',
      gap: 15,
      threshold: { target: 80, description: '≥ 80%' },
    });
  });

  it('uses the unit of measure in the description', () => {
    expect(evaluateIndicator(ind('2.2'), mountain, 2022, '40')).toMatchObject({
      status: 'MET',
      threshold: { description: '≥ 39 million VND/person/year' },
    });
    expect(evaluateIndicator(ind('2.2'), plain, 2022, '40')).toMatchObject({ status: 'NOT_MET', gap: 5 });
  });

  it('NO_DATA for a missing or blank value, with the threshold still shown', () => {
    for (const v of [null, undefined, '', '   ']) {
      expect(evaluateIndicator(ind('1.2'), plain, 2023, v)).toMatchObject({
        status: 'NO_DATA',
        reason: 'MISSING_VALUE',
        value: null,
        gap: null,
        threshold: { target: 80 },
      });
    }
  });

  it('NO_DATA / INVALID_VALUE for a value that does not parse', () => {
    expect(evaluateIndicator(ind('1.2'), plain, 2023, '120')).toMatchObject({
      status: 'NO_DATA',
      reason: 'INVALID_VALUE',
      valueText: '120',
      value: null,
      error: 'percentage must be between 0 and 100',
    });
  });

  it('NOT_EVALUATED / NO_RULE without a rule, NOT_APPLICABLE when no branch applies', () => {
    expect(evaluateIndicator(ind('4.1'), plain, 2023, '55')).toMatchObject({
      status: 'NOT_EVALUATED',
      reason: 'NO_RULE',
      value: 55,
      threshold: null,
      gap: null,
    });
    expect(evaluateIndicator(ind('3.1'), plain, 2023, '10')).toMatchObject({ status: 'NOT_EVALUATED', reason: 'NOT_APPLICABLE', threshold: null });
    expect(evaluateIndicator(ind('3.1'), plain, 2024, '10')).toMatchObject({ status: 'NOT_MET', gap: 50 });
  });
});

describe('combineCriterion precedence', () => {
  const r = (status: IndicatorAttainment['status'], reason: IndicatorAttainment['reason'] = null) => ({ status, reason }) as IndicatorAttainment;
  const combine = (...xs: IndicatorAttainment[]) => combineCriterion({ number: 1 }, xs);

  it('NOT_MET beats NO_DATA and MET', () => {
    expect(combine(r('MET'), r('NO_DATA', 'MISSING_VALUE'), r('NOT_MET')).status).toBe('NOT_MET');
  });
  it('NO_DATA beats MET', () => {
    expect(combine(r('MET'), r('NO_DATA', 'MISSING_VALUE')).status).toBe('NO_DATA');
  });
  it('MET when all evaluated indicators are MET, skipping NOT_EVALUATED', () => {
    const c = combine(r('MET'), r('NOT_EVALUATED', 'NO_RULE'), r('MET'));
    expect(c.status).toBe('MET');
    expect(c.indicatorCounts).toEqual({ MET: 2, NOT_MET: 0, NO_DATA: 0, NOT_EVALUATED: 1 });
  });
  it('NOT_EVALUATED when nothing was evaluated, with a reason', () => {
    expect(combine(r('NOT_EVALUATED', 'NO_RULE'))).toMatchObject({ status: 'NOT_EVALUATED', reason: 'NO_RULE' });
    expect(combine(r('NOT_EVALUATED', 'NOT_APPLICABLE'))).toMatchObject({ status: 'NOT_EVALUATED', reason: 'NOT_APPLICABLE' });
    expect(combine(r('NOT_EVALUATED', 'NO_RULE'), r('NOT_EVALUATED', 'NOT_APPLICABLE'))).toMatchObject({
      status: 'NOT_EVALUATED',
      reason: 'NO_RULE',
    });
    expect(combine()).toMatchObject({ status: 'NOT_EVALUATED', reason: 'NO_INDICATORS' });
  });
});

describe('evaluateSetAttainment', () => {
  const set = testSet();
  const good = { '1.1': 'true', '1.2': '90', '2.1': '85', '2.2': '50', '2.3': '5', '3.1': '70', '4.1': '1', '6.1': 'Tốt' };

  it('is NOT_EVALUATED when a criterion has no indicators, even if everything else is met', () => {
    const a = evaluateSetAttainment(set, plain, 2024, good);
    expect(a.criteria.map((c) => [c.criterionNumber, c.status])).toEqual([
      [1, 'MET'],
      [2, 'MET'],
      [3, 'MET'],
      [4, 'NOT_EVALUATED'],
      [5, 'NOT_EVALUATED'],
      [6, 'MET'],
    ]);
    expect(a.criteria[4].reason).toBe('NO_INDICATORS');
    expect(a.status).toBe('NOT_EVALUATED');
    expect(a.complete).toBe(false);
    expect(a.provisional).toBe(true); // 1.2 and 2.2 use placeholder thresholds
  });

  it('is MET when every criterion is MET', () => {
    const trimmed = { ...set, criteria: set.criteria.filter((c) => c.number !== 4 && c.number !== 5) };
    const a = evaluateSetAttainment(trimmed, plain, 2024, new Map(Object.entries(good)));
    expect(a.status).toBe('MET');
    expect(a.complete).toBe(true);
    expect(a.unmetIndicators).toEqual([]);
    expect(a.criterionCounts).toEqual({ MET: 4, NOT_MET: 0, NO_DATA: 0, NOT_EVALUATED: 0 });
  });

  it('is NOT_EVALUATED when a criterion has an indicator without a rule and nothing else decides', () => {
    const onlyNoRule = { ...set, criteria: set.criteria.filter((c) => c.number === 1 || c.number === 4) };
    expect(evaluateSetAttainment(onlyNoRule, plain, 2024, good)).toMatchObject({ status: 'NOT_EVALUATED', complete: false });
    const empty = { ...set, criteria: [] };
    expect(evaluateSetAttainment(empty, plain, 2024, good).status).toBe('NOT_EVALUATED');
  });

  it('is NOT_MET and names the failing indicators, even with missing data elsewhere', () => {
    const a = evaluateSetAttainment(set, plain, 2024, { ...good, '2.1': '65', '1.2': null, '6.1': 'Trung bình' });
    expect(a.status).toBe('NOT_MET');
    expect(a.unmetIndicators).toEqual(['2.1', '6.1']);
    expect(a.missingIndicators).toEqual(['1.2']);
    expect(a.criteria.find((c) => c.criterionNumber === 1)!.status).toBe('NO_DATA');
    expect(a.criteria.find((c) => c.criterionNumber === 2)!.status).toBe('NOT_MET');
    expect(a.indicatorCounts).toEqual({ MET: 4, NOT_MET: 2, NO_DATA: 1, NOT_EVALUATED: 1 });
  });

  it('is NO_DATA when data is missing and nothing failed', () => {
    const a = evaluateSetAttainment(set, plain, 2024, { ...good, '1.1': undefined });
    expect(a.status).toBe('NO_DATA');
    expect(a.missingIndicators).toEqual(['1.1']);
  });

  it('treats the same values differently by region and year', () => {
    const values = { ...good, '2.1': '65', '2.2': '40', '3.1': '10' };
    const trimmed = { ...set, criteria: set.criteria.filter((c) => c.number !== 4 && c.number !== 5) };
    // 3.1 has no requirement before 2024: criterion 3 is NOT_EVALUATED / NOT_APPLICABLE and does not block the set
    const before = evaluateSetAttainment(trimmed, mountain, 2023, values);
    expect(before.criteria.find((c) => c.criterionNumber === 3)).toMatchObject({ status: 'NOT_EVALUATED', reason: 'NOT_APPLICABLE' });
    expect(before).toMatchObject({ status: 'MET', complete: true });
    expect(evaluateSetAttainment(trimmed, mountain, 2024, values).unmetIndicators).toEqual(['3.1']);
    expect(evaluateSetAttainment(trimmed, plain, 2023, values).unmetIndicators).toEqual(['2.1', '2.2']);
  });

  it('evaluates the committed commune set end to end', () => {
    const file = loadCriteriaSets(readCriteriaFileText());
    const ntm = file.find((s) => s.code === 'COMMUNE_NTM_2021_2025')!;
    const values: Record<string, string> = {};
    for (const i of indicatorsOf(ntm)) {
      values[i.code] = i.valueType === 'BOOLEAN' ? 'Đạt' : i.code === '11' || i.code === '15.3' ? '1' : i.code === '10' ? '60' : '100';
    }
    expect(evaluateSetAttainment(ntm, plain, 2024, values)).toMatchObject({ status: 'MET', complete: true, provisional: true });
    const failing = evaluateSetAttainment(ntm, plain, 2024, { ...values, '8.4': 'không đạt', '10': '42' });
    expect(failing.status).toBe('NOT_MET');
    expect(failing.unmetIndicators).toEqual(['8.4', '10']);
    const income = failing.criteria.find((c) => c.criterionNumber === 10)!.indicators[0];
    expect(income).toMatchObject({ gap: 3, threshold: { description: '≥ 45 million VND/person/year' }, placeholder: true });
  });

  describe('the committed 2026–2030 commune set, by commune group', () => {
    const file = loadCriteriaSets(readCriteriaFileText());
    const s2026 = file.find((s) => s.code === 'COMMUNE_NTM_2026_2030')!;
    const group1: UnitAttributes = { ...plain, communeGroup: 1 };
    const group3: UnitAttributes = { ...mountain, communeGroup: 3 };

    it('gives a group-1 and a group-3 commune different attainment for the same value where the thresholds differ', () => {
      // income 3.1: group 1 ≥ 80, group 3 ≥ 55 (placeholders)
      const income = findIndicator(s2026, '3.1')!;
      expect(evaluateIndicator(income, group1, 2026, '60')).toMatchObject({
        status: 'NOT_MET',
        gap: 20,
        threshold: { branchText: '>= 80 if group=1' },
      });
      expect(evaluateIndicator(income, group3, 2026, '60')).toMatchObject({
        status: 'MET',
        gap: 0,
        threshold: { branchText: '>= 55 if group=3' },
        placeholder: true,
      });
      // poverty 6.1 (≤): group 1 ≤ 3%, group 3 ≤ 13%
      const poverty = findIndicator(s2026, '6.1')!;
      expect(evaluateIndicator(poverty, group1, 2026, '8').status).toBe('NOT_MET');
      expect(evaluateIndicator(poverty, group3, 2026, '8').status).toBe('MET');
      // and a boolean indicator does not depend on the group
      const planning = findIndicator(s2026, '1.1')!;
      expect(evaluateIndicator(planning, group1, 2026, 'Đạt').status).toBe('MET');
      expect(evaluateIndicator(planning, group3, 2026, 'Đạt').status).toBe('MET');
    });

    it('is NOT_EVALUATED (NO_COMMUNE_GROUP) for a commune without a group, never a guess', () => {
      const income = findIndicator(s2026, '3.1')!;
      expect(evaluateIndicator(income, plain, 2026, '99')).toMatchObject({
        status: 'NOT_EVALUATED',
        reason: 'NO_COMMUNE_GROUP',
        threshold: null,
        value: 99,
      });
      const values: Record<string, string> = {};
      for (const i of indicatorsOf(s2026)) values[i.code] = i.valueType === 'BOOLEAN' ? 'true' : i.code === '6.1' || i.code === '5.5' ? '0' : '100';
      values['3.1'] = '200';
      const noGroup = evaluateSetAttainment(s2026, plain, 2026, values);
      expect(noGroup).toMatchObject({ status: 'NOT_EVALUATED', complete: false });
      expect(noGroup.criteria.find((c) => c.criterionNumber === 3)).toMatchObject({ status: 'MET' }); // 3.2–3.5 are booleans, met
      expect(noGroup.criteria.find((c) => c.criterionNumber === 6)).toMatchObject({ status: 'NOT_EVALUATED', reason: 'NO_COMMUNE_GROUP' });
      // the same values meet the set once the group is known (provisionally: placeholder thresholds)
      expect(evaluateSetAttainment(s2026, group1, 2026, values)).toMatchObject({ status: 'MET', complete: true, provisional: true });
      expect(evaluateSetAttainment(s2026, group3, 2026, { ...values, '6.1': '14' })).toMatchObject({ status: 'NOT_MET', unmetIndicators: ['6.1'] });
    });
  });

  it('NO_COMMUNE_GROUP is an unknown requirement at criterion and set level', () => {
    const c = combineCriterion({ number: 1 }, [
      { status: 'NOT_EVALUATED', reason: 'NOT_APPLICABLE' } as IndicatorAttainment,
      { status: 'NOT_EVALUATED', reason: 'NO_COMMUNE_GROUP' } as IndicatorAttainment,
    ]);
    expect(c).toMatchObject({ status: 'NOT_EVALUATED', reason: 'NO_COMMUNE_GROUP' });
  });
});
