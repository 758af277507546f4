import { Client } from 'pg';

/**
 * A write made outside the API, from a session whose search_path does not name the criteria schema
 * (a DBA's script), is still audited into criteria's own table: the trigger functions keep their
 * schema's search_path.
 */
describe('value audit outside the API', () => {
  it('audits an update from a session with another search_path', async () => {
    const db = new Client({ connectionString: process.env.NTM_TEST_DATABASE_URL, options: '-c search_path=public' });
    await db.connect();
    try {
      const { rows } = await db.query<{ indicator_id: number; year: number; unit_id: string; value: string }>(
        `select indicator_id, year, unit_id, value from criteria.indicator_value where year = 2023 and unit_id like '%@2025-03-01' limit 1`,
      );
      expect(rows).toHaveLength(1);
      const key = rows[0];
      await db.query('begin');
      await db.query(`select set_config('ntm.actor', 'dba-script', true), set_config('ntm.reason', 'search_path test', true)`);
      await db.query(`update criteria.indicator_value set value = $4 where indicator_id = $1 and year = $2 and unit_id = $3`, [
        key.indicator_id,
        key.year,
        key.unit_id,
        key.value,
      ]);
      await db.query('commit');
      const audit = await db.query(
        `select changed_by, reason from criteria.indicator_value_change where indicator_id = $1 and year = $2 and unit_id = $3 and changed_by = 'dba-script'`,
        [key.indicator_id, key.year, key.unit_id],
      );
      expect(audit.rows).toEqual([{ changed_by: 'dba-script', reason: 'search_path test' }]);
    } finally {
      await db.end();
    }
  });
});
