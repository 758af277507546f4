import { Migration } from '@mikro-orm/migrations';

/**
 * The audit trigger functions keep the search_path of the migration that runs this (the criteria
 * schema), as the change-log capture does: a write from a session with another search_path (a
 * DBA's script, another pool) is audited into this schema's table instead of failing or missing it.
 */
export class Migration20261201110000_audit_search_path extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter function indicator_value_audit_insert() set search_path from current`);
    this.addSql(`alter function indicator_value_audit_update() set search_path from current`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter function indicator_value_audit_insert() reset search_path`);
    this.addSql(`alter function indicator_value_audit_update() reset search_path`);
  }
}
