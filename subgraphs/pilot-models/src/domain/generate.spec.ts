import { readFileSync } from 'node:fs';
import { firstBatchFile, readCatalogue } from '../data-files';
import { evaluateEligibility, type EligibilityInputs } from './eligibility';
import { summariseFunding } from './funding';
import {
  generatePilots,
  GENERATED_TARGETS,
  hash32,
  readFirstBatch,
  type GeneratorCommune,
  type GeneratorDistrict,
  type GeneratorInput,
  type GeneratorVillage,
} from './generate';
import { deriveStage, scheduleOf } from './lifecycle';
import { validatePilot } from './pilot';
import { PilotInputError } from './types';

const catalogue = readCatalogue();
const TODAY = '2026-12-01';

/** Test inputs: per province 60 communes (facts drawn by hash: about half eligible), 50 villages, 10 districts. */
function inputs(provinces = ['40', '42'], communesPer = 60): Omit<GeneratorInput, 'today'> {
  const communes: GeneratorCommune[] = [];
  const villages: GeneratorVillage[] = [];
  const districts: GeneratorDistrict[] = [];
  for (const p of provinces) {
    for (let i = 0; i < communesPer; i++) {
      const code = `${p}${String(i).padStart(3, '0')}`;
      const h = hash32(code);
      const pct = (k: number) => ({ value: 40 + ((h >>> k) % 61), source: `test facts ${code}` });
      const eligibility: EligibilityInputs = {
        advancedNtmRecognised: { value: h % 3 !== 0, source: 'test' },
        householdInternetShare: pct(1),
        workingAgeSmartphoneRate: pct(5),
        officialsSmartphoneShare: { value: h % 5 === 0 ? 90 : 100, source: 'test' },
        officialEmailShare: { value: 100, source: 'test' },
        officialEOfficeShare: { value: 100, source: 'test' },
        ethnicMinorityMountainIsland: { value: h % 2 === 0, source: 'test' },
      };
      communes.push({ unitId: `${code}@2025-03-01`, code, name: `Xã ${code}`, provinceCode: p, eligibility });
      villages.push({ unitId: `${code}01@v`, code: `${code}01`, name: `Thôn 1`, provinceCode: p, communeUnitId: `${code}@2025-03-01` });
    }
    for (let i = 0; i < 10; i++) districts.push({ unitId: `${p}D${i}@2025-03-01`, code: `${p}D${i}`, name: `Huyện ${i}`, provinceCode: p });
  }
  return { catalogue, communes, villages, districts };
}

describe('generatePilots', () => {
  const input = { ...inputs(), today: TODAY };
  const { pilots, shortfalls } = generatePilots(input);

  it('generates the targets per province and kind, every pilot marked generated', () => {
    expect(shortfalls).toEqual([]);
    for (const [p, targets] of Object.entries(GENERATED_TARGETS)) {
      for (const [kind, n] of Object.entries(targets))
        expect([p, kind, pilots.filter((x) => x.provinceCode === p && x.kind === kind).length]).toEqual([p, kind, n]);
    }
    expect(pilots.every((p) => p.generated && p.source.startsWith('generated'))).toBe(true);
    expect(pilots.filter((p) => p.approval).every((p) => p.approval!.number.endsWith('(generated)'))).toBe(true);
    expect(new Set(pilots.map((p) => p.key)).size).toBe(pilots.length);
  });

  it('builds commune pilots only in communes eligible for their kind, one pilot per commune', () => {
    const byId = new Map(input.communes.map((c) => [c.unitId, c]));
    const communePilots = pilots.filter((p) => p.kind === 'SMART_COMMUNE' || p.kind === 'ECOMMERCE_COMMUNE');
    for (const p of communePilots)
      expect([p.unitId, evaluateEligibility(p.kind, 2023, byId.get(p.unitId)!.eligibility).eligible]).toEqual([p.unitId, true]);
    expect(new Set(communePilots.map((p) => p.unitId)).size).toBe(communePilots.length);
    // The draw is not trivially "all communes": some communes are not eligible.
    expect(input.communes.filter((c) => !evaluateEligibility('SMART_COMMUNE', 2023, c.eligibility).eligible).length).toBeGreaterThan(10);
  });

  it('every pilot passes the same checks as a write (unit level, topic groups, approval, steps, funding)', () => {
    for (const p of pilots) expect({ key: p.key, errors: validatePilot(p, catalogue, TODAY) }).toEqual({ key: p.key, errors: [] });
  });

  it('funding lines add up exactly to the declared total, with nothing disbursed beyond the plan', () => {
    for (const p of pilots) {
      const s = summariseFunding(p.funding!);
      expect(s.balanced).toBe(true);
      expect(s.totalPlanned).toBe(p.funding!.declaredTotal);
      expect(s.totalDisbursed <= s.totalPlanned).toBe(true);
    }
    const done = pilots.find((p) => deriveStage(p.steps, catalogue.lifecycle) === 'DONE')!;
    expect(summariseFunding(done.funding!).totalDisbursed).toBe(done.funding!.declaredTotal);
  });

  it('a few pilots are behind schedule; the others finished on the central plan', () => {
    const status = pilots.map((p) => ({ p, s: scheduleOf(p.steps, catalogue, TODAY) }));
    const behind = status.filter((x) => x.s.status === 'BEHIND');
    expect(behind.length).toBeGreaterThanOrEqual(4);
    expect(behind.length).toBeLessThan(pilots.length / 3);
    expect(behind.every((x) => x.p.note === 'generated to be behind schedule')).toBe(true);
    for (const x of status.filter((y) => y.s.status !== 'BEHIND')) {
      expect(x.s.status).toBe('ON_SCHEDULE');
      expect(x.s.late).toEqual([]);
      expect(deriveStage(x.p.steps, catalogue.lifecycle)).toBe('DONE');
    }
    // Every behind pilot was approved late or never (then PROPOSED, without a decision).
    for (const x of behind) {
      expect(x.p.status === 'APPROVED').toBe(x.p.approval !== null);
      expect(x.s.late.includes('DESIGN_APPROVAL') || x.s.overdue.includes('DESIGN_APPROVAL')).toBe(true);
    }
  });

  it('is deterministic and independent of input order', () => {
    const again = generatePilots({
      ...input,
      communes: [...input.communes].reverse(),
      villages: [...input.villages].reverse(),
      districts: [...input.districts].reverse(),
    });
    const sort = (xs: typeof pilots) => [...xs].sort((a, b) => (a.key < b.key ? -1 : 1));
    expect(sort(again.pilots)).toEqual(sort(pilots));
    expect(generatePilots(input)).toEqual({ pilots, shortfalls });
  });

  it('dates nothing after an earlier today', () => {
    const early = generatePilots({ ...input, today: '2024-06-01' }).pilots;
    for (const p of early) {
      expect(validatePilot(p, catalogue, '2024-06-01')).toEqual([]);
      for (const s of p.steps) for (const d of [s.startedOn, s.completedOn]) if (d) expect(d <= '2024-06-01').toBe(true);
    }
    expect(early.some((p) => deriveStage(p.steps, catalogue.lifecycle) === 'IMPLEMENTATION')).toBe(true);
  });

  it('reports a shortfall when too few communes are eligible, and refuses duplicate units', () => {
    const few = generatePilots({ ...inputs(['40'], 8), today: TODAY });
    expect(few.shortfalls.find((s) => s.kind === 'SMART_COMMUNE')).toMatchObject({ provinceCode: '40', target: 10 });
    expect(few.shortfalls.find((s) => s.provinceCode === '42' && s.kind === 'DISTRICT_DATA_PILOT')).toEqual({
      provinceCode: '42',
      kind: 'DISTRICT_DATA_PILOT',
      target: 3,
      generated: 0,
    });
    const dup = inputs(['40'], 3);
    expect(() => generatePilots({ ...dup, communes: [...dup.communes, dup.communes[0]], today: TODAY })).toThrow(PilotInputError);
  });
});

describe('readFirstBatch', () => {
  it('reads the nine real first-batch communes with no invented dates or funding', () => {
    const pilots = readFirstBatch(readFileSync(firstBatchFile(), 'utf8'), catalogue);
    expect(pilots).toHaveLength(9);
    expect(pilots.filter((p) => p.kind === 'SMART_COMMUNE')).toHaveLength(6);
    expect(pilots.filter((p) => p.kind === 'ECOMMERCE_COMMUNE')).toHaveLength(3);
    expect(pilots.find((p) => p.unitId === '19894@2025-03-01')).toMatchObject({
      unitName: 'Xã Quảng Thọ',
      generated: false,
      status: 'SELECTED',
      approval: null,
      funding: null,
      topicGroups: null,
    });
    for (const p of pilots) {
      expect(p.steps.every((s) => s.plannedOn === null && s.startedOn === null && s.completedOn === null)).toBe(true);
      expect(scheduleOf(p.steps, catalogue, TODAY).status).toBe('UNKNOWN');
      expect(validatePilot(p, catalogue, TODAY)).toEqual([]);
    }
  });

  it('refuses a bad row naming its line and column', () => {
    const head = 'kind,commune_code_2025_03_01,commune_name,district_name,province_name\n';
    try {
      readFirstBatch(
        head + 'SMART_VILLAGE,1421,Xã A,Huyện B,Tỉnh C\nSMART_COMMUNE,14212,,Huyện B,Tỉnh C\nSMART_COMMUNE,14212,Xã A,Huyện B,Tỉnh C\n',
        catalogue,
      );
      throw new Error('expected a PilotInputError');
    } catch (e) {
      expect((e as PilotInputError).errors.map((x) => x.field)).toEqual([
        'first-batch.csv line 2, column kind',
        'first-batch.csv line 2, column commune_code_2025_03_01',
        'first-batch.csv line 3, column commune_name',
        'first-batch.csv line 4, column commune_code_2025_03_01',
      ]);
    }
    expect(() => readFirstBatch('kind,commune_name\nSMART_COMMUNE,Xã A\n', catalogue)).toThrow(/missing column/);
  });
});
