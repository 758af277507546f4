import { port, postgresUrl, readEnv } from '@ntm/kit';

/** Settings of a standalone admin-units process, all checked at start. */
export const readAdminUnitsEnv = () =>
  readEnv({
    databaseUrl: ['DATABASE_URL', postgresUrl],
    port: ['ADMIN_UNITS_PORT', port(4001)],
  });
