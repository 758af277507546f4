import { unitProfileMigrations } from '@ntm/admin-unit-contract';
import { Migration20261201200000_pilot_models } from './Migration20261201200000_pilot_models';

/** Committed migrations, oldest first; the unit-profile replica's come from the contract package. */
export const migrations = [{ name: 'Migration20261201200000_pilot_models', class: Migration20261201200000_pilot_models }, ...unitProfileMigrations];
