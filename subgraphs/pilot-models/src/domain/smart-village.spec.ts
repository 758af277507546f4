import { readCatalogue } from '../data-files';
import { evaluateVillageChecklist, type ChecklistInput } from './smart-village';
import { PilotInputError } from './types';

const { villageRequirements: reqs } = readCatalogue();
const ALL_MET: Record<string, ChecklistInput> = {
  DIGITAL_TEAM: { value: true, evidence: { kind: 'DECISION', reference: '45/QĐ-UBND xã', date: '2024-03-01' } },
  CHAT_CHANNEL: { value: true },
  ECOMMERCE_REGISTRATION: { value: true },
  CULTURAL_HOUSE_WIFI: { value: true },
  DIGITAL_ADDRESS: { value: 100 },
  FIBRE_HOUSEHOLDS: { value: 80, source: 'village survey 2024' },
  SMARTPHONE_HOUSEHOLDS: { value: 93.5 },
  HEALTH_APPS: { value: 70 },
  TRACEABILITY: { value: true },
  MONTHLY_NEWS: { value: 2 },
};
const item = (c: ReturnType<typeof evaluateVillageChecklist>, code: string) => c.items.find((i) => i.code === code)!;

describe('the requirements file', () => {
  it('holds the ten items of seed 003 §III.5 with their thresholds', () => {
    expect(reqs.map((r) => `${r.code} ${r.thresholdText}`)).toEqual([
      'DIGITAL_TEAM = true',
      'CHAT_CHANNEL = true',
      'ECOMMERCE_REGISTRATION = true',
      'CULTURAL_HOUSE_WIFI = true',
      'DIGITAL_ADDRESS = 100',
      'FIBRE_HOUSEHOLDS >= 80',
      'SMARTPHONE_HOUSEHOLDS >= 90',
      'HEALTH_APPS >= 70',
      'TRACEABILITY = true',
      'MONTHLY_NEWS >= 1',
    ]);
  });
});

describe('evaluateVillageChecklist', () => {
  it('a village meeting every item is complete', () => {
    const c = evaluateVillageChecklist(reqs, ALL_MET, true);
    expect(c).toMatchObject({ complete: true, metCount: 10, applicableCount: 10 });
    expect(item(c, 'FIBRE_HOUSEHOLDS')).toMatchObject({ status: 'MET', value: 80, threshold: '>= 80', source: 'village survey 2024' });
  });

  it('applies each threshold: 79 % fibre, 99 % addresses and no news are NOT_MET', () => {
    const c = evaluateVillageChecklist(reqs, {
      ...ALL_MET,
      FIBRE_HOUSEHOLDS: { value: 79.9 },
      DIGITAL_ADDRESS: { value: 99 },
      MONTHLY_NEWS: { value: 0 },
      CHAT_CHANNEL: { value: false },
    });
    expect(c.items.filter((i) => i.status === 'NOT_MET').map((i) => i.code)).toEqual([
      'CHAT_CHANNEL',
      'DIGITAL_ADDRESS',
      'FIBRE_HOUSEHOLDS',
      'MONTHLY_NEWS',
    ]);
    expect(c.complete).toBe(false);
    expect(c.metCount).toBe(6);
  });

  it('a missing value, or a team without its decision, is NO_DATA, never MET', () => {
    const { HEALTH_APPS: _dropped, ...rest } = ALL_MET;
    const c = evaluateVillageChecklist(reqs, { ...rest, DIGITAL_TEAM: { value: true } });
    expect(item(c, 'HEALTH_APPS')).toMatchObject({ status: 'NO_DATA', reason: 'no value' });
    expect(item(c, 'DIGITAL_TEAM').status).toBe('NO_DATA');
    expect(c.complete).toBe(false);
  });

  it('traceability does not apply to a village without products, and is evaluated when that is unknown', () => {
    const none = evaluateVillageChecklist(reqs, { ...ALL_MET, TRACEABILITY: { value: null } }, false);
    expect(item(none, 'TRACEABILITY').status).toBe('NOT_APPLICABLE');
    expect(none).toMatchObject({ complete: true, applicableCount: 9 });
    expect(item(evaluateVillageChecklist(reqs, { ...ALL_MET, TRACEABILITY: { value: null } }, null), 'TRACEABILITY').status).toBe('NO_DATA');
  });

  it('refuses unknown codes and values of the wrong type, naming each field', () => {
    expect(() => evaluateVillageChecklist(reqs, { NOPE: { value: true } })).toThrow(PilotInputError);
    try {
      evaluateVillageChecklist(reqs, {
        FIBRE_HOUSEHOLDS: { value: 120 },
        CHAT_CHANNEL: { value: 1 },
        MONTHLY_NEWS: { value: true },
        DIGITAL_TEAM: { value: true, evidence: { kind: 'DECISION', reference: '' } },
      });
    } catch (e) {
      expect((e as PilotInputError).errors.map((x) => x.field)).toEqual([
        'items.FIBRE_HOUSEHOLDS.value',
        'items.CHAT_CHANNEL.value',
        'items.MONTHLY_NEWS.value',
        'items.DIGITAL_TEAM.evidence.reference',
      ]);
      return;
    }
    throw new Error('expected a PilotInputError');
  });
});
