import type { Knex } from '@mikro-orm/postgresql';

/** Counts of a report, each bucket kept apart (never one "ignored" bucket). */
export interface ImportCounts {
  rows: number;
  ok: number;
  warning: number;
  error: number;
  create: number;
  update: number;
  unchanged: number;
  reject: number;
}

const reasonJson = (code: string, field: string, message: string) =>
  `jsonb_build_array(jsonb_build_object('code', '${code}', 'field', '${field}', 'message', ${message}))`;

/**
 * Decides over the whole file, set-based, what depends on other rows and on stored values:
 * a row repeating an earlier one (same unit, indicator, year) is an ERROR naming that row; a
 * value that would change an APPROVED one is an ERROR; every row gets its action — CREATE,
 * UPDATE, UNCHANGED, or REJECT for errors. Idempotent: rows already flagged are not flagged twice.
 */
export async function classifyRows(trx: Knex, jobId: string): Promise<void> {
  await trx.raw(
    `with ranked as (
       select row, item, first_value(row) over w as first_row, row_number() over w as n
         from import_row
        where job_id = ? and status <> 'ERROR' and unit_id is not null and indicator_id is not null and year is not null
       window w as (partition by unit_id, indicator_id, year order by row, item)
     )
     update import_row r
        set status = 'ERROR', duplicate_of = ranked.first_row,
            reasons = r.reasons || ${reasonJson('DUPLICATE', 'row', `format('repeats row %s: the same unit, indicator and year', ranked.first_row)`)}
       from ranked
      where r.job_id = ? and r.row = ranked.row and r.item = ranked.item and ranked.n > 1`,
    [jobId, jobId],
  );
  await trx.raw(
    `update import_row r
        set status = 'ERROR',
            reasons = r.reasons || ${reasonJson('APPROVED_VALUE', 'value', `format('would change the APPROVED value "%s" to "%s"', v.value, r.value)`)}
       from indicator_value v
      where r.job_id = ? and r.status <> 'ERROR' and r.unit_id is not null
        and v.indicator_id = r.indicator_id and v.year = r.year and v.unit_id = r.unit_id
        and v.status = 'APPROVED' and v.value <> r.value`,
    [jobId],
  );
  await trx.raw(
    `update import_row r
        set action = s.action
       from (select i.row, i.item,
                    case when i.status = 'ERROR' then 'REJECT'
                         when v.value is null then 'CREATE'
                         when v.value = i.value then 'UNCHANGED'
                         else 'UPDATE' end as action
               from import_row i
               left join indicator_value v on v.indicator_id = i.indicator_id and v.year = i.year and v.unit_id = i.unit_id
              where i.job_id = ?) s
      where r.job_id = ? and r.row = s.row and r.item = s.item and r.action is distinct from s.action`,
    [jobId, jobId],
  );
}

export async function countsOf(trx: Knex, jobId: string): Promise<ImportCounts> {
  const { rows } = await trx.raw(
    `select count(*)::int as rows,
            count(*) filter (where status = 'OK')::int as ok,
            count(*) filter (where status = 'WARNING')::int as warning,
            count(*) filter (where status = 'ERROR')::int as error,
            count(*) filter (where action = 'CREATE')::int as "create",
            count(*) filter (where action = 'UPDATE')::int as update,
            count(*) filter (where action = 'UNCHANGED')::int as unchanged,
            count(*) filter (where action = 'REJECT')::int as reject
       from import_row where job_id = ?`,
    [jobId],
  );
  return rows[0] as ImportCounts;
}

/** The units the file's rows name, and their ancestors: what "imports of an area" searches. */
export async function areaIdsOf(trx: Knex, jobId: string): Promise<void> {
  await trx.raw(
    `update import_job j set area_ids = coalesce((
        select array_agg(distinct a) from (
          select distinct unit_id from import_row where job_id = ? and unit_id is not null
        ) u join unit_profile p on p.unit_id = u.unit_id, unnest(p.ancestor_ids || p.unit_id) as a
      ), '{}')
      where j.id = ?`,
    [jobId, jobId],
  );
}
