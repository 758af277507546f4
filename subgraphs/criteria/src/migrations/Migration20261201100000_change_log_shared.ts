import { Migration } from '@mikro-orm/migrations';
import { CAPTURE_FUNCTION_SQL, captureTriggersSql, dropCaptureTriggersSql } from '@ntm/change-log';
import { Migration20261201030000_change_log } from './Migration20261201030000_change_log';

/** How indicator values and recognition decisions are logged, through the shared capture trigger. */
export const VALUE_CAPTURE = {
  table: 'indicator_value',
  entity: 'INDICATOR_VALUE',
  key: `concat_ws('|', r.indicator_id, r.year, r.unit_id)`,
  unit: 'r.unit_id',
  // The value's own columns carry it; no JSON copy of millions of rows.
  data: 'null',
  copy: ['indicator_id', 'year', 'value', 'status'],
  keep: ['indicator_id', 'year'],
  // A national reload (TRUNCATE, then COPY) is one RESET: pullers take a snapshot export.
  resetCoversTransaction: true,
};

export const DECISION_CAPTURE = {
  table: 'recognition_decision',
  entity: 'RECOGNITION_DECISION',
  key: 'r.id::text',
  unit: 'r.unit_id',
  data: `jsonb_build_object('setCode', r.set_code, 'decisionNumber', r.decision_number, 'decidedOn', r.decided_on, 'authority', r.authority, 'generated', r.generated)`,
};

const OLD_TRIGGERS: [string, string][] = [
  ['change_log_value_insert', 'indicator_value'],
  ['change_log_value_update', 'indicator_value'],
  ['change_log_value_delete', 'indicator_value'],
  ['change_log_value_truncate', 'indicator_value'],
  ['change_log_decision_insert', 'recognition_decision'],
  ['change_log_decision_update', 'recognition_decision'],
  ['change_log_decision_delete', 'recognition_decision'],
];
const OLD_FUNCTIONS = [
  'change_log_value_insert',
  'change_log_value_update',
  'change_log_value_delete',
  'change_log_value_truncate',
  'change_log_decision_upsert',
  'change_log_decision_delete',
];

/**
 * The criteria change log moves onto the shape and the capture trigger every subgraph shares
 * (@ntm/change-log): the record's key is text (`record_key`, was `record_id` int), and the seven
 * triggers of their own become the shared statement-level function with arguments. What is logged
 * is unchanged: values with their key, value and status (a TRUNCATE is one RESET covering its
 * transaction), decisions as data; decisions now log a TRUNCATE as a RESET too.
 */
export class Migration20261201100000_change_log_shared extends Migration {
  override async up(): Promise<void> {
    for (const [trigger, table] of OLD_TRIGGERS) this.addSql(`drop trigger if exists ${trigger} on ${table}`);
    for (const fn of OLD_FUNCTIONS) this.addSql(`drop function if exists ${fn}()`);
    this.addSql(`alter table change_log add column record_key text null`);
    this.addSql(`update change_log set record_key = record_id::text where record_id is not null`);
    this.addSql(`alter table change_log drop column record_id`);
    this.addSql(CAPTURE_FUNCTION_SQL);
    for (const sql of [...captureTriggersSql(VALUE_CAPTURE), ...captureTriggersSql(DECISION_CAPTURE)]) this.addSql(sql);
  }

  override async down(): Promise<void> {
    for (const sql of [...dropCaptureTriggersSql('indicator_value'), ...dropCaptureTriggersSql('recognition_decision')]) this.addSql(sql);
    this.addSql(`drop function if exists change_log_capture()`);
    this.addSql(`alter table change_log add column record_id int null`);
    this.addSql(`update change_log set record_id = record_key::int where entity = 'RECOGNITION_DECISION' and record_key is not null`);
    this.addSql(`alter table change_log drop column record_key`);
    // The triggers of their own, as the earlier migration created them (not its table and index).
    const earlier = new Migration20261201030000_change_log(this.driver, this.config);
    await earlier.up();
    for (const q of earlier.getQueries()) {
      const sql = typeof q === 'string' ? q : q.toQuery();
      if (!/create (table|index) change_log/.test(sql)) this.addSql(sql);
    }
  }
}
