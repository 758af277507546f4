import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One class of the OCOP classification (danh mục phân loại sản phẩm OCOP), seeded from
 * `data/product-classes-2026.csv` (QĐ 26/2026/QĐ-TTg Appendix I, and the older QĐ 148/2023 and
 * QĐ 1048/2019 systems; each row carries its source). Kept in the database so roll-ups by sector are
 * one SQL statement; the GraphQL type `OcopProductClass` is read from the same file in memory.
 */
@Entity({ tableName: 'product_class' })
export class ProductClassRecord {
  @PrimaryKey({ type: 'string', columnType: 'text' })
  code!: string;

  @Property({ type: 'string', columnType: 'text' })
  system!: string;

  @Property({ type: 'string', columnType: 'text' })
  level!: string;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  parentCode!: string | null;

  @Property({ type: 'string', columnType: 'text' })
  nameVi!: string;

  @Property({ type: 'string', columnType: 'text' })
  nameEn!: string;

  @Property({ type: 'integer', nullable: true })
  productSetNo!: number | null;

  /** The QĐ 26 sector the class rolls up to (its own sector, or an old class's mapping; null: unmapped). */
  @Property({ type: 'string', columnType: 'text', nullable: true })
  sectorCode!: string | null;

  @Property({ type: 'string', columnType: 'date' })
  validFrom!: string;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  validTo!: string | null;
}
