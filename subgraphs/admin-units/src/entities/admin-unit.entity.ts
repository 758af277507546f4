import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { AdminLevel, ADMIN_UNIT_DESCRIPTIONS as D } from '@ntm/admin-unit-contract';

/**
 * An administrative unit (đơn vị hành chính) of one official list.
 *
 * Identity: `id` = "<code>@<list>", e.g. "00004@2025-07-01". An official code alone is not an
 * identity: 2,214 commune codes and several province codes name a different unit after the
 * 1 July 2025 reform (00004 was Phường Trúc Bạch, is now Phường Ba Đình). Code + list never
 * repeats, reads well in logs, and other subgraphs store it as one plain key.
 */
@Entity({ tableName: 'admin_unit' })
@Unique({ properties: ['listId', 'code'] })
@ObjectType({ description: D.type })
@Directive('@key(fields: "id")')
export class AdminUnit {
  @PrimaryKey({ type: 'string' })
  @Field(() => ID, { description: D.id })
  id!: string;

  @Property({ type: 'string' })
  @Field({ description: 'Official GSO code: 2 digits for a province, 3 for a district, 5 for a commune; 7 for a generated village. Unique only within one list.' })
  code!: string;

  @Property({ type: 'string' })
  @Index()
  listId!: string;

  @Property({ type: 'string' })
  @Field({ description: 'Official full name with its kind, e.g. "Phường Trúc Bạch", "Tỉnh Nghệ An".' })
  name!: string;

  @Property({ type: 'string' })
  @Field({ description: 'Name without its kind, e.g. "Trúc Bạch". From the source where it has one, else the full name less its official kind.' })
  shortName!: string;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true, description: 'English name, where the source has one (the list from 2025-07-01 does).' })
  englishName!: string | null;

  @Property({ type: 'string' })
  @Field(() => AdminLevel, { description: D.level })
  level!: AdminLevel;

  @Property({ type: 'string' })
  @Field({ description: 'Official kind (loại): Tỉnh, Thành phố Trung ương, Huyện, Quận, Thị xã, Thành phố, Xã, Phường, Thị trấn, Đặc khu tại hải đảo; Thôn, Bản, Tổ dân phố for generated villages.' })
  kind!: string;

  @Property({ type: 'string', nullable: true })
  @Index()
  parentId!: string | null;

  /** Ids of all ancestors, root first; GIN-indexed so a whole subtree is one index scan. */
  @Property({ type: 'string[]', columnType: 'text[]' })
  ancestorIds!: string[];

  @Property({ type: 'string', columnType: 'date', nullable: true })
  @Field(() => Date, { nullable: true, description: 'First day this unit is in force in this list; null when the source does not record it (the list valid until 2025-06-30).' })
  validFrom!: string | null;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  @Field(() => Date, { nullable: true, description: 'Last day in force; null while current. Units of the pre-reform list end on 2025-06-30.' })
  validTo!: string | null;

  /** Folded name without kind, without spaces: what `search` compares. */
  @Property({ type: 'string' })
  searchKey!: string;

  @Property({ type: 'boolean' })
  @Field({ description: 'True for generated units (villages): no public list exists, so they are generated deterministically.' })
  generated!: boolean;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true, description: D.region })
  region!: string | null;

  @Property({ type: 'boolean' })
  @Field({ description: D.ethnicMinorityArea })
  ethnicMinorityArea!: boolean;

  @Property({ type: 'boolean' })
  @Field({ description: D.mountainous })
  mountainous!: boolean;

  @Property({ type: 'boolean' })
  @Field({ description: D.island })
  island!: boolean;

  @Property({ type: 'string' })
  @Field({ description: 'Where region, ethnicMinorityArea, mountainous and island come from. "GENERATED" means a deterministic placeholder, not official data.' })
  areaAttributesSource!: string;
}
