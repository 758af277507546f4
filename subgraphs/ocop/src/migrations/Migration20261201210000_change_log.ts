import { Migration } from '@mikro-orm/migrations';
import { changeLogMigrationSql, dropChangeLogSql, type CaptureSpec } from '@ntm/change-log';

/**
 * What the OCOP ratings' change feed (nhật ký thay đổi kết quả đánh giá OCOP) logs: ratings
 * (quyết định công nhận sao) and their revocations (thu hồi), each as the record after the change,
 * under the commune of the rated product.
 */
export const OCOP_CAPTURE: CaptureSpec[] = [
  { table: 'ocop_rating', entity: 'OCOP_RATING', key: 'r.id::text', unit: '(select p.commune_id from ocop_product p where p.id = r.product_id)' },
  {
    table: 'ocop_revocation',
    entity: 'OCOP_REVOCATION',
    key: 'r.id::text',
    unit: '(select p.commune_id from ocop_rating g join ocop_product p on p.id = g.product_id where g.id = r.rating_id)',
  },
];

/** The OCOP change log, of the shape every subgraph shares (@ntm/change-log), with the rows held so far. */
export class Migration20261201210000_change_log extends Migration {
  override async up(): Promise<void> {
    for (const sql of changeLogMigrationSql(OCOP_CAPTURE)) this.addSql(sql);
  }

  override async down(): Promise<void> {
    for (const sql of dropChangeLogSql(OCOP_CAPTURE)) this.addSql(sql);
  }
}
