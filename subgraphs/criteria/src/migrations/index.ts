import { unitProfileMigrations } from '@ntm/admin-unit-contract';
import { Migration20261123010000_criteria } from './Migration20261123010000_criteria';
import { Migration20261201020000_value_audit } from './Migration20261201020000_value_audit';
import { Migration20261201030000_change_log } from './Migration20261201030000_change_log';
import { Migration20261201030000_imports } from './Migration20261201030000_imports';
import { Migration20261201100000_change_log_shared } from './Migration20261201100000_change_log_shared';
import { Migration20261201110000_audit_search_path } from './Migration20261201110000_audit_search_path';

/** Committed migrations, oldest first; the unit-profile replica's table comes with the AdminUnit contract. */
export const migrations = [
  { name: 'Migration20261123010000_criteria', class: Migration20261123010000_criteria },
  ...unitProfileMigrations,
  { name: 'Migration20261201020000_value_audit', class: Migration20261201020000_value_audit },
  { name: 'Migration20261201030000_change_log', class: Migration20261201030000_change_log },
  { name: 'Migration20261201030000_imports', class: Migration20261201030000_imports },
  { name: 'Migration20261201100000_change_log_shared', class: Migration20261201100000_change_log_shared },
  { name: 'Migration20261201110000_audit_search_path', class: Migration20261201110000_audit_search_path },
];
