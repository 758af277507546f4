import { EnvError, optional, port, postgresUrl, readEnv, type EnvSpec } from './read-env';

describe('readEnv', () => {
  const spec: EnvSpec<{ databaseUrl: string; port: number; name: string | undefined }> = {
    databaseUrl: ['DATABASE_URL', postgresUrl],
    port: ['PORT', port(4001)],
    name: ['NAME', optional],
  };

  it('reads and defaults settings', () => {
    expect(readEnv(spec, { DATABASE_URL: 'postgres://u@h/db' })).toEqual({ databaseUrl: 'postgres://u@h/db', port: 4001, name: undefined });
  });

  it('reports every problem at once, naming each variable', () => {
    try {
      readEnv(spec, { DATABASE_URL: 'mysql://x', PORT: '99999' });
      throw new Error('expected an EnvError');
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      expect((error as EnvError).problems).toEqual(['DATABASE_URL must be a postgres:// URL', 'PORT must be a port number (0-65535), got "99999"']);
    }
  });
});
