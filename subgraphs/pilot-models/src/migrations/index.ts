import { unitProfileMigrations } from '@ntm/admin-unit-contract';
import { Migration20261201210000_change_log } from './Migration20261201210000_change_log';
import { Migration20261201200000_pilot_models } from './Migration20261201200000_pilot_models';

/** Committed migrations, oldest first; the unit-profile replica's come from the contract package. */
export const migrations = [
  { name: 'Migration20261201200000_pilot_models', class: Migration20261201200000_pilot_models },
  ...unitProfileMigrations,
  { name: 'Migration20261201210000_change_log', class: Migration20261201210000_change_log },
];
