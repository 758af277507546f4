import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { repositoryRoot } from '../data-files';
import {
  APPENDIX_II_UNREAD,
  ELIGIBILITY_CONDITIONS,
  ELIGIBILITY_SET,
  evaluateEligibility,
  MODERN_ELIGIBILITY_SET,
  type EligibilityInputs,
} from './eligibility';
import { PilotInputError } from './types';

const f = <T>(value: T | null, source = 'test') => ({ value, source });
const GOOD: EligibilityInputs = {
  advancedNtmRecognised: f(true, 'criteria: recognition decision 12/QĐ-UBND'),
  householdInternetShare: f(72, 'criteria: 1.1, 2024'),
  officialsSmartphoneShare: f(100),
  officialEmailShare: f(100),
  officialEOfficeShare: f(100),
  workingAgeSmartphoneRate: f(85, 'criteria: 3.1, 2024'),
  ethnicMinorityMountainIsland: f(false, 'admin-units: area attributes'),
};
const status = (r: ReturnType<typeof evaluateEligibility>, code: string) => r.conditions.find((c) => c.code === code)!;

describe('evaluateEligibility', () => {
  it('a commune meeting every measurable condition is eligible; the judged ones stay NO_DATA', () => {
    const r = evaluateEligibility('SMART_COMMUNE', 2024, GOOD);
    expect(r.eligible).toBe(true);
    expect(r.undetermined).toBe(false);
    expect(r.conditions.map((c) => [c.code, c.status])).toEqual([
      ['ADVANCED_NTM', 'MET'],
      ['1.1', 'MET'],
      ['FACILITIES_AND_STAFF', 'NO_DATA'],
      ['2.1', 'MET'],
      ['2.2', 'MET'],
      ['2.3', 'MET'],
      ['3.1', 'MET'],
      ['LOCAL_COMMITMENT', 'NO_DATA'],
    ]);
    expect(r.toBeJudged).toEqual(['FACILITIES_AND_STAFF', 'LOCAL_COMMITMENT']);
    expect(status(r, '1.1')).toMatchObject({ value: 72, threshold: '>= 50', source: 'criteria: 1.1, 2024' });
    expect(status(r, '3.1')).toMatchObject({ value: 85, rule: '>= 50 if EM_MTN_ISL else >= 80', threshold: '>= 80' });
    expect(r.ruleSet).toBe(ELIGIBILITY_SET);
  });

  it('any measurable condition NOT_MET makes the commune not eligible', () => {
    const r = evaluateEligibility('SMART_COMMUNE', 2024, { ...GOOD, officialEmailShare: f(95) });
    expect(r.eligible).toBe(false);
    expect(status(r, '2.2')).toMatchObject({ status: 'NOT_MET', value: 95, threshold: '= 100' });
    expect(evaluateEligibility('SMART_COMMUNE', 2024, { ...GOOD, advancedNtmRecognised: f(false) }).eligible).toBe(false);
  });

  it('missing data never counts as met: not eligible, undetermined', () => {
    const r = evaluateEligibility('SMART_COMMUNE', 2024, { ...GOOD, householdInternetShare: undefined });
    expect(r).toMatchObject({ eligible: false, undetermined: true });
    expect(status(r, '1.1')).toMatchObject({ status: 'NO_DATA', value: null, source: null, reason: 'no value' });
    const both = evaluateEligibility('SMART_COMMUNE', 2024, { ...GOOD, householdInternetShare: f(null), officialsSmartphoneShare: f(50) });
    expect(both).toMatchObject({ eligible: false, undetermined: false });
  });

  it('uses the region-dependent 3.1 threshold', () => {
    const em = { ...GOOD, workingAgeSmartphoneRate: f(60), ethnicMinorityMountainIsland: f(true, 'admin-units: area attributes') };
    expect(status(evaluateEligibility('SMART_COMMUNE', 2024, em), '3.1')).toMatchObject({ status: 'MET', threshold: '>= 50' });
    expect(status(evaluateEligibility('SMART_COMMUNE', 2024, { ...em, ethnicMinorityMountainIsland: f(false) }), '3.1')).toMatchObject({
      status: 'NOT_MET',
      threshold: '>= 80',
    });
    // Area unknown: decided when both thresholds agree, NO_DATA in between.
    const unknown = (v: number) =>
      status(evaluateEligibility('SMART_COMMUNE', 2024, { ...GOOD, workingAgeSmartphoneRate: f(v), ethnicMinorityMountainIsland: undefined }), '3.1');
    expect(unknown(90)).toMatchObject({ status: 'MET', threshold: '>= 80' });
    expect(unknown(40)).toMatchObject({ status: 'NOT_MET', threshold: '>= 50' });
    expect(unknown(65)).toMatchObject({ status: 'NO_DATA', threshold: null });
  });

  it('an e-commerce commune needs only advanced NTM and 3.1 among measurable conditions', () => {
    const r = evaluateEligibility('ECOMMERCE_COMMUNE', 2024, {
      advancedNtmRecognised: f(true),
      workingAgeSmartphoneRate: f(81),
      ethnicMinorityMountainIsland: f(false),
    });
    expect(r.eligible).toBe(true);
    expect(r.conditions.filter((c) => c.measurable).map((c) => c.code)).toEqual(['ADVANCED_NTM', '3.1']);
    expect(r.toBeJudged).toEqual(['FACILITIES_AND_STAFF', 'DISTINCTIVE_PRODUCTS', 'LOCAL_COMMITMENT']);
  });

  it('villages and district pilots have no published conditions: eligible is null, not true', () => {
    for (const kind of ['SMART_VILLAGE', 'DISTRICT_DATA_PILOT'] as const) {
      const r = evaluateEligibility(kind, 2024, GOOD);
      expect(r).toMatchObject({ eligible: null, conditions: [] });
    }
  });

  it('flags years outside the 2021–2025 phase', () => {
    expect(evaluateEligibility('SMART_COMMUNE', 2026, GOOD)).toMatchObject({ withinPhase: false, eligible: true });
    expect(evaluateEligibility('SMART_COMMUNE', 2023, GOOD).withinPhase).toBe(true);
  });

  it('refuses malformed inputs naming each field', () => {
    try {
      evaluateEligibility('SMART_COMMUNE', 2024.5, {
        householdInternetShare: f(120),
        advancedNtmRecognised: { value: 'yes' as unknown as boolean, source: 'x' },
        officialEmailShare: { value: 100, source: ' ' },
      });
      throw new Error('expected a PilotInputError');
    } catch (e) {
      expect(e).toBeInstanceOf(PilotInputError);
      expect((e as PilotInputError).errors.map((x) => x.field)).toEqual([
        'year',
        'inputs.householdInternetShare.value',
        'inputs.advancedNtmRecognised.value',
        'inputs.officialEmailShare.source',
      ]);
    }
  });
});

describe('modern NTM commune (Decision 51/2025/QĐ-TTg Appendix II, not read)', () => {
  const modern = (recognised: boolean | null | undefined, year = 2026) =>
    evaluateEligibility('MODERN_NTM_COMMUNE', year, {
      ...GOOD,
      ntm2026Recognised: recognised === undefined ? undefined : f(recognised, 'criteria: recognition decision 7/QĐ-UBND'),
    });

  it('a recognised commune is never eligible on guesses: APPENDIX_II is NO_DATA, the result undetermined', () => {
    const r = modern(true);
    expect(r.conditions.map((c) => [c.code, c.measurable, c.status])).toEqual([
      ['NTM_2026_2030', true, 'MET'],
      ['APPENDIX_II', true, 'NO_DATA'],
    ]);
    expect(r).toMatchObject({ eligible: false, undetermined: true, toBeJudged: [], ruleSet: MODERN_ELIGIBILITY_SET, withinPhase: true });
    expect(status(r, 'NTM_2026_2030')).toMatchObject({ value: true, source: 'criteria: recognition decision 7/QĐ-UBND' });
    expect(status(r, 'APPENDIX_II')).toMatchObject({ value: null, rule: null, reason: APPENDIX_II_UNREAD });
    expect(r.ruleSource).toMatch(/^Decision 51\/2025\/QĐ-TTg/);
    expect(r.note).toMatch(/Appendix II .* could not be read/);
    expect(status(r, 'NTM_2026_2030').descriptionEn).toMatch(/ASSUMPTION/);
  });

  it('a commune not recognised is not eligible and not undetermined; no record at all is NO_DATA', () => {
    expect(modern(false)).toMatchObject({ eligible: false, undetermined: false });
    expect(status(modern(false), 'NTM_2026_2030').status).toBe('NOT_MET');
    const none = modern(undefined);
    expect(status(none, 'NTM_2026_2030')).toMatchObject({ status: 'NO_DATA', reason: expect.stringMatching(/COMMUNE_NTM_2026_2030/) });
    expect(none).toMatchObject({ eligible: false, undetermined: true });
  });

  it('uses its own recognition, not the advanced-NTM one of the 2021–2025 pilots', () => {
    const r = evaluateEligibility('MODERN_NTM_COMMUNE', 2026, { advancedNtmRecognised: f(true), ntm2026Recognised: f(false) });
    expect(status(r, 'NTM_2026_2030').status).toBe('NOT_MET');
    expect(status(evaluateEligibility('SMART_COMMUNE', 2024, { ...GOOD, ntm2026Recognised: f(false) }), 'ADVANCED_NTM').status).toBe('MET');
  });

  it('flags years outside 2026–2030', () => {
    expect(modern(true, 2025)).toMatchObject({
      withinPhase: false,
      eligible: false,
      note: expect.stringMatching(/^the framework is for the 2026–2030 phase; 2025/),
    });
    expect(modern(true, 2030).withinPhase).toBe(true);
    expect(modern(true, 2031).withinPhase).toBe(false);
  });

  it('refuses a recognition that is not true or false, naming the field', () => {
    expect(() => evaluateEligibility('MODERN_NTM_COMMUNE', 2026, { ntm2026Recognised: { value: 1 as unknown as boolean, source: 'x' } })).toThrow(
      /inputs\.ntm2026Recognised\.value: 1 is not true or false/,
    );
  });

  it('the rule set exists in the criteria file for the same phase', () => {
    const file = path.join(repositoryRoot(), 'subgraphs', 'criteria', 'data', 'criteria-sets.csv');
    const rows = parse<Record<string, string>>(readFileSync(file, 'utf8'), { columns: true }).filter((r) => r.set_code === MODERN_ELIGIBILITY_SET);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.phase === '2026-2030' && r.set_kind === 'PILOT_ELIGIBILITY')).toBe(true);
  });
});

describe('agreement with the criteria subgraph (same conditions, codes and rules)', () => {
  const file = path.join(repositoryRoot(), 'subgraphs', 'criteria', 'data', 'criteria-sets.csv');
  const rows = parse<Record<string, string>>(readFileSync(file, 'utf8'), { columns: true }).filter((r) => r.set_code === ELIGIBILITY_SET);

  it('every measurable condition is an indicator of the set with the same rule, and vice versa', () => {
    expect(rows.length).toBeGreaterThan(0);
    const fromFile = Object.fromEntries(rows.map((r) => [r.indicator_code, r.threshold_rule]));
    const ours: Record<string, string> = {};
    for (const defs of Object.values(ELIGIBILITY_CONDITIONS)) for (const d of defs) if (d.type === 'PERCENT') ours[d.code] = d.rule;
    expect(ours).toEqual(fromFile);
  });

  it('applies to each kind what the file says (smart commune only, or both)', () => {
    const ecommerce = new Set(ELIGIBILITY_CONDITIONS.ECOMMERCE_COMMUNE.map((d) => d.code));
    const smart = new Set(ELIGIBILITY_CONDITIONS.SMART_COMMUNE.map((d) => d.code));
    for (const r of rows) {
      expect(smart.has(r.indicator_code)).toBe(true);
      expect(ecommerce.has(r.indicator_code)).toBe(!r.note.startsWith('smart NTM commune only'));
    }
  });
});
