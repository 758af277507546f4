import { captureTriggersSql, dropCaptureTriggersSql } from './migration-sql';
import { rowsSelect } from './dataset-export';
import { changeWindowSql, textArraySql } from './reader';

describe('change log SQL', () => {
  it('attaches the capture function to a table for each write, with its arguments quoted', () => {
    const sql = captureTriggersSql({ table: 'pilot', entity: 'PILOT', key: 'r.id', unit: 'r.unit_id', data: `to_jsonb(r) - 'updated_by'` });
    expect(sql).toHaveLength(4);
    expect(sql[0]).toMatch(/^create trigger pilot_change_log_insert after insert on pilot referencing new table as new_rows for each statement/);
    expect(sql[1]).toContain('referencing old table as old_rows new table as new_rows');
    expect(sql[3]).toContain('after truncate on pilot');
    // The quote inside the data expression is doubled; no RESET covering the transaction unless asked.
    expect(sql[0]).toContain(`change_log_capture('PILOT', 'r.id', 'r.unit_id', 'to_jsonb(r) - ''updated_by''', '', '', '')`);
    const covering = captureTriggersSql({
      table: 'v',
      entity: 'V',
      key: 'r.k',
      unit: 'null',
      copy: ['a', 'b'],
      keep: ['a'],
      resetCoversTransaction: true,
    });
    expect(covering[0]).toContain(`'a,b', 'a', 'covers')`);
    expect(captureTriggersSql({ table: 'v', entity: 'V', key: 'r.k', unit: 'null', truncate: false })).toHaveLength(3);
    expect(dropCaptureTriggersSql('pilot')).toContain('drop trigger if exists pilot_change_log_update on pilot');
  });

  it('refuses names that are not plain identifiers', () => {
    expect(() => captureTriggersSql({ table: 'pilot; drop table x', entity: 'PILOT', key: 'r.id', unit: 'null' })).toThrow(/identifier/);
    expect(() => captureTriggersSql({ table: 'pilot', entity: 'pilot', key: 'r.id', unit: 'null' })).toThrow(/UPPER_CASE/);
    expect(() => captureTriggersSql({ table: 'pilot', entity: 'P', key: 'r.id', unit: 'null', copy: ['a b'] })).toThrow(/identifier/);
  });

  it('puts only validated values into the window of a pull (COPY takes no parameters)', () => {
    expect(changeWindowSql({ xid: '12', position: '5' }, '20')).toEqual([`c.xid < '20'::xid8`, `(c.xid, c.position) > ('12'::xid8, 5::bigint)`]);
    expect(changeWindowSql({ xid: '12', position: '5', snapshot: '10:15:11,13' }, '20')[2]).toBe(
      `not pg_visible_in_snapshot(c.xid, '10:15:11,13'::pg_snapshot)`,
    );
    expect(() => changeWindowSql({ xid: "1'", position: '5' }, '20')).toThrow(/decimal/);
    expect(() => changeWindowSql({ xid: '1', position: '5', snapshot: "1:2:'" }, '20')).toThrow(/snapshot/);
    expect(textArraySql([`a"b`, `c'd`])).toBe(`'{"a\\"b","c''d"}'::text[]`);
  });
});

describe('rows as a SELECT', () => {
  it('quotes text, checks numbers and types nulls', () => {
    const columns = [
      { key: 'code', kind: 'string' as const, description: '' },
      { key: 'n', kind: 'number' as const, description: '' },
      { key: 'ok', kind: 'boolean' as const, description: '' },
    ];
    expect(
      rowsSelect(columns, [
        [`it's`, 3, true],
        [null, null, false],
      ]),
    ).toBe(`select * from (values ('it''s'::text, 3::numeric, true),\n(null::text, null::numeric, false)) as t("code", "n", "ok")`);
    expect(rowsSelect(columns, [])).toBe(`select null::text as "code", null::numeric as "n", null::boolean as "ok" where false`);
    expect(() => rowsSelect(columns, [['x', Number.NaN, true]])).toThrow(/n: not a finite number/);
  });
});
