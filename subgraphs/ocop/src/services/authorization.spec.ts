import { GraphQLError } from 'graphql';
import { authorize, needForStars } from './authorization';

describe('authorization (not wired to sign-in yet)', () => {
  it('refuses every write with UNAUTHENTICATED while no user reaches the subgraph', () => {
    for (const need of ['EDITOR', 'APPROVER', 'MINISTRY'] as const) {
      let code: unknown;
      try {
        authorize({ requestId: 'r' }, need, ['40@2025-07-01']);
      } catch (error) {
        code = (error as GraphQLError).extensions.code;
      }
      expect(code).toBe('UNAUTHENTICATED');
    }
  });

  it('asks an APPROVER for 3–4★ and the MINISTRY for 5★ (QĐ 26/2026 Art. 4.1)', () => {
    expect([3, 4, 5].map(needForStars)).toEqual(['APPROVER', 'APPROVER', 'MINISTRY']);
  });
});
