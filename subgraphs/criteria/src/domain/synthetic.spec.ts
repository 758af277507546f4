import { evaluateIndicator, evaluateSetAttainment } from './attainment';
import { CriteriaSetDef, indicatorsOf, loadCriteriaSets } from './criteria-file';
import { parseIndicatorValue } from './indicator-value';
import { hashUnitKey, SyntheticIndicator, syntheticIndicatorsFor, syntheticIndicatorValue, syntheticSetsFor } from './synthetic';
import { parseThresholdRule } from './threshold-rule';
import { UnitAttributes } from './types';
import { readCriteriaFileText } from '../services/catalog';

const sets = loadCriteriaSets(readCriteriaFileText());
const ntm = sets.find((s) => s.code === 'COMMUNE_NTM_2021_2025')!;
const ntmIndicators = indicatorsOf(ntm);
const plain: UnitAttributes = { ethnicMinorityArea: false, mountainous: false, island: false, region: 'DBSH' };
const remote: UnitAttributes = { ethnicMinorityArea: true, mountainous: true, island: false, region: 'TDMNPB' };
const indicator = (
  valueType: SyntheticIndicator['valueType'],
  rule: string | null,
  code = 'X.1',
  allowedValues: string[] | null = null,
): SyntheticIndicator => ({
  code,
  valueType,
  rule: rule === null ? null : parseThresholdRule(rule),
  allowedValues,
});
const unitCode = (i: number) => String(10000 + i);

function setStats(set: CriteriaSetDef, attrs: UnitAttributes, year: number, n: number, seed = 1) {
  let met = 0;
  let indMet = 0;
  let indNotMet = 0;
  let missing = 0;
  let total = 0;
  for (let u = 0; u < n; u++) {
    const values = new Map<string, string | null>();
    for (const ind of indicatorsOf(set)) {
      const v = syntheticIndicatorValue(unitCode(u), attrs, ind, year, seed);
      values.set(ind.code, v);
      total++;
      if (v === null) missing++;
    }
    const a = evaluateSetAttainment(set, attrs, year, values);
    if (a.status === 'MET') met++;
    indMet += a.indicatorCounts.MET;
    indNotMet += a.indicatorCounts.NOT_MET;
  }
  return { setMet: met / n, indicatorMet: indMet / (indMet + indNotMet), missing: missing / total };
}

describe('syntheticIndicatorValue', () => {
  it('is deterministic, and a precomputed unit hash gives the same values', () => {
    for (const ind of ntmIndicators) {
      for (const year of [2021, 2025]) {
        const a = syntheticIndicatorValue('01234', remote, ind, year, 7);
        expect(syntheticIndicatorValue('01234', remote, ind, year, 7)).toBe(a);
        expect(syntheticIndicatorValue(hashUnitKey('01234'), remote, ind, year, 7)).toBe(a);
      }
    }
  });

  it('changes with the seed and the unit', () => {
    const pct = ntmIndicators.filter((i) => i.valueType === 'PERCENTAGE');
    let differentSeed = 0;
    let differentUnit = 0;
    for (let u = 0; u < 200; u++) {
      for (const ind of pct) {
        const v = syntheticIndicatorValue(unitCode(u), plain, ind, 2023, 1);
        if (v !== syntheticIndicatorValue(unitCode(u), plain, ind, 2023, 2)) differentSeed++;
        if (v !== syntheticIndicatorValue(unitCode(u + 1), plain, ind, 2023, 1)) differentUnit++;
      }
    }
    expect(differentSeed / (200 * pct.length)).toBeGreaterThan(0.3);
    expect(differentUnit / (200 * pct.length)).toBeGreaterThan(0.3);
  });

  it('produces values that pass validation for every indicator of every set', () => {
    for (const set of sets) {
      for (const ind of indicatorsOf(set)) {
        for (let u = 0; u < 150; u++) {
          for (const attrs of [plain, remote, { ...plain, island: true, region: 'DHNTB' as const }]) {
            const v = syntheticIndicatorValue(unitCode(u), attrs, ind, 2021 + (u % 5), 3);
            if (v === null) continue;
            const parsed = parseIndicatorValue(ind.valueType, v, ind.allowedValues);
            if (!parsed.ok) throw new Error(`${set.code} ${ind.code}: "${v}" invalid: ${parsed.reason}`);
          }
        }
      }
    }
  });

  it('leaves about 3–5% of values missing', () => {
    const s = setStats(ntm, plain, 2023, 1500);
    expect(s.missing).toBeGreaterThan(0.03);
    expect(s.missing).toBeLessThan(0.05);
  });

  it('makes most communes meet most indicators, some fail some, improving over the years', () => {
    const y2021 = setStats(ntm, plain, 2021, 1500);
    const y2025 = setStats(ntm, plain, 2025, 1500);
    expect(y2021.indicatorMet).toBeGreaterThan(0.85);
    expect(y2025.indicatorMet).toBeGreaterThan(y2021.indicatorMet + 0.03);
    expect(y2025.indicatorMet).toBeLessThan(0.999); // some still fail
    expect(y2025.setMet).toBeGreaterThan(y2021.setMet + 0.1);
    expect(y2021.setMet).toBeGreaterThan(0.2);
    expect(y2025.setMet).toBeGreaterThan(0.55);
    expect(y2025.setMet).toBeLessThan(0.95);
  });

  it('gives ethnic-minority / mountainous communes lower results on average', () => {
    const p = setStats(ntm, plain, 2023, 1500);
    const r = setStats(ntm, remote, 2023, 1500);
    expect(r.indicatorMet).toBeLessThan(p.indicatorMet - 0.03);
    expect(r.setMet).toBeLessThan(p.setMet - 0.05);
  });

  it("mostly improves a unit's own values year on year", () => {
    const ind = indicator('PERCENTAGE', '>= 80');
    let up = 0;
    let down = 0;
    for (let u = 0; u < 2000; u++) {
      const a = syntheticIndicatorValue(unitCode(u), plain, ind, 2021, 5);
      const b = syntheticIndicatorValue(unitCode(u), plain, ind, 2025, 5);
      if (a === null || b === null) continue;
      if (Number(b) > Number(a)) up++;
      else if (Number(b) < Number(a)) down++;
    }
    expect(up).toBeGreaterThan(down * 4);
  });

  it('follows the rule that applies: the smartphone rule gives lower values to EM/mountain/island communes', () => {
    const ind = indicator('PERCENTAGE', '>= 50 if EM_MTN_ISL else >= 80', '3.1');
    const mean = (attrs: UnitAttributes) => {
      let sum = 0;
      let n = 0;
      for (let u = 0; u < 2000; u++) {
        const v = syntheticIndicatorValue(unitCode(u), attrs, ind, 2024, 9);
        if (v !== null) {
          sum += Number(v);
          n++;
        }
      }
      return sum / n;
    };
    expect(mean(remote)).toBeLessThan(mean(plain) - 10);
  });

  it('places values on both sides of ≤ and = 100 thresholds, within range', () => {
    const le = indicator('PERCENTAGE', '<= 13', '11');
    const eq = indicator('PERCENTAGE', '= 100', '17.2');
    const cat = indicator('CATEGORY', 'in {Tốt, Khá}', '9.9', ['Tốt', 'Khá', 'Kém']);
    const bool = indicator('BOOLEAN', '= true');
    const counts = { leMet: 0, leNot: 0, eqMet: 0, eqNot: 0, catMet: 0, catNot: 0, boolMet: 0, boolNot: 0 };
    for (let u = 0; u < 3000; u++) {
      const a = syntheticIndicatorValue(unitCode(u), remote, le, 2022, 11);
      if (a !== null) Number(a) <= 13 ? counts.leMet++ : counts.leNot++;
      const b = syntheticIndicatorValue(unitCode(u), remote, eq, 2022, 11);
      if (b !== null) {
        expect(Number(b)).toBeLessThanOrEqual(100);
        Number(b) === 100 ? counts.eqMet++ : counts.eqNot++;
      }
      const c = syntheticIndicatorValue(unitCode(u), remote, cat, 2022, 11);
      if (c !== null) {
        expect(['Tốt', 'Khá', 'Kém']).toContain(c);
        c === 'Kém' ? counts.catNot++ : counts.catMet++;
      }
      const d = syntheticIndicatorValue(unitCode(u), remote, bool, 2022, 11);
      if (d !== null) d === 'true' ? counts.boolMet++ : counts.boolNot++;
    }
    for (const [met, not] of [
      [counts.leMet, counts.leNot],
      [counts.eqMet, counts.eqNot],
      [counts.catMet, counts.catNot],
      [counts.boolMet, counts.boolNot],
    ]) {
      expect(met).toBeGreaterThan(not);
      expect(not).toBeGreaterThan(30);
    }
  });

  it('agrees with attainment: a generated value meets the rule when the model says so', () => {
    // with the same unit and year, the generated value and the evaluation must agree on the side of the threshold
    const ind = ntmIndicators.find((i) => i.code === '10')!;
    let met = 0;
    let notMet = 0;
    for (let u = 0; u < 1000; u++) {
      const v = syntheticIndicatorValue(unitCode(u), remote, ind, 2022, 4);
      const r = evaluateIndicator(ind, remote, 2022, v);
      if (r.status === 'MET') met++;
      if (r.status === 'NOT_MET') {
        notMet++;
        expect(r.gap).toBeGreaterThan(0);
      }
    }
    expect(met).toBeGreaterThan(notMet);
    expect(notMet).toBeGreaterThan(0);
  });

  it('gives plausible values to indicators without a rule', () => {
    const ind = indicator('PERCENTAGE', null);
    for (let u = 0; u < 500; u++) {
      const v = syntheticIndicatorValue(unitCode(u), plain, ind, 2023, 1);
      if (v !== null) expect(parseIndicatorValue('PERCENTAGE', v).ok).toBe(true);
    }
  });
});

describe('synthetic values by the set in force', () => {
  const s2026 = sets.find((s) => s.code === 'COMMUNE_NTM_2026_2030')!;

  it('uses the 2021–2025 sets up to 2025 and the 2026–2030 set from 2026', () => {
    expect(syntheticSetsFor(sets, 'COMMUNE', 2025).map((s) => s.code)).toEqual([
      'COMMUNE_NTM_2021_2025',
      'COMMUNE_ADVANCED_2021_2025',
      'COMMUNE_SMART_PILOT_ELIGIBILITY_2021_2025',
    ]);
    expect(syntheticSetsFor(sets, 'COMMUNE', 2026).map((s) => s.code)).toEqual([
      'COMMUNE_NTM_2026_2030',
      'COMMUNE_MODERN_PILOT_ELIGIBILITY_2026_2030',
    ]);
    expect(syntheticSetsFor(sets, 'DISTRICT', 2026)).toEqual([]);
    const in2026 = syntheticIndicatorsFor(sets, 'COMMUNE', 2026);
    expect(in2026).toHaveLength(47);
    expect(new Set(in2026.map((x) => x.set.code))).toEqual(new Set(['COMMUNE_NTM_2026_2030']));
    // 2024 still uses the 2021–2025 set: none of its indicators belong to the 2026–2030 set
    expect(syntheticIndicatorsFor(sets, 'COMMUNE', 2024).some((x) => x.set.code === 'COMMUNE_NTM_2026_2030')).toBe(false);
  });

  it("gives valid 2026 values placed by the unit's group threshold, and plausible values without a group", () => {
    let met1 = 0;
    let met3 = 0;
    for (let u = 0; u < 300; u++) {
      for (const ind of indicatorsOf(s2026)) {
        for (const attrs of [{ ...plain, communeGroup: 1 as const }, { ...remote, communeGroup: 3 as const }, plain]) {
          const v = syntheticIndicatorValue(unitCode(u), attrs, ind, 2026, 1);
          if (v === null) continue;
          expect(parseIndicatorValue(ind.valueType, v, ind.allowedValues).ok).toBe(true);
          const status = evaluateIndicator(ind, attrs, 2026, v).status;
          if (attrs.communeGroup === undefined) continue;
          if (status === 'MET') attrs.communeGroup === 1 ? met1++ : met3++;
        }
      }
    }
    // both groups meet most indicators: values are placed relative to each group's own threshold
    const perGroup = 300 * 47;
    expect(met1 / perGroup).toBeGreaterThan(0.6);
    expect(met3 / perGroup).toBeGreaterThan(0.5);
  });
});
