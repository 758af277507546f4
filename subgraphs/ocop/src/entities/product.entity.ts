import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/** An OCOP product (sản phẩm OCOP): registered once, in a commune of either official list. */
@Entity({ tableName: 'ocop_product' })
@Unique({ name: 'ocop_product_code_unique', properties: ['code'] })
@Index({ name: 'ocop_product_commune_id_index', properties: ['communeId'] })
@Index({ name: 'ocop_product_product_set_code_index', properties: ['productSetCode'] })
@Index({
  name: 'ocop_product_name_key_index',
  expression: 'create index "ocop_product_name_key_index" on "ocop_product" ("name_key" text_pattern_ops)',
})
export class OcopProductRecord {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  /** Our stable code `OCOP-<province>-<commune>-<year>-<serial>` (domain/product-code.ts). */
  @Property({ type: 'string', columnType: 'text' })
  code!: string;

  @Property({ type: 'string', columnType: 'text' })
  name!: string;

  /** `foldText(name)`: no diacritics, lower case, single spaces (search without diacritics). */
  @Property({ type: 'string', columnType: 'text' })
  nameKey!: string;

  @Property({ type: 'string', columnType: 'text' })
  productSetCode!: string;

  @Property({ type: 'string', columnType: 'text' })
  classSystem!: string;

  @Property({ type: 'integer' })
  ownerId!: number;

  @Property({ type: 'string', columnType: 'text' })
  communeId!: string;

  @Property({ type: 'boolean' })
  keyProduct!: boolean;

  @Property({ type: 'boolean' })
  traceable!: boolean;

  @Property({ type: 'boolean' })
  generated!: boolean;
}
