import { Migration } from '@mikro-orm/migrations';

/**
 * The OCOP tables, exactly as the entities describe them (an end-to-end test compares them). No
 * foreign keys: the entities declare none (ids are plain integer columns, written set-based by the
 * loader and checked by the write services).
 */
export class Migration20261201200000_ocop extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table product_class (
      code text primary key, system text not null, level text not null, parent_code text null, name_vi text not null,
      name_en text not null, product_set_no int null, sector_code text null, valid_from date not null, valid_to date null)`);
    this.addSql(`create table ocop_owner (
      id serial primary key, owner_type text not null, name text not null, commune_id text not null,
      established_on date null, cooperative_id int null, generated boolean not null)`);
    this.addSql(`create index ocop_owner_commune_id_index on ocop_owner (commune_id)`);
    this.addSql(`create table cooperative (
      id serial primary key, legal_form text not null, registration_number text not null, registration_key text not null,
      name text not null, name_key text not null, commune_id text not null, founded_on date not null, members int not null,
      main_sector text not null, status text not null, generated boolean not null,
      constraint cooperative_registration_key_unique unique (registration_key))`);
    this.addSql(`create index cooperative_commune_id_index on cooperative (commune_id)`);
    this.addSql(`create table ocop_product (
      id serial primary key, code text not null, name text not null, name_key text not null, product_set_code text not null,
      class_system text not null, owner_id int not null, commune_id text not null, key_product boolean not null,
      traceable boolean not null, generated boolean not null,
      constraint ocop_product_code_unique unique (code))`);
    this.addSql(`create index ocop_product_commune_id_index on ocop_product (commune_id)`);
    this.addSql(`create index ocop_product_product_set_code_index on ocop_product (product_set_code)`);
    this.addSql(`create index ocop_product_name_key_index on ocop_product (name_key text_pattern_ops)`);
    this.addSql(`create table ocop_rating (
      id serial primary key, product_id int not null, stars smallint not null, score numeric(5,2) not null,
      part_a numeric(5,2) not null, part_b numeric(5,2) not null, part_c numeric(5,2) not null, class_system text not null,
      product_set_code text not null, decision_number text not null, decided_on date not null, authority_level text not null,
      authority_unit_code text null, authority_name text not null, valid_until date not null, valid_through date not null,
      re_rating_filed_on date null, re_rating_decided_on date null, generated boolean not null)`);
    this.addSql(`create index ocop_rating_product_id_index on ocop_rating (product_id, decided_on)`);
    this.addSql(`create table ocop_revocation (
      id serial primary key, rating_id int not null, revoked_on date not null, ground text not null, reason text not null,
      decision_number text not null, authority_level text not null, authority_name text not null, generated boolean not null,
      constraint ocop_revocation_rating_id_unique unique (rating_id))`);
    this.addSql(`create table linkage_project (
      id serial primary key, name text not null, lead_kind text not null, lead_ref text not null, key_product text null,
      raw_material_area_ha numeric(12,2) null, growing_area_codes text[] not null, start_date date not null, end_date date null,
      contract_refs text[] not null, digital_technologies text[] not null, approval_decision_number text null,
      approval_decision_date date null, generated boolean not null)`);
    this.addSql(`create table linkage_participant (
      id serial primary key, project_id int not null, kind text not null, role text not null, ref text not null,
      cooperative_id int null, owner_id int null, generated boolean not null)`);
    this.addSql(`create index linkage_participant_project_id_index on linkage_participant (project_id)`);
    this.addSql(`create index linkage_participant_cooperative_id_index on linkage_participant (cooperative_id)`);
    this.addSql(`create table linkage_commune (
      project_id int not null, commune_id text not null, generated boolean not null, primary key (project_id, commune_id))`);
    this.addSql(`create index linkage_commune_commune_id_index on linkage_commune (commune_id)`);
    this.addSql(`create table linkage_support_item (
      id serial primary key, project_id int not null, kind text not null, share_percent numeric(5,2) not null,
      cap_vnd bigint not null, amount_vnd bigint not null, generated boolean not null)`);
    this.addSql(`create index linkage_support_item_project_id_index on linkage_support_item (project_id)`);
    this.addSql(`create table ecommerce_listing (
      id serial primary key, product_id int not null, platform text not null, url text not null, since date not null,
      generated boolean not null)`);
    this.addSql(`create index ecommerce_listing_product_id_index on ecommerce_listing (product_id)`);
  }

  override async down(): Promise<void> {
    for (const t of [
      'ecommerce_listing',
      'linkage_support_item',
      'linkage_commune',
      'linkage_participant',
      'linkage_project',
      'ocop_revocation',
      'ocop_rating',
      'ocop_product',
      'cooperative',
      'ocop_owner',
      'product_class',
    ]) {
      this.addSql(`drop table if exists ${t}`);
    }
  }
}
