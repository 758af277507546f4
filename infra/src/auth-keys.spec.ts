import { decodeJwt, importJWK, jwtVerify } from 'jose';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureAuthKeys, hasAuthKeys, mintToken, tokenRequestProblems } from './auth-keys';
import { parseTokenArgs } from './token';

describe('embedded sign-in keys and npm run token', () => {
  it('makes a key pair once, and mints tokens the public half verifies', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ntm-auth-spec-'));
    // npm run token refuses a folder without keys instead of making a pair no running graph knows.
    expect(hasAuthKeys(dir)).toBe(false);
    const keys = await ensureAuthKeys(dir);
    expect(hasAuthKeys(dir)).toBe(true);
    const again = await ensureAuthKeys(dir);
    expect(again.signingKey).toEqual(keys.signingKey);
    expect(again.internalSecret).toBe(keys.internalSecret);
    expect(keys.internalSecret.length).toBeGreaterThanOrEqual(32);
    expect(JSON.parse(readFileSync(keys.jwksFile, 'utf8')).keys[0].d).toBeUndefined();

    const token = await mintToken(keys, parseTokenArgs(['--role', 'EDITOR', '--unit', '40', '--unit', '42', '--sub', 'lan', '--ttl', '30m']));
    const { payload } = await jwtVerify(token, await importJWK(keys.jwks.keys[0], 'EdDSA'), { issuer: 'ntm-local' });
    expect(payload).toMatchObject({ sub: 'lan', roles: ['EDITOR'], units: ['40', '42'] });
    expect(payload.exp! - payload.iat!).toBe(30 * 60);
    expect(decodeJwt(await mintToken(keys, { roles: ['MINISTRY'], units: [], ttl: '3600' }))).toMatchObject({ sub: 'ministry-all' });
  });

  it('keeps only the key folder private, so PostgreSQL (another user) can still enter the data folder beside it', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'ntm-auth-'));
    await ensureAuthKeys(path.join(root, '.data', 'auth'));
    expect(statSync(path.join(root, '.data')).mode & 0o005).toBe(0o005);
    expect(statSync(path.join(root, '.data', 'auth')).mode & 0o077).toBe(0);
  });

  it('says what is wrong with a token request', () => {
    expect(tokenRequestProblems({ roles: [], units: [] })).toEqual([expect.stringMatching(/--role is required/)]);
    expect(tokenRequestProblems({ roles: ['EDITOR'], units: [] })).toEqual([expect.stringMatching(/--unit is required/)]);
    expect(tokenRequestProblems({ roles: ['BOSS' as never], units: ['Nghệ An'], ttl: 'soon' })).toEqual([
      expect.stringMatching(/unknown role "BOSS"/),
      expect.stringMatching(/"Nghệ An" is not a unit code/),
      expect.stringMatching(/--ttl/),
    ]);
    expect(() => parseTokenArgs(['--unit'])).toThrow(/--unit needs a value/);
    expect(() => parseTokenArgs(['--roles', 'X'])).toThrow(/unknown argument "--roles"/);
  });
});
