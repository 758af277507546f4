import { verifyInternalIdentity } from '@ntm/kit';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createAuthenticator, userFromClaims } from './verify';

const SECRET = 'x'.repeat(40);

describe('gateway sign-in', () => {
  it('reads roles from "roles" or Keycloak realm roles, keeps only this graph’s roles, and units from a list or a string', () => {
    expect(userFromClaims({ sub: 'u1', roles: ['editor', 'offline_access'], units: ['40', '42'] }, {})).toEqual({
      sub: 'u1',
      name: 'u1',
      roles: ['EDITOR'],
      units: ['40', '42'],
    });
    expect(
      userFromClaims({ sub: 'u2', preferred_username: 'an.nguyen', realm_access: { roles: ['APPROVER', 'uma_authorization'] }, units: '40 42' }, {}),
    ).toEqual({
      sub: 'u2',
      name: 'an.nguyen',
      roles: ['APPROVER'],
      units: ['40', '42'],
    });
    expect(userFromClaims({ sub: 'u3', groups: ['MINISTRY'], ntm_units: ['01'] }, { rolesClaim: 'groups', unitsClaim: 'ntm_units' })).toMatchObject({
      roles: ['MINISTRY'],
      units: ['01'],
    });
  });

  it('treats no header as anonymous, refuses bad tokens, and forwards the verified user signed for subgraphs', async () => {
    const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'EdDSA' };
    const auth = createAuthenticator({ issuer: 'test-issuer', jwks: { keys: [jwk] }, internalSecret: SECRET });
    const sign = (issuer: string, exp: string | number) =>
      new SignJWT({ roles: ['EDITOR'], units: ['40'] })
        .setProtectedHeader({ alg: 'EdDSA', kid: 'k1' })
        .setIssuer(issuer)
        .setSubject('e1')
        .setExpirationTime(exp)
        .sign(privateKey);

    expect(await auth.authenticate(undefined)).toBeNull();
    const user = await auth.authenticate(`Bearer ${await sign('test-issuer', '1h')}`);
    expect(user).toEqual({ sub: 'e1', name: 'e1', roles: ['EDITOR'], units: ['40'] });
    await expect(auth.authenticate(`Bearer ${await sign('other-issuer', '1h')}`)).rejects.toMatchObject({
      message: expect.stringMatching(/"iss"/),
      extensions: { code: 'UNAUTHENTICATED' },
    });
    await expect(auth.authenticate(`Bearer ${await sign('test-issuer', Math.floor(Date.now() / 1000) - 10)}`)).rejects.toThrow(/expired/);
    await expect(auth.authenticate('Basic abc')).rejects.toThrow(/Bearer/);

    expect(await verifyInternalIdentity(SECRET, await auth.forward(user))).toEqual(user);
    expect(await verifyInternalIdentity(SECRET, await auth.forward(null))).toBeNull();
    await expect(verifyInternalIdentity('y'.repeat(40), await auth.forward(user))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    await expect(verifyInternalIdentity(SECRET, undefined)).rejects.toThrow(/x-ntm-identity/);
  });

  it('checks a token once and remembers its user until the token expires, never a refused one', async () => {
    const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k2', alg: 'EdDSA' };
    const auth = createAuthenticator({ issuer: 'test-issuer', jwks: { keys: [jwk] }, internalSecret: SECRET });
    const token = await new SignJWT({ roles: ['APPROVER'] })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'k2' })
      .setIssuer('test-issuer')
      .setSubject('a1')
      .setExpirationTime(Math.floor(Date.now() / 1000) + 2)
      .sign(privateKey);
    const user = await auth.authenticate(`Bearer ${token}`);
    expect(user).toMatchObject({ sub: 'a1', roles: ['APPROVER'] });
    expect(await auth.authenticate(`Bearer  ${token} `)).toBe(user); // remembered, whatever the spacing
    expect(await auth.forward(user)).toBe(await auth.forward(user)); // one signed identity per user
    await expect(auth.authenticate(`Bearer ${token.slice(0, -2)}xx`)).rejects.toThrow(/signature/);
    jest.useFakeTimers({ now: Date.now() + 3_000 });
    try {
      await expect(auth.authenticate(`Bearer ${token}`)).rejects.toThrow(/expired/);
    } finally {
      jest.useRealTimers();
    }
  });
});
