import { cooperativeNameKey, ProposedCooperative, registrationKey, registrationShape, statusChangeProblem, validateCooperative } from './cooperative';

const ctx = { today: '2026-12-01', communeLevel: 'COMMUNE' as const };
const coop = (over: Partial<ProposedCooperative> = {}): ProposedCooperative => ({
  legalForm: 'COOPERATIVE',
  registrationNumber: '2901234567',
  name: 'HTX Nông nghiệp Hưng Đông',
  communeCode: '17380',
  foundedOn: '2019-04-01',
  members: 12,
  mainSector: 'AGRICULTURE',
  status: 'ACTIVE',
  ...over,
});
const fields = (c: ProposedCooperative, context: Parameters<typeof validateCooperative>[1] = ctx) =>
  validateCooperative(c, context).problems.map((p) => p.field);

describe('validateCooperative', () => {
  it('accepts a valid cooperative', () => expect(validateCooperative(coop(), ctx)).toEqual({ problems: [], warnings: [] }));
  it('refuses a duplicate registration number, ignoring case and spaces', () => {
    const taken = new Set([registrationKey('29012 34567')]);
    expect(fields(coop(), { ...ctx, takenRegistrationKeys: taken })).toEqual(['registrationNumber']);
  });
  it('refuses a district or an unknown unit as the commune', () => {
    expect(validateCooperative(coop(), { ...ctx, communeLevel: 'DISTRICT' }).problems).toEqual([
      { field: 'communeCode', reason: '17380 is a district, not a commune' },
    ]);
    expect(fields(coop(), { ...ctx, communeLevel: null })).toEqual(['communeCode']);
  });
  it('refuses fewer than 5 members of a cooperative (Law 17/2023 Art. 4.7), only warns for unverified minimums', () => {
    expect(fields(coop({ members: 4 }))).toEqual(['members']);
    const union = validateCooperative(coop({ legalForm: 'COOPERATIVE_UNION', members: 2 }), ctx);
    expect(union.problems).toEqual([]);
    expect(union.warnings.map((w) => w.field)).toEqual(['members']);
  });
  it('names each bad field', () => {
    expect(
      fields(
        coop({ legalForm: 'LLC', registrationNumber: 'ab#1', name: ' ', foundedOn: '2027-01-01', mainSector: 'X', status: 'GONE', members: 1.5 }),
      ),
    ).toEqual(['legalForm', 'registrationNumber', 'name', 'foundedOn', 'members', 'mainSector', 'status']);
  });
  it('classifies registration shapes without enforcing them', () => {
    expect(registrationShape('2901234567')).toBe('TAX_CODE_10');
    expect(registrationShape('2901234567-001')).toBe('TAX_CODE_13');
    expect(registrationShape('27/HTX')).toBe('OTHER');
    expect(fields(coop({ registrationNumber: '27/HTX' }))).toEqual([]);
  });
  it('folds names and keeps dissolution final', () => {
    expect(cooperativeNameKey('HTX  Hưng Đông')).toBe(cooperativeNameKey('htx hung dong'));
    expect(statusChangeProblem('DISSOLVED', 'ACTIVE')).toMatch(/dissolved/);
    expect(statusChangeProblem('SUSPENDED', 'ACTIVE')).toBeNull();
  });
});
