import { Migration20261123000000_units } from './Migration20261123000000_units';

/** Committed migrations, oldest first. */
export const migrations = [{ name: 'Migration20261123000000_units', class: Migration20261123000000_units }];
