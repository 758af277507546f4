import { Migration } from '@mikro-orm/migrations';

/**
 * Criteria sets, their criteria and indicators (loaded from data files), yearly indicator values,
 * and recognition decisions. (The unit-profile replica's table, created here at first, is now
 * described by @ntm/admin-unit-contract's migration, which creates it if it does not exist.)
 */
export class Migration20261123010000_criteria extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table criteria_set (
        code text primary key,
        kind text not null,
        phase text not null,
        level text not null check (level in ('COMMUNE', 'DISTRICT')),
        tier text not null,
        name_vi text not null,
        name_en text not null,
        legal_basis text not null,
        source text not null,
        confidence text not null
      )`);
    this.addSql(`
      create table criterion (
        id serial primary key,
        set_code text not null references criteria_set (code) on delete cascade,
        number int not null,
        name_vi text not null,
        name_en text not null,
        constraint criterion_set_number_unique unique (set_code, number)
      )`);
    this.addSql(`
      create table indicator (
        id serial primary key,
        set_code text not null references criteria_set (code) on delete cascade,
        criterion_id int not null references criterion (id) on delete cascade,
        code text not null,
        name_vi text not null,
        name_en text not null,
        value_type text not null check (value_type in ('BOOLEAN', 'PERCENTAGE', 'NUMBER', 'CATEGORY')),
        unit_of_measure text null,
        threshold_rule text null,
        threshold_placeholder boolean not null default false,
        confidence text not null,
        source text not null,
        position int not null,
        constraint indicator_set_code_unique unique (set_code, code)
      )`);
    this.addSql(`
      create table indicator_value (
        indicator_id int not null references indicator (id) on delete cascade,
        year smallint not null,
        unit_id text not null,
        value text not null,
        numeric_value double precision null,
        status text not null default 'DRAFT' check (status in ('DRAFT', 'SUBMITTED', 'APPROVED')),
        source text not null,
        recorded_by text not null,
        recorded_at timestamptz not null default now(),
        primary key (indicator_id, year, unit_id)
      )`);
    this.addSql(`create index indicator_value_unit_year_index on indicator_value (unit_id, year)`);
    this.addSql(`create index indicator_value_recorded_at_index on indicator_value (recorded_at)`);
    this.addSql(`
      create table recognition_decision (
        id serial primary key,
        unit_id text not null,
        set_code text not null references criteria_set (code),
        decision_number text not null,
        decided_on date not null,
        authority text not null,
        generated boolean not null default false,
        constraint recognition_unit_set_unique unique (unit_id, set_code, decision_number)
      )`);
    this.addSql(`create index recognition_decision_unit_index on recognition_decision (unit_id)`);
  }

  override async down(): Promise<void> {
    for (const table of ['recognition_decision', 'indicator_value', 'indicator', 'criterion', 'criteria_set']) {
      this.addSql(`drop table if exists ${table}`);
    }
  }
}
