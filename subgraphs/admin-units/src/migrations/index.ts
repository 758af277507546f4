import { Migration20261123000000_units } from './Migration20261123000000_units';
import { Migration20261123020000_lineage } from './Migration20261123020000_lineage';

/** Committed migrations, oldest first. */
export const migrations = [
  { name: 'Migration20261123000000_units', class: Migration20261123000000_units },
  { name: 'Migration20261123020000_lineage', class: Migration20261123020000_lineage },
];
