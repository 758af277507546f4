import type { EntityManager } from '@mikro-orm/postgresql';
import { toPgArray } from '@ntm/kit';
import { listDateForYear } from '../../domain/reporting-period';
import { isSetInForce } from '../../domain/set-validity';
import { getCatalog } from '../catalog';

export interface JobRow {
  id: string;
  status: string;
  failure: string | null;
  progress: number;
  rows_read: number;
  file_name: string;
  file_hash: string;
  source: string | null;
  year: number | null;
  within_code: string | null;
  strategy: string;
  mapping: unknown;
  counts: Record<string, number> | null;
  choices: unknown;
  created_by: string | null;
  created_at: Date;
  committed_by: string | null;
  committed_at: Date | null;
}

const JOB_COLUMNS = `id, status, failure, progress, rows_read, file_name, file_hash, source, year, within_code, strategy, mapping, counts, choices, created_by, created_at, committed_by, committed_at`;

export async function findJob(em: EntityManager, id: string): Promise<JobRow | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const rows = await em.getConnection().execute<JobRow[]>(`select ${JOB_COLUMNS} from import_job where id = ?`, [id]);
  return rows[0] ?? null;
}

/** The ids of every unit with this code, on either list (an area's imports may be keyed by either). */
async function idsOfCode(em: EntityManager, code: string): Promise<string[]> {
  const rows = await em.getConnection().execute<{ unit_id: string }[]>(`select unit_id from unit_profile where code = ?`, [code]);
  return rows.map((r) => r.unit_id);
}

/** Imports touching an area (any of its units on either list), newest first. */
export async function jobsWithin(em: EntityManager, code: string, limit: number): Promise<JobRow[]> {
  const ids = await idsOfCode(em, code);
  if (ids.length === 0) return [];
  return em
    .getConnection()
    .execute<JobRow[]>(`select ${JOB_COLUMNS} from import_job where area_ids && ?::text[] order by created_at desc, id limit ?`, [
      toPgArray(ids),
      limit,
    ]);
}

export async function conflictsOf(em: EntityManager, jobId: string): Promise<{ reason: string; count: number; rows: number[] }[]> {
  return em.getConnection().execute(
    `select x->>'code' as reason, count(*)::int as count, array_agg(distinct r.row order by r.row) as rows
       from import_row r, jsonb_array_elements(r.reasons) x
      where r.job_id = ? and r.status in ('WARNING', 'ERROR')
      group by 1 order by count(*) desc, 1`,
    [jobId],
  );
}

export interface ReportRow {
  row: number;
  item: number;
  status: string;
  reasons: { code: string; field: string; message: string }[];
  unit_id: string | null;
  unit_code: string | null;
  unit_name: string | null;
  match_status: string | null;
  match_score: number | null;
  candidates: { unitId: string; code: string; name: string; score: number }[] | null;
  raw_indicator: string | null;
  year: number | null;
  raw_value: string | null;
  value: string | null;
  raw_unit: string | null;
  action: string | null;
  duplicate_of: number | null;
}

export async function reportRows(
  em: EntityManager,
  jobId: string,
  statuses: string[] | null,
  offset: number,
  limit: number,
): Promise<{ rows: ReportRow[]; total: number }> {
  const filter = statuses && statuses.length ? `and r.status = any(?::text[])` : '';
  const params = statuses && statuses.length ? [jobId, toPgArray(statuses)] : [jobId];
  const [total] = await em
    .getConnection()
    .execute<{ n: number }[]>(`select count(*)::int as n from import_row r where r.job_id = ? ${filter}`, params);
  const rows = await em.getConnection().execute<ReportRow[]>(
    `select r.row, r.item, r.status, r.reasons, r.unit_id, p.code as unit_code, p.name as unit_name, r.match_status, r.match_score, r.candidates,
            r.raw_indicator, r.year, r.raw_value, r.value, r.raw_unit, r.action, r.duplicate_of
       from import_row r left join unit_profile p on p.unit_id = r.unit_id
      where r.job_id = ? ${filter}
      order by r.row, r.item offset ? limit ?`,
    [...params, offset, limit],
  );
  return { rows, total: total.n };
}

export interface Quality {
  cellCount: number;
  filledCount: number;
  approvedCount: number;
  rejected: { reason: string; count: number }[];
  lastImport: JobRow | null;
}

/**
 * Completeness and quality of an area's values for a year: communes and districts of the area (on
 * the list of that year) × the indicators of the standard national set of their level in force.
 */
export async function qualityOf(em: EntityManager, code: string, year: number): Promise<Quality | null> {
  const catalog = await getCatalog(em);
  const date = listDateForYear(year);
  const [area] = await em
    .getConnection()
    .execute<{ unit_id: string }[]>(
      `select unit_id from unit_profile where code = ? and (valid_from is null or valid_from <= ?::date) and (valid_to is null or valid_to >= ?::date)`,
      [code, date, date],
    );
  if (!area) return null;
  const indicatorIds: number[] = [];
  const levels: string[] = [];
  for (const set of catalog.sets.values()) {
    if (set.kind !== 'NATIONAL' || set.tier !== 'STANDARD' || !isSetInForce(set, year)) continue;
    for (const ind of catalog.indicatorsOfSet(set.code)) {
      indicatorIds.push(ind.id);
      levels.push(set.level);
    }
  }
  const [cells] = await em.getConnection().execute<{ cells: number; filled: number; approved: number }[]>(
    `with units as (
       select unit_id, level from unit_profile where (unit_id = ? or ancestor_ids @> array[?]::text[]) and level in ('COMMUNE', 'DISTRICT')
     ), wanted as (
       select i.id, i.level from unnest(?::int[], ?::text[]) as i(id, level)
     ), grid as (
       select u.unit_id, w.id as indicator_id from units u join wanted w on w.level = u.level
     )
     select count(*)::int as cells,
            count(v.value)::int as filled,
            count(*) filter (where v.status = 'APPROVED')::int as approved
       from grid g left join indicator_value v on v.unit_id = g.unit_id and v.indicator_id = g.indicator_id and v.year = ?`,
    [area.unit_id, area.unit_id, toPgArray(indicatorIds), toPgArray(levels), year],
  );
  const rejected = await em.getConnection().execute<{ reason: string; count: number }[]>(
    `select x->>'code' as reason, count(*)::int as count
       from import_job j join import_row r on r.job_id = j.id, jsonb_array_elements(r.reasons) x
      where j.area_ids @> array[?]::text[] and r.year = ? and r.action = 'REJECT'
      group by 1 order by 2 desc, 1`,
    [area.unit_id, year],
  );
  const [last] = await em
    .getConnection()
    .execute<JobRow[]>(`select ${JOB_COLUMNS} from import_job where area_ids @> array[?]::text[] order by created_at desc limit 1`, [area.unit_id]);
  return { cellCount: cells.cells, filledCount: cells.filled, approvedCount: cells.approved, rejected, lastImport: last ?? null };
}
