import { Migration20261201100000_example } from './Migration20261201100000_example';

/** Committed migrations, oldest first. */
export const migrations = [{ name: 'Migration20261201100000_example', class: Migration20261201100000_example }];
