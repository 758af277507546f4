import { Migration } from '@mikro-orm/migrations';

/** TEMPLATE: the example table, exactly as the entity describes it (a test compares them). */
export class Migration20261201100000_example extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table example (id serial primary key, unit_id text not null, title text not null)`);
    this.addSql(`create index example_unit_id_index on example (unit_id)`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists example`);
  }
}
