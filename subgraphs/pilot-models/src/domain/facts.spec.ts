import { evaluateEligibility } from './eligibility';
import { eligibilityInputsFromFacts, type PilotFactInput } from './facts';

const fact = (year: number, code: string, value: string): PilotFactInput => ({ year, code, value, source: `criteria: ${code}, ${year}` });
const PLAIN = { ethnicMinorityArea: false, mountainous: false, island: false };

describe('eligibility inputs from criteria facts', () => {
  it('takes the values of the year asked, not of other years', () => {
    const inputs = eligibilityInputsFromFacts([fact(2023, '1.1', '40'), fact(2024, '1.1', '61.5')], PLAIN, 2024);
    expect(inputs.householdInternetShare).toEqual({ value: 61.5, source: 'criteria: 1.1, 2024' });
    expect(eligibilityInputsFromFacts([fact(2023, '1.1', '40')], PLAIN, 2024).householdInternetShare).toBeUndefined();
  });

  it('counts a recognition decided in the year or before, not after', () => {
    const facts = [fact(2023, 'ADVANCED_NTM', 'true'), fact(2024, '1.1', '70')];
    expect(eligibilityInputsFromFacts(facts, PLAIN, 2024).advancedNtmRecognised).toEqual({ value: true, source: 'criteria: ADVANCED_NTM, 2023' });
    expect(eligibilityInputsFromFacts(facts, PLAIN, 2022).advancedNtmRecognised).toEqual({
      value: false,
      source: expect.stringMatching(/no recognition .* up to 2022/),
    });
  });

  it('reads recognitions under COMMUNE_NTM_2026_2030 (NTM_2026_2030) apart from advanced-NTM ones', () => {
    const facts = [fact(2023, 'ADVANCED_NTM', 'true'), fact(2026, 'NTM_2026_2030', 'true')];
    const in2026 = eligibilityInputsFromFacts(facts, PLAIN, 2026);
    expect(in2026.ntm2026Recognised).toEqual({ value: true, source: 'criteria: NTM_2026_2030, 2026' });
    expect(in2026.advancedNtmRecognised).toEqual({ value: true, source: 'criteria: ADVANCED_NTM, 2023' });
    const modern = evaluateEligibility('MODERN_NTM_COMMUNE', 2026, in2026);
    expect(modern.conditions.map((c) => [c.code, c.status])).toEqual([
      ['NTM_2026_2030', 'MET'],
      ['APPENDIX_II', 'NO_DATA'],
    ]);
    // A 2023 advanced-NTM recognition is not a 2026–2030 recognition; a decision of 2027 does not count in 2026.
    expect(eligibilityInputsFromFacts([fact(2023, 'ADVANCED_NTM', 'true')], PLAIN, 2026).ntm2026Recognised).toMatchObject({ value: false });
    expect(eligibilityInputsFromFacts([fact(2027, 'NTM_2026_2030', 'true')], PLAIN, 2026).ntm2026Recognised).toEqual({
      value: false,
      source: expect.stringMatching(/no recognition as an NTM commune under COMMUNE_NTM_2026_2030 recorded up to 2026/),
    });
    expect(eligibilityInputsFromFacts([], PLAIN, 2026).ntm2026Recognised).toBeNull();
  });

  it('says NO_DATA for the recognition when criteria holds nothing on the unit', () => {
    const inputs = eligibilityInputsFromFacts([], PLAIN, 2024);
    expect(inputs.advancedNtmRecognised).toBeNull();
    const result = evaluateEligibility('SMART_COMMUNE', 2024, inputs);
    expect(result.conditions.find((c) => c.code === 'ADVANCED_NTM')?.status).toBe('NO_DATA');
    expect(result.eligible).toBe(false);
  });

  it('derives the EM_MTN_ISL flag that selects the 3.1 threshold from the area attributes', () => {
    const facts = [fact(2024, '3.1', '60')];
    const mountain = evaluateEligibility('ECOMMERCE_COMMUNE', 2024, eligibilityInputsFromFacts(facts, { ...PLAIN, mountainous: true }, 2024));
    const plain = evaluateEligibility('ECOMMERCE_COMMUNE', 2024, eligibilityInputsFromFacts(facts, PLAIN, 2024));
    expect(mountain.conditions.find((c) => c.code === '3.1')).toMatchObject({ status: 'MET', threshold: '>= 50' });
    expect(plain.conditions.find((c) => c.code === '3.1')).toMatchObject({ status: 'NOT_MET', threshold: '>= 80' });
    expect(eligibilityInputsFromFacts(facts, null, 2024).ethnicMinorityMountainIsland).toBeNull();
  });

  it('makes a commune with every measurable condition met eligible', () => {
    const facts = [fact(2022, 'ADVANCED_NTM', 'true'), ...['1.1', '2.1', '2.2', '2.3', '3.1'].map((c) => fact(2024, c, '100'))];
    expect(evaluateEligibility('SMART_COMMUNE', 2024, eligibilityInputsFromFacts(facts, PLAIN, 2024)).eligible).toBe(true);
  });

  it('refuses a value that is not a number, naming the fact', () => {
    expect(() => eligibilityInputsFromFacts([fact(2024, '1.1', 'n/a')], PLAIN, 2024)).toThrow(/facts\[0\]\.value: "n\/a"/);
  });
});
