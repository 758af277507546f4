import { DeferMode, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { AdminLevel, ADMIN_UNIT_DESCRIPTIONS as D } from '@ntm/admin-unit-contract';
import { UnitList } from './unit-list.entity';

/**
 * An administrative unit (đơn vị hành chính) of one official list.
 *
 * Identity: `id` = "<code>@<list>", e.g. "00004@2025-07-01". An official code alone is not an
 * identity: 2,214 commune codes and several province codes name a different unit after the
 * 1 July 2025 reform (00004 was Phường Trúc Bạch, is now Phường Ba Đình). Code + list never
 * repeats, reads well in logs, and other subgraphs store it as one plain key.
 */
@Entity({ tableName: 'admin_unit' })
@Unique({ name: 'admin_unit_list_code_unique', properties: ['listId', 'code'] })
@Index({ name: 'admin_unit_list_id_index', properties: ['listId'] })
@Index({ name: 'admin_unit_parent_id_index', properties: ['parentId', 'code'] })
@Index({ name: 'admin_unit_code_index', properties: ['code'] })
@Index({ name: 'admin_unit_list_level_index', properties: ['listId', 'level', 'code'] })
@Index({
  name: 'admin_unit_ancestor_ids_index',
  expression: 'create index "admin_unit_ancestor_ids_index" on "admin_unit" using gin ("ancestor_ids")',
})
@ObjectType({ description: D.type })
@Directive('@key(fields: "id")')
export class AdminUnit {
  @PrimaryKey({ type: 'string', columnType: 'text' })
  @Field(() => ID, { description: D.id })
  id!: string;

  @Property({ type: 'string', columnType: 'text' })
  @Field({
    description:
      'Official GSO code: 2 digits for a province, 3 for a district, 5 for a commune; 7 for a generated village. Unique only within one list.',
  })
  code!: string;

  /** The list (foreign key to unit_list); the id itself, not a reference object. */
  @ManyToOne(() => UnitList, { fieldName: 'list_id', foreignKeyName: 'admin_unit_list_id_fkey', mapToPk: true, updateRule: 'no action' })
  listId!: string;

  @Property({ type: 'string', columnType: 'text' })
  @Field({ description: 'Official full name with its kind, e.g. "Phường Trúc Bạch", "Tỉnh Nghệ An".' })
  name!: string;

  @Property({ type: 'string', columnType: 'text' })
  @Field({ description: 'Name without its kind, e.g. "Trúc Bạch". From the source where it has one, else the full name less its official kind.' })
  shortName!: string;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'English name, where the source has one (the list from 2025-07-01 does).' })
  englishName!: string | null;

  // A check constraint <table>_<column>_check (PostgreSQL's own name for the migration's inline check).
  @Enum({ items: () => AdminLevel, columnType: 'text' })
  @Field(() => AdminLevel, { description: D.level })
  level!: AdminLevel;

  @Property({ type: 'string', columnType: 'text' })
  @Field({
    description:
      'Official kind (loại): Tỉnh, Thành phố Trung ương, Huyện, Quận, Thị xã, Thành phố, Xã, Phường, Thị trấn, Đặc khu tại hải đảo; Thôn, Bản, Tổ dân phố for generated villages.',
  })
  kind!: string;

  /** The unit directly above (foreign key to admin_unit, checked at commit so a list loads in any order). */
  @ManyToOne(() => AdminUnit, {
    fieldName: 'parent_id',
    foreignKeyName: 'admin_unit_parent_id_fkey',
    mapToPk: true,
    nullable: true,
    deleteRule: 'no action',
    updateRule: 'no action',
    deferMode: DeferMode.INITIALLY_DEFERRED,
  })
  parentId!: string | null;

  /** Ids of all ancestors, root first; GIN-indexed so a whole subtree is one index scan. */
  @Property({ type: 'string[]', columnType: 'text[]', defaultRaw: "'{}'" })
  ancestorIds!: string[];

  @Property({ type: 'string', columnType: 'date', nullable: true })
  @Field(() => Date, {
    nullable: true,
    description: 'First day this unit is in force in this list; null when the source does not record it (the list valid until 2025-06-30).',
  })
  validFrom!: string | null;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  @Field(() => Date, { nullable: true, description: 'Last day in force; null while current. Units of the pre-reform list end on 2025-06-30.' })
  validTo!: string | null;

  /** Folded name without kind, without spaces: what `search` compares. */
  @Property({ type: 'string', columnType: 'text' })
  searchKey!: string;

  @Property({ type: 'boolean', defaultRaw: 'false' })
  @Field({ description: 'True for generated units (villages): no public list exists, so they are generated deterministically.' })
  generated!: boolean;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: D.region })
  region!: string | null;

  @Property({ type: 'boolean', defaultRaw: 'false' })
  @Field({ description: D.ethnicMinorityArea })
  ethnicMinorityArea!: boolean;

  @Property({ type: 'boolean', defaultRaw: 'false' })
  @Field({ description: D.mountainous })
  mountainous!: boolean;

  @Property({ type: 'boolean', defaultRaw: 'false' })
  @Field({ description: D.island })
  island!: boolean;

  @Property({ type: 'string', columnType: 'text' })
  @Field({
    description:
      'Where region, ethnicMinorityArea, mountainous and island come from. "GENERATED" means a deterministic placeholder, not official data.',
  })
  areaAttributesSource!: string;

  @Property({ type: 'smallint', nullable: true })
  @Field(() => Int, { nullable: true, description: D.communeGroup })
  communeGroup!: number | null;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description:
      'Where communeGroup comes from: "GENERATED:<rule>" (a deterministic rule over generated area attributes, not an official assignment; the rule is in communeGroupRule) or "CORRECTED" (set by an ADMIN through correctCommuneGroup; see communeGroupHistory). Null when the unit has no group.',
  })
  communeGroupSource!: string | null;
}
