import type { EntityManager } from '@mikro-orm/postgresql';
import { toPgArray } from '@ntm/kit';
import { GraphQLError } from 'graphql';
import { classifyRows, countsOf, type ImportCounts } from './import-sql';

export const IMPORT_STRATEGIES = ['CREATE', 'UPDATE', 'CREATE_AND_UPDATE'] as const;
export type ImportStrategy = (typeof IMPORT_STRATEGIES)[number];

export interface ImportChoice {
  /** Row number in the file. */
  row: number;
  /** The unit chosen among the row's candidates. */
  unitCode: string;
}

export interface CommitResult {
  status: string;
  counts: ImportCounts;
}

const badInput = (message: string, field: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field } });

/** Thrown inside the transaction to roll it back when a value was approved between the check and the write. */
class ApprovedMeanwhile extends Error {}

/** The unit ids a commit would write (after choices): what authorizeImport must find inside the user's units. */
export async function unitsToWrite(em: EntityManager, jobId: string, choices: readonly ImportChoice[]): Promise<string[]> {
  const rows = await em.getConnection().execute<{ unit_id: string }[]>(
    `select distinct unit_id from import_row where job_id = ? and unit_id is not null and status <> 'ERROR'
     union
     select distinct c->>'unitId' from import_row r, jsonb_array_elements(r.candidates) c
      where r.job_id = ? and r.row = any(?::int[]) and c->>'code' = any(?::text[])`,
    [jobId, jobId, toPgArray(choices.map((c) => c.row)), toPgArray(choices.map((c) => c.unitCode))],
  );
  return rows.map((r) => r.unit_id);
}

/**
 * Commits a finished dry run (READY), all or nothing in one transaction of set-based SQL: applies
 * the choices for ambiguous rows, classifies again against the values stored now, writes the
 * values the strategy allows (source "import:<id>", so each value's history points at the
 * import), and records who, when, choices and counts on the job. The caller authorizes first.
 */
export async function commitImport(
  em: EntityManager,
  jobId: string,
  options: { choices: readonly ImportChoice[]; strategy: ImportStrategy; actor: string },
): Promise<CommitResult> {
  return em
    .transactional(async (tx) => {
      const trx = tx.getTransactionContext()!;
      const { rows: jobs } = await trx.raw(`select status from import_job where id = ? for update`, [jobId]);
      if (jobs.length === 0) throw badInput(`no import "${jobId}"`, 'id');
      const status = jobs[0].status as string;
      if (status !== 'READY') {
        const why = status === 'RUNNING' ? 'its dry run is still running' : status === 'COMMITTED' ? 'it is already committed' : 'its dry run failed';
        throw badInput(`import "${jobId}" cannot be committed: ${why} (status ${status})`, 'id');
      }

      // Choices: each names an ambiguous row and one of its candidates.
      const seen = new Set<number>();
      for (const [i, choice] of options.choices.entries()) {
        if (seen.has(choice.row)) throw badInput(`choices[${i}]: row ${choice.row} is chosen twice`, `choices[${i}].row`);
        seen.add(choice.row);
      }
      if (options.choices.length > 0) {
        const { rows: found } = await trx.raw(
          `select c.row, c.code, c.i,
                bool_or(r.reasons @> '[{"code": "UNIT_AMBIGUOUS"}]') as ambiguous,
                min(cand->>'unitId') filter (where cand->>'code' = c.code) as unit_id
           from unnest(?::int[], ?::text[], ?::int[]) as c(row, code, i)
           left join import_row r on r.job_id = ? and r.row = c.row
           left join lateral jsonb_array_elements(coalesce(r.candidates, '[]')) cand on true
          group by c.row, c.code, c.i order by c.i`,
          [
            toPgArray(options.choices.map((c) => c.row)),
            toPgArray(options.choices.map((c) => c.unitCode)),
            toPgArray(options.choices.map((_, i) => i)),
            jobId,
          ],
        );
        for (const f of found as { row: number; code: string; i: number; ambiguous: boolean | null; unit_id: string | null }[]) {
          if (!f.ambiguous) throw badInput(`choices[${f.i}]: row ${f.row} has no ambiguous unit to choose`, `choices[${f.i}].row`);
          if (!f.unit_id) throw badInput(`choices[${f.i}]: "${f.code}" is not one of row ${f.row}'s candidates`, `choices[${f.i}].unitCode`);
        }
        // A chosen row stays an error only if something besides the ambiguity was wrong with it.
        await trx.raw(
          `update import_row r
            set unit_id = c.unit_id,
                reasons = (select coalesce(jsonb_agg(x), '[]') from jsonb_array_elements(r.reasons) x where x->>'code' <> 'UNIT_AMBIGUOUS')
                          || jsonb_build_array(jsonb_build_object('code', 'CHOICE_APPLIED', 'field', 'unit', 'message', format('unit %s chosen by the person committing', c.code))),
                status = case when exists (select 1 from jsonb_array_elements(r.reasons) x where x->>'code' <> 'UNIT_AMBIGUOUS' and x->>'code' not in ('UNIT_MATCHED', 'UNIT_LINEAGE'))
                              then 'ERROR' else 'WARNING' end
           from (select c.row, c.code, cand->>'unitId' as unit_id
                   from unnest(?::int[], ?::text[]) as c(row, code)
                   join import_row r2 on r2.job_id = ? and r2.row = c.row
                   cross join lateral jsonb_array_elements(r2.candidates) cand
                  where cand->>'code' = c.code) c
          where r.job_id = ? and r.row = c.row and r.reasons @> '[{"code": "UNIT_AMBIGUOUS"}]'
            and r.indicator_id is not null and r.value is not null`,
          [toPgArray(options.choices.map((c) => c.row)), toPgArray(options.choices.map((c) => c.unitCode)), jobId, jobId],
        );
      }

      await classifyRows(trx, jobId);
      // The strategy decides which actions are written; the others are refused, and say why.
      const skipped = options.strategy === 'CREATE' ? 'UPDATE' : options.strategy === 'UPDATE' ? 'CREATE' : null;
      if (skipped) {
        await trx.raw(
          `update import_row set action = 'REJECT',
                reasons = reasons || jsonb_build_array(jsonb_build_object('code', 'STRATEGY_SKIPPED', 'field', 'row', 'message', ?::text))
          where job_id = ? and action = ?`,
          [
            `not written: the strategy ${options.strategy} does not ${skipped === 'UPDATE' ? 'change stored values' : 'add new values'}`,
            jobId,
            skipped,
          ],
        );
      }

      // Who changes values, and why, for the value history (audit triggers read these settings when present).
      await trx.raw(`select set_config('ntm.actor', ?, true), set_config('ntm.reason', ?, true)`, [options.actor, `import ${jobId}`]);
      const { rows: expected } = await trx.raw(`select count(*)::int as n from import_row where job_id = ? and action in ('CREATE', 'UPDATE')`, [
        jobId,
      ]);
      const written = await trx.raw(
        `insert into indicator_value (indicator_id, year, unit_id, value, numeric_value, status, source, recorded_by, recorded_at)
       select indicator_id, year, unit_id, value, numeric_value, 'DRAFT', ?, ?, now()
         from import_row where job_id = ? and action in ('CREATE', 'UPDATE')
       on conflict (indicator_id, year, unit_id) do update
         set value = excluded.value, numeric_value = excluded.numeric_value, status = excluded.status,
             source = excluded.source, recorded_by = excluded.recorded_by, recorded_at = now()
         where indicator_value.status <> 'APPROVED'`,
        [`import:${jobId}`, options.actor, jobId],
      );
      if ((written.rowCount ?? 0) !== expected[0].n) throw new ApprovedMeanwhile();

      const counts = await countsOf(trx, jobId);
      const commitCounts = { create: counts.create, update: counts.update, unchanged: counts.unchanged, reject: counts.reject };
      await trx.raw(
        `update import_job set status = 'COMMITTED', strategy = ?, choices = ?::jsonb, counts = ?::jsonb, commit_counts = ?::jsonb, committed_by = ?, committed_at = now() where id = ?`,
        [options.strategy, JSON.stringify(options.choices), JSON.stringify(counts), JSON.stringify(commitCounts), options.actor, jobId],
      );
      return { status: 'COMMITTED', counts };
    })
    .catch((error) => {
      if (error instanceof ApprovedMeanwhile)
        throw badInput('a value of this import was APPROVED meanwhile; nothing was written: run the dry run again', 'id');
      throw error;
    });
}
