import type { MikroORM } from '@mikro-orm/postgresql';
import { copyRows, errorFields, toPgArray, type CopyValue, type Logger } from '@ntm/kit';
import { rm } from 'node:fs/promises';
import { applyOverride, detectColumns, valuesOfRow, type ColumnMapping, type MappingOverride } from '../../domain/import/column-mapping';
import { checkValue, reason, type CheckedValue } from '../../domain/import/row-check';
import { indicatorLookup, unitResolver } from './import-context';
import { readSheetRows } from './import-reader';
import { areaIdsOf, type ImportCounts } from './import-sql';

/** Largest number of data rows a file may have. */
export const MAX_IMPORT_ROWS = 500_000;
/** Report rows sent per COPY. */
const BATCH = 20_000;
/** Rows read before the header must have been found. */
const HEADER_SCAN_ROWS = 12;

const REPORT_COLUMNS = [
  'job_id',
  'row',
  'item',
  'status',
  'reasons',
  'unit_id',
  'match_status',
  'match_score',
  'candidates',
  'indicator_id',
  'year',
  'value',
  'numeric_value',
  'raw_unit',
  'raw_indicator',
  'raw_value',
  'action',
  'duplicate_of',
];

export interface DryRunInput {
  jobId: string;
  filePath: string;
  fileBytes: number;
  source: string | null;
  year: number | null;
  /** Code of the area the file is about: names are matched among its units only. */
  within: string | null;
  override: MappingOverride | null;
}

/** A failure of the file itself (no header, too many rows): the job is FAILED with this message. */
export class ImportFileError extends Error {}

/** True when a saved mapping still fits the file: the same header texts at the same place. */
function savedMappingFits(saved: ColumnMapping, rows: string[][]): boolean {
  const detected = detectColumns(rows);
  if (!('mapping' in detected)) return saved.headerStart + saved.headerRows <= rows.length;
  return detected.mapping.headers.join('\u0001') === saved.headers.join('\u0001');
}

/**
 * The dry run of one uploaded file, as a background job: streams the first sheet's rows, maps the
 * columns (an override, else the mapping saved for the source when it still fits, else detection),
 * checks every value (unit on the list in force for its year, indicator, value), COPYs the report
 * rows in batches, then classifies duplicates, approved values and actions over the whole file
 * in SQL and stores the counts. Writes nothing but the job and its report. Deletes the file.
 */
export async function runDryRun(orm: MikroORM, logger: Logger, input: DryRunInput): Promise<void> {
  const em = orm.em.fork();
  const knex = em.getKnex();
  const { jobId } = input;
  try {
    const [resolver, lookup] = await Promise.all([unitResolver(em), indicatorLookup(em)]);
    let bytesRead = 0;
    const rows = readSheetRows(input.filePath, (b) => (bytesRead = b));
    const head: string[][] = [];
    let rowNumber = 0;
    let next = await rows.next();
    while (!next.done && head.length < HEADER_SCAN_ROWS) {
      head.push(next.value);
      next = await rows.next();
    }
    let mapping: ColumnMapping | null = null;
    if (input.source) {
      const saved = await knex.raw(`select mapping from import_mapping where source = ?`, [input.source]);
      const candidate = saved.rows[0]?.mapping as ColumnMapping | undefined;
      if (candidate && savedMappingFits(candidate, head)) mapping = candidate;
    }
    if (!mapping) {
      const detected = detectColumns(head);
      if (!('mapping' in detected)) throw new ImportFileError(detected.reason);
      mapping = detected.mapping;
    }
    if (input.override) {
      const applied = applyOverride(mapping, input.override);
      if (!('mapping' in applied)) throw new ImportFileError(`${applied.field}: ${applied.reason}`);
      mapping = applied.mapping;
    }
    await knex.raw(`update import_job set mapping = ?::jsonb where id = ?`, [JSON.stringify(mapping), jobId]);

    const firstData = mapping.headerStart + mapping.headerRows;
    const ctx = { resolver, lookup, defaultYear: input.year, within: input.within };
    let batch: { c: CheckedValue; item: number; duplicateOf: number | null; action: string | null }[] = [];
    let dataRows = 0;
    /** Key (unit, indicator, year) → the first row that gave it: a later row with the same key is a duplicate. */
    const firstRowOf = new Map<string, number>();
    const counts: ImportCounts = { rows: 0, ok: 0, warning: 0, error: 0, create: 0, update: 0, unchanged: 0, reject: 0 };
    const flush = async () => {
      if (batch.length === 0) return;
      const toWrite = batch;
      batch = [];
      // What is stored now for the batch's values (one query), then duplicates, approved values and actions.
      const keyed = toWrite.filter((b) => b.c.status !== 'ERROR' && b.c.unit && b.c.indicatorId !== null && b.c.year !== null);
      const stored = new Map<string, { value: string; status: string }>();
      if (keyed.length > 0) {
        const { rows: found } = await knex.raw(
          `select v.unit_id, v.indicator_id, v.year, v.value, v.status from indicator_value v
             join unnest(?::text[], ?::int[], ?::smallint[]) as k(u, i, y) on v.unit_id = k.u and v.indicator_id = k.i and v.year = k.y`,
          [toPgArray(keyed.map((b) => b.c.unit!.unitId)), toPgArray(keyed.map((b) => b.c.indicatorId)), toPgArray(keyed.map((b) => b.c.year))],
        );
        for (const f of found as { unit_id: string; indicator_id: number; year: number; value: string; status: string }[])
          stored.set(`${f.unit_id}|${f.indicator_id}|${f.year}`, f);
      }
      for (const b of toWrite) {
        const c = b.c;
        let current: { value: string; status: string } | undefined;
        if (c.status !== 'ERROR' && c.unit && c.indicatorId !== null && c.year !== null) {
          const key = `${c.unit.unitId}|${c.indicatorId}|${c.year}`;
          const first = firstRowOf.get(key);
          current = stored.get(key);
          if (first !== undefined) {
            c.reasons.push(reason('DUPLICATE', `repeats row ${first}: the same unit, indicator and year`));
            c.status = 'ERROR';
            b.duplicateOf = first;
          } else {
            firstRowOf.set(key, c.row);
            if (current && current.status === 'APPROVED' && current.value !== c.value) {
              c.reasons.push(reason('APPROVED_VALUE', `would change the APPROVED value "${current.value}" to "${c.value}"`));
              c.status = 'ERROR';
            }
          }
        }
        b.action = c.status === 'ERROR' ? 'REJECT' : !current ? 'CREATE' : current.value === c.value ? 'UNCHANGED' : 'UPDATE';
        counts.rows++;
        counts[c.status === 'OK' ? 'ok' : c.status === 'WARNING' ? 'warning' : 'error']++;
        counts[b.action === 'REJECT' ? 'reject' : b.action === 'CREATE' ? 'create' : b.action === 'UPDATE' ? 'update' : 'unchanged']++;
      }
      const copy = toWrite.map(({ c, item, duplicateOf, action }): CopyValue[] => {
        const raw = c.raw;
        return [
          jobId,
          c.row,
          item,
          c.status,
          JSON.stringify(c.reasons),
          c.unit?.unitId ?? null,
          c.matchStatus,
          c.matchScore,
          c.candidates.length ? JSON.stringify(c.candidates) : null,
          c.indicatorId,
          c.year,
          c.value,
          c.numeric,
          [raw.unitCode, raw.unitName, raw.district].filter(Boolean).join(' | ') || null,
          raw.indicator || null,
          raw.value || null,
          action,
          duplicateOf,
        ];
      });
      await em.transactional(async (tx) => {
        await copyRows(tx.getTransactionContext()!, 'import_row', REPORT_COLUMNS, copy);
      });
      const progress = input.fileBytes > 0 ? Math.min(0.95, (bytesRead / input.fileBytes) * 0.95) : 0;
      await knex.raw(`update import_job set progress = ?, rows_read = ? where id = ?`, [progress, dataRows, jobId]);
    };
    const take = (cells: string[], row: number) => {
      if (row <= firstData) return;
      const values = valuesOfRow(mapping, cells, row);
      if (values.length === 0) return;
      dataRows++;
      if (dataRows > MAX_IMPORT_ROWS) throw new ImportFileError(`the file has more than ${MAX_IMPORT_ROWS.toLocaleString('en')} data rows; split it`);
      values.forEach((raw, item) => batch.push({ c: checkValue(raw, ctx), item, duplicateOf: null, action: null }));
    };
    for (const cells of head) take(cells, ++rowNumber);
    while (!next.done) {
      take(next.value, ++rowNumber);
      if (batch.length >= BATCH) await flush();
      next = await rows.next();
    }
    await flush();

    await em.transactional(async (tx) => {
      const trx = tx.getTransactionContext()!;
      await areaIdsOf(trx, jobId);
      await trx.raw(
        `update import_job set status = 'READY', progress = 1, rows_read = ?, counts = ?::jsonb, finished_at = now() where id = ? and status = 'RUNNING'`,
        [dataRows, JSON.stringify(counts), jobId],
      );
      if (input.source) {
        await trx.raw(
          `insert into import_mapping (source, mapping, updated_at) values (?, ?::jsonb, now())
           on conflict (source) do update set mapping = excluded.mapping, updated_at = now()`,
          [input.source, JSON.stringify(mapping)],
        );
      }
    });
  } catch (error) {
    const known = error instanceof ImportFileError;
    if (!known) logger.error('import dry run failed', { jobId, ...errorFields(error) });
    const message = known ? error.message : `the file could not be read: ${(error as Error).message}`;
    // Nothing of a failed dry run stays but the job and its reason.
    await knex.raw(`delete from import_row where job_id = ?`, [jobId]).catch(() => undefined);
    await knex.raw(`update import_job set status = 'FAILED', failure = ?, finished_at = now() where id = ?`, [message, jobId]).catch(() => undefined);
  } finally {
    await rm(input.filePath, { force: true });
  }
}
