import { hasRole, requireRole, requireUser, type User } from './identity';
import { internalIdentitySigner, signInternalIdentity, verifyInternalIdentity } from './internal-token';

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

  it('signs one token per identity and reuses it, a different one for another identity', async () => {
    const sign = internalIdentitySigner('r'.repeat(32));
    const first = await sign(editor);
    expect(await sign({ ...editor })).toBe(first);
    expect(await sign({ ...editor, units: ['42'] })).not.toBe(first);
    expect(await sign(null)).not.toBe(first);
    expect(await verifyInternalIdentity('r'.repeat(32), first)).toEqual(editor);
  });

  it('remembers a verified token per secret, as a frozen user, and not past its expiry', async () => {
    const secret = 'v'.repeat(32);
    const token = await signInternalIdentity(secret, editor, 2);
    const user = await verifyInternalIdentity(secret, token);
    expect(user).toEqual(editor);
    expect(Object.isFrozen(user) && Object.isFrozen(user!.units)).toBe(true);
    expect(await verifyInternalIdentity(secret, token)).toBe(user); // the remembered object
    await expect(verifyInternalIdentity('w'.repeat(32), token)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    jest.useFakeTimers({ now: Date.now() + 3_000 });
    try {
      await expect(verifyInternalIdentity(secret, token)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    } finally {
      jest.useRealTimers();
    }
  });
});
