import { optional, port, postgresUrl, readEnv } from '@ntm/kit';

/** Settings of a standalone criteria process, all checked at start. */
export const readCriteriaEnv = () =>
  readEnv({
    databaseUrl: ['DATABASE_URL', postgresUrl],
    port: ['CRITERIA_PORT', port(4002)],
    adminUnitsUrl: ['ADMIN_UNITS_URL', optional],
  });
