import { Migration } from '@mikro-orm/migrations';

/** The pilot-model tables, exactly as the entities describe them (an end-to-end test compares them). */
export class Migration20261201200000_pilot_models extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table lifecycle_step (
      code text primary key, phase text not null, step_order integer not null, name_vi text not null, name_en text not null,
      depends_on text[] not null default '{}', evidence_required boolean not null, central_step integer not null,
      source text not null, quote_vi text not null)`);
    this.addSql(`create table central_plan_step (
      step integer primary key, code text not null, name_vi text not null, name_en text not null, starts_on date null,
      deadline date not null, responsible text not null, source text not null, quote_vi text not null, note text not null)`);
    this.addSql(`create table village_profile (unit_id text primary key, code text not null, name text not null, commune_unit_id text not null)`);
    this.addSql(`create table pilot (
      id text primary key, kind text not null, unit_id text not null, unit_level text not null, unit_name text not null,
      area_unit_id text not null, province_code text null, topic_groups text[] null,
      approval_number text null, approval_date date null, approval_authority text null,
      status text not null, stage text not null, declared_total bigint null, generated boolean not null,
      source text not null, note text null,
      created_by text not null, created_at timestamptz not null default now(),
      updated_by text not null, updated_at timestamptz not null default now())`);
    this.addSql(`create index pilot_area_unit_id_index on pilot (area_unit_id)`);
    this.addSql(`create index pilot_unit_id_index on pilot (unit_id)`);
    this.addSql(`create table pilot_step (
      pilot_id text not null, code text not null, planned_on date null, started_on date null, completed_on date null,
      evidence_kind text null, evidence_reference text null, evidence_date date null, evidence_authority text null,
      updated_by text not null, updated_at timestamptz not null default now(),
      constraint pilot_step_pkey primary key (pilot_id, code))`);
    this.addSql(`create table funding_line (
      pilot_id text not null, source text not null, planned bigint not null, disbursed bigint not null,
      updated_by text not null, updated_at timestamptz not null default now(),
      constraint funding_line_pkey primary key (pilot_id, source))`);
    this.addSql(`create table village_checklist_item (
      pilot_id text not null, code text not null, value text null, evidence_reference text null, source text null,
      updated_by text not null, updated_at timestamptz not null default now(),
      constraint village_checklist_item_pkey primary key (pilot_id, code))`);
    this.addSql(`create table pilot_change (
      id serial primary key, pilot_id text not null, action text not null, detail jsonb not null, actor text not null,
      at timestamptz not null default now())`);
    this.addSql(`create index pilot_change_pilot_id_index on pilot_change (pilot_id)`);
  }

  override async down(): Promise<void> {
    for (const t of [
      'pilot_change',
      'village_checklist_item',
      'funding_line',
      'pilot_step',
      'pilot',
      'village_profile',
      'central_plan_step',
      'lifecycle_step',
    ]) {
      this.addSql(`drop table if exists ${t}`);
    }
  }
}
