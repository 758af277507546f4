import { Migration } from '@mikro-orm/migrations';

/** Links between a post-reform unit and the pre-reform units it was formed from. */
export class Migration20261123020000_lineage extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table unit_lineage (
        successor_id text not null references admin_unit (id) on delete cascade,
        predecessor_id text not null references admin_unit (id) on delete cascade,
        share text not null check (share in ('WHOLE', 'PART')),
        source_text text not null,
        primary key (successor_id, predecessor_id)
      )`);
    this.addSql(`create index unit_lineage_predecessor_index on unit_lineage (predecessor_id)`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists unit_lineage`);
  }
}
