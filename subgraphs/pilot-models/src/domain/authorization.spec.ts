import { decideWrite } from './authorization';

const unit = { unitId: '19894@2025-03-01', areaIds: ['19894@2025-03-01', '46@2025-03-01', '474@2025-03-01', '19900@2025-07-01', '46@2025-07-01'] };

describe('write authorization', () => {
  it('refuses an anonymous write as UNAUTHENTICATED', () => {
    expect(decideWrite(null, 'EDITOR', [unit])).toMatchObject({ allowed: false, code: 'UNAUTHENTICATED' });
  });
  it('refuses a user without the role', () => {
    expect(decideWrite({ id: 'a', roles: ['EDITOR', 'MINISTRY'], scopes: ['46@2025-07-01'] }, 'APPROVER', [unit])).toMatchObject({
      allowed: false,
      code: 'FORBIDDEN',
      field: null,
    });
  });
  it('allows an editor whose scope is an area of the unit, through the lineage too', () => {
    expect(decideWrite({ id: 'e', roles: ['EDITOR'], scopes: ['46@2025-07-01'] }, 'EDITOR', [unit])).toEqual({ allowed: true, actor: 'e' });
  });
  it('refuses an editor of another area, naming unitId', () => {
    expect(decideWrite({ id: 'e', roles: ['EDITOR'], scopes: ['40@2025-07-01'] }, 'EDITOR', [unit])).toMatchObject({
      allowed: false,
      code: 'FORBIDDEN',
      field: 'unitId',
    });
  });
  it('reads a scope given as an official code on either list', () => {
    expect(decideWrite({ id: 'e', roles: ['EDITOR'], scopes: ['46'] }, 'EDITOR', [unit])).toEqual({ allowed: true, actor: 'e' });
    expect(decideWrite({ id: 'e', roles: ['EDITOR'], scopes: ['4'] }, 'EDITOR', [unit])).toMatchObject({ allowed: false, field: 'unitId' });
  });
  it('lets an ADMIN write anywhere', () => {
    expect(decideWrite({ id: 'root', roles: ['ADMIN'], scopes: [] }, 'APPROVER', [unit])).toEqual({ allowed: true, actor: 'root' });
  });
});
