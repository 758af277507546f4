import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** An e-commerce listing of an OCOP product (platform, address, since when). */
@Entity({ tableName: 'ecommerce_listing' })
@Index({ name: 'ecommerce_listing_product_id_index', properties: ['productId'] })
export class EcommerceListingRecord {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'integer' })
  productId!: number;

  @Property({ type: 'string', columnType: 'text' })
  platform!: string;

  @Property({ type: 'string', columnType: 'text' })
  url!: string;

  @Property({ type: 'string', columnType: 'date' })
  since!: string;

  @Property({ type: 'boolean' })
  generated!: boolean;
}
