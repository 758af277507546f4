import { Migration20261123010000_criteria } from './Migration20261123010000_criteria';

/** Committed migrations, oldest first. */
export const migrations = [{ name: 'Migration20261123010000_criteria', class: Migration20261123010000_criteria }];
