import { Migration20261123000000_units } from './Migration20261123000000_units';
import { Migration20261123020000_lineage } from './Migration20261123020000_lineage';
import { Migration20261201090000_commune_group } from './Migration20261201090000_commune_group';

/** Committed migrations, oldest first. */
export const migrations = [
  { name: 'Migration20261123000000_units', class: Migration20261123000000_units },
  { name: 'Migration20261123020000_lineage', class: Migration20261123020000_lineage },
  { name: 'Migration20261201090000_commune_group', class: Migration20261201090000_commune_group },
];
