import { unitProfileMigrations } from '@ntm/admin-unit-contract';
import { Migration20261201210000_change_log } from './Migration20261201210000_change_log';
import { Migration20261201200000_ocop } from './Migration20261201200000_ocop';

/** Committed migrations, oldest first (the unit-profile replica's after the subgraph's own). */
export const migrations = [
  { name: 'Migration20261201200000_ocop', class: Migration20261201200000_ocop },
  ...unitProfileMigrations,
  { name: 'Migration20261201210000_change_log', class: Migration20261201210000_change_log },
];
