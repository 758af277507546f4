import { unitProfileMigrations } from '@ntm/admin-unit-contract';
import { Migration20261201200000_ocop } from './Migration20261201200000_ocop';

/** Committed migrations, oldest first (the unit-profile replica's after the subgraph's own). */
export const migrations = [{ name: 'Migration20261201200000_ocop', class: Migration20261201200000_ocop }, ...unitProfileMigrations];
