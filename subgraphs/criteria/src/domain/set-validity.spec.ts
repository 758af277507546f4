import { readFileSync } from 'fs';
import { join } from 'path';
import { loadCriteriaSets } from './criteria-file';
import { assertSetForYear, checkSetForYear, isSetInForce, setInForce, SetNotInForceError, setsInForce } from './set-validity';

const sets = loadCriteriaSets(readFileSync(join(__dirname, '../../data/criteria-sets.csv'), 'utf8'));
const byCode = (code: string) => sets.find((s) => s.code === code)!;
const communeStandard = { level: 'COMMUNE', kind: 'NATIONAL', tier: 'STANDARD' } as const;

describe('set validity (which set is in force for a year)', () => {
  it('uses the 2021–2025 commune set up to 2025 and the 2026–2030 set from 2026', () => {
    expect(setInForce(sets, communeStandard, 2021)?.code).toBe('COMMUNE_NTM_2021_2025');
    expect(setInForce(sets, communeStandard, 2024)?.code).toBe('COMMUNE_NTM_2021_2025');
    expect(setInForce(sets, communeStandard, 2025)?.code).toBe('COMMUNE_NTM_2021_2025');
    expect(setInForce(sets, communeStandard, 2026)?.code).toBe('COMMUNE_NTM_2026_2030');
    expect(setInForce(sets, communeStandard, 2030)?.code).toBe('COMMUNE_NTM_2026_2030');
    expect(setInForce(sets, communeStandard, 2031)).toBeNull();
    // No older set is in the data: the earliest set answers for the years before its phase.
    expect(setInForce(sets, communeStandard, 2018)?.code).toBe('COMMUNE_NTM_2021_2025');
    expect(checkSetForYear(sets, byCode('COMMUNE_NTM_2021_2025'), 2018)).toBeNull();
    expect(checkSetForYear(sets, byCode('COMMUNE_NTM_2026_2030'), 2018)).toContain('for 2018 use COMMUNE_NTM_2021_2025');
  });

  it('has no district set after 2025', () => {
    expect(setInForce(sets, { level: 'DISTRICT', kind: 'NATIONAL', tier: 'STANDARD' }, 2025)?.code).toBe('DISTRICT_NTM_2021_2025');
    expect(setInForce(sets, { level: 'DISTRICT', kind: 'NATIONAL', tier: 'STANDARD' }, 2026)).toBeNull();
  });

  it('lists the sets in force for a year', () => {
    expect(setsInForce(sets, 2026).map((s) => s.code)).toEqual(['COMMUNE_NTM_2026_2030', 'COMMUNE_MODERN_PILOT_ELIGIBILITY_2026_2030']);
    expect(setsInForce(sets, 2024).map((s) => s.code)).not.toContain('COMMUNE_NTM_2026_2030');
  });

  it('names both sets when a set is asked for outside its period', () => {
    const old = byCode('COMMUNE_NTM_2021_2025');
    const neu = byCode('COMMUNE_NTM_2026_2030');
    expect(isSetInForce(old, 2025)).toBe(true);
    expect(isSetInForce(old, 2026)).toBe(false);
    expect(checkSetForYear(sets, old, 2024)).toBeNull();
    expect(checkSetForYear(sets, old, 2026)).toBe(
      'set COMMUNE_NTM_2021_2025 is in force 2021–2025, not in 2026; for 2026 use COMMUNE_NTM_2026_2030 (in force 2026–2030)',
    );
    expect(checkSetForYear(sets, neu, 2024)).toBe(
      'set COMMUNE_NTM_2026_2030 is in force 2026–2030, not in 2024; for 2024 use COMMUNE_NTM_2021_2025 (in force 2021–2025)',
    );
    expect(checkSetForYear(sets, byCode('DISTRICT_NTM_2021_2025'), 2027)).toMatch(/no DISTRICT NATIONAL STANDARD set is in force in 2027/);
    expect(() => assertSetForYear(sets, old, 2026)).toThrow(SetNotInForceError);
    try {
      assertSetForYear(sets, old, 2026);
    } catch (e) {
      expect(e).toMatchObject({ setCode: 'COMMUNE_NTM_2021_2025', year: 2026, setInForceCode: 'COMMUNE_NTM_2026_2030' });
    }
  });
});
