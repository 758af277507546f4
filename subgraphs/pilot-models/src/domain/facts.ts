/**
 * From the facts the criteria subgraph publishes on a unit (`AdminUnit.pilotFacts`: approved values of the
 * pilot-eligibility indicators per year, advanced-NTM recognitions as code ADVANCED_NTM, and recognitions
 * under the 2026–2030 commune set as code NTM_2026_2030) and the
 * unit's area attributes (admin-units) to the plain inputs of `evaluateEligibility`. Pure.
 *
 * - Indicator values (1.1, 2.1, 2.2, 2.3, 3.1): the value of the year asked, nothing else (no carrying
 *   a value over from another year); a value that is not a number is refused naming `facts[i].value`.
 * - Advanced-NTM recognition for year Y: MET when a recognition decision is dated in Y or earlier;
 *   NOT recognised (false) when criteria holds facts on the unit but no such decision up to Y (the
 *   recognitions are criteria's record of decisions); NO_DATA (null) when criteria holds nothing at all
 *   on the unit, since then the absence of a decision says nothing.
 * - Recognition under COMMUNE_NTM_2026_2030 (NTM_2026_2030, for MODERN_NTM_COMMUNE): the same rule.
 * - Ethnic-minority / mountainous / island (EM_MTN_ISL, selects the 3.1 threshold): true when any of the
 *   three area attributes is true; null when they are not given.
 */
import type { EligibilityInputs, Fact } from './eligibility';
import { PilotInputError, type FieldError } from './types';

export interface PilotFactInput {
  readonly year: number;
  readonly code: string;
  readonly value: string;
  readonly source: string;
}

export interface AreaFlags {
  readonly ethnicMinorityArea?: boolean | null;
  readonly mountainous?: boolean | null;
  readonly island?: boolean | null;
}

export const ADVANCED_FACT = 'ADVANCED_NTM';
export const NTM_2026_FACT = 'NTM_2026_2030';
export const AREA_SOURCE =
  'admin-units: area attributes (ethnicMinorityArea, mountainous, island; GENERATED until a real source exists, see areaAttributesSource)';

const PERCENT_CODES: Readonly<Record<string, keyof EligibilityInputs>> = {
  '1.1': 'householdInternetShare',
  '2.1': 'officialsSmartphoneShare',
  '2.2': 'officialEmailShare',
  '2.3': 'officialEOfficeShare',
  '3.1': 'workingAgeSmartphoneRate',
};

/** The eligibility inputs of one unit for `year`. Throws PilotInputError naming `facts[i].…` for malformed facts. */
export function eligibilityInputsFromFacts(facts: readonly PilotFactInput[], area: AreaFlags | null, year: number): EligibilityInputs {
  const errors: FieldError[] = [];
  const out: Record<string, Fact<number> | Fact<boolean>> = {};
  const recognitions = new Map<string, PilotFactInput>();
  facts.forEach((f, i) => {
    if (!Number.isInteger(f.year)) errors.push({ field: `facts[${i}].year`, reason: `${JSON.stringify(f.year)} is not a year` });
    if (f.code === ADVANCED_FACT || f.code === NTM_2026_FACT) {
      const earliest = recognitions.get(f.code);
      if (f.year <= year && (earliest === undefined || f.year < earliest.year)) recognitions.set(f.code, f);
      return;
    }
    const key = PERCENT_CODES[f.code];
    if (!key || f.year !== year) return;
    const value = Number(f.value);
    if (f.value.trim() === '' || !Number.isFinite(value)) {
      errors.push({ field: `facts[${i}].value`, reason: `"${f.value}" (indicator ${f.code}, ${f.year}) is not a number` });
      return;
    }
    out[key] = { value, source: f.source };
  });
  if (errors.length) throw new PilotInputError(errors);
  const recognised = (code: string, what: string): Fact<boolean> | null => {
    const found = recognitions.get(code);
    if (found) return { value: true, source: found.source };
    return facts.length ? { value: false, source: `criteria: no recognition as ${what} recorded up to ${year}` } : null;
  };
  const flags = area ? [area.ethnicMinorityArea, area.mountainous, area.island] : [];
  const known = flags.length === 3 && flags.every((v) => typeof v === 'boolean');
  return {
    ...out,
    advancedNtmRecognised: recognised(ADVANCED_FACT, 'an advanced NTM commune (2021–2025)'),
    ntm2026Recognised: recognised(NTM_2026_FACT, 'an NTM commune under COMMUNE_NTM_2026_2030'),
    ethnicMinorityMountainIsland: known ? { value: flags.some((v) => v === true), source: AREA_SOURCE } : null,
  };
}
