import { Migration } from '@mikro-orm/migrations';
import { changeLogMigrationSql, dropChangeLogSql, type CaptureSpec } from '@ntm/change-log';

/** The unit a pilot part belongs to: its pilot's unit. */
const PILOT_UNIT = '(select p.unit_id from pilot p where p.id = r.pilot_id)';

/**
 * What the pilots' change feed (nhật ký thay đổi mô hình thí điểm) logs: pilots and their parts —
 * lifecycle steps, funding lines, village checklist items — each as the record after the change
 * (user ids left out: the audit trail `pilot_change` keeps who did what, for signed-in readers).
 */
export const PILOT_CAPTURE: CaptureSpec[] = [
  { table: 'pilot', entity: 'PILOT', key: 'r.id', unit: 'r.unit_id', data: `to_jsonb(r) - 'created_by' - 'updated_by'` },
  { table: 'pilot_step', entity: 'PILOT_STEP', key: `concat_ws('|', r.pilot_id, r.code)`, unit: PILOT_UNIT, data: `to_jsonb(r) - 'updated_by'` },
  {
    table: 'funding_line',
    entity: 'FUNDING_LINE',
    key: `concat_ws('|', r.pilot_id, r.source)`,
    unit: PILOT_UNIT,
    data: `to_jsonb(r) - 'updated_by'`,
  },
  {
    table: 'village_checklist_item',
    entity: 'VILLAGE_CHECKLIST_ITEM',
    key: `concat_ws('|', r.pilot_id, r.code)`,
    unit: PILOT_UNIT,
    data: `to_jsonb(r) - 'updated_by'`,
  },
];

/** The pilots' change log, of the shape every subgraph shares (@ntm/change-log), with the rows held so far. */
export class Migration20261201210000_change_log extends Migration {
  override async up(): Promise<void> {
    for (const sql of changeLogMigrationSql(PILOT_CAPTURE)) this.addSql(sql);
  }

  override async down(): Promise<void> {
    for (const sql of dropChangeLogSql(PILOT_CAPTURE)) this.addSql(sql);
  }
}
