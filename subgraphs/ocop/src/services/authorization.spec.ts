import type { EntityManager } from '@mikro-orm/postgresql';
import type { User } from '@ntm/kit';
import { GraphQLError } from 'graphql';
import { authorize, needForStars, type Need } from './authorization';

const em = {} as EntityManager; // the role checks below never reach the scope query (no unit given)
const user = (roles: User['roles']): User => ({ sub: 'u', name: 'u', roles, units: ['40'] });

async function codeOf(u: User | null, need: Need): Promise<unknown> {
  try {
    await authorize({ user: u, em }, need, null);
    return 'ALLOWED';
  } catch (error) {
    return (error as GraphQLError).extensions.code;
  }
}

describe('ocop authorization', () => {
  it('refuses an anonymous write with UNAUTHENTICATED', async () => {
    for (const need of ['EDITOR', 'APPROVER', 'MINISTRY'] as const) expect(await codeOf(null, need)).toBe('UNAUTHENTICATED');
  });

  it('lets an EDITOR create, but only an APPROVER rate 3–4★ and only the MINISTRY (or ADMIN) rate 5★', async () => {
    expect(await codeOf(user(['EDITOR']), 'EDITOR')).toBe('ALLOWED');
    expect(await codeOf(user(['EDITOR']), 'APPROVER')).toBe('FORBIDDEN');
    expect(await codeOf(user(['APPROVER']), 'APPROVER')).toBe('ALLOWED');
    expect(await codeOf(user(['APPROVER']), 'MINISTRY')).toBe('FORBIDDEN');
    expect(await codeOf(user(['MINISTRY']), 'MINISTRY')).toBe('ALLOWED');
    expect(await codeOf(user(['MINISTRY']), 'EDITOR')).toBe('FORBIDDEN');
    expect(await codeOf(user(['ADMIN']), 'MINISTRY')).toBe('ALLOWED');
  });

  it('asks an APPROVER for 3–4★ and the MINISTRY for 5★ (QĐ 26/2026 Art. 4.1)', () => {
    expect([3, 4, 5].map(needForStars)).toEqual(['APPROVER', 'APPROVER', 'MINISTRY']);
  });
});
