import { hasRole, requireRole, requireUser, type User } from './identity';
import { signInternalIdentity, verifyInternalIdentity } from './internal-token';

const editor: User = { sub: 'lan', name: 'Lan', roles: ['EDITOR'], units: ['40'] };

describe('identity', () => {
  it('refuses anonymous users UNAUTHENTICATED and wrong roles FORBIDDEN, naming what is needed', () => {
    expect(() => requireUser(null, 'setIndicatorValues')).toThrow(expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } }));
    expect(requireRole(editor, ['EDITOR', 'ADMIN'], 'setIndicatorValues')).toBe(editor);
    expect(() => requireRole(editor, ['APPROVER'], 'approveIndicatorValues')).toThrow(
      /approveIndicatorValues needs the role APPROVER; "lan" has EDITOR/,
    );
    expect(hasRole(editor, 'MINISTRY', 'ADMIN')).toBe(false);
    expect(hasRole(null, 'EDITOR')).toBe(false);
  });

  it('round-trips the forwarded identity, drops unknown roles, and refuses short secrets and expired tokens', async () => {
    const secret = 's'.repeat(32);
    const token = await signInternalIdentity(secret, { ...editor, roles: ['EDITOR', 'ROOT' as never] });
    expect(await verifyInternalIdentity(secret, token)).toEqual(editor);
    await expect(signInternalIdentity('short', editor)).rejects.toThrow(/at least 32/);
    const expired = await signInternalIdentity(secret, editor, -5);
    await expect(verifyInternalIdentity(secret, expired)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  });
});
