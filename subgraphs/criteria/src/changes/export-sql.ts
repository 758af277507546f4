import { SUBTREE_SQL, textArraySql } from '@ntm/change-log';
import type { ExportFormat } from '../domain/changes/export-access';

export { SUBTREE_SQL };

/**
 * SQL of the exports and of the change feed. COPY takes no bind parameters, so every value put in
 * these statements is either validated (numbers, cursors: decimal digits only) or quoted
 * (textArraySql of @ntm/change-log).
 */
export interface ExportFilter {
  year: number | null;
  /** Unit ids the rows must belong to (within ∩ the caller's scope), or null for every unit. */
  unitIds: string[] | null;
  /** Approved values only (open data): anything else is left out of snapshots, and a tombstone in changes. */
  published: boolean;
}

const DIGITS = /^\d+$/;
function digits(value: string | number): string {
  const text = String(value);
  if (!DIGITS.test(text)) throw new Error(`not a decimal number: ${text}`);
  return text;
}

/** The columns of every row, in order (the data dictionary describes each). */
export const EXPORT_COLUMNS = ['op', 'position', 'unitId', 'unitCode', 'indicatorKey', 'year', 'value', 'status', 'changedAt'] as const;

/** One row of a snapshot: the stored value as it is (op UPSERT; no change position). */
function snapshotColumns(): Record<(typeof EXPORT_COLUMNS)[number], string> {
  return {
    op: `'UPSERT'`,
    position: 'null::bigint',
    unitId: 'v.unit_id',
    unitCode: 'p.code',
    indicatorKey: `i.set_code || '/' || i.code`,
    year: 'v.year',
    value: 'v.value',
    status: 'v.status',
    changedAt: 'v.recorded_at',
  };
}

/** One row of a change: its position; for published pulls, a value that is not approved is a tombstone. */
function changeColumns(published: boolean): Record<(typeof EXPORT_COLUMNS)[number], string> {
  const hidden = published ? `(c.op = 'UPSERT' and c.status is distinct from 'APPROVED')` : 'false';
  return {
    op: published ? `case when ${hidden} then 'DELETE' else c.op end` : 'c.op',
    position: 'c.position',
    unitId: 'c.unit_id',
    unitCode: 'p.code',
    indicatorKey: `i.set_code || '/' || i.code`,
    year: 'c.year',
    value: published ? `case when ${hidden} then null else c.value end` : 'c.value',
    status: published ? `case when ${hidden} then null else c.status end` : 'c.status',
    changedAt: 'c.changed_at',
  };
}

/** The columns, in EXPORT_COLUMNS order (NDJSON is written from COPY's text form by CopyTextToNdjson; CSV by COPY itself). */
function selectList(columns: Record<string, string>): string {
  return EXPORT_COLUMNS.map((k) => `${columns[k]} as "${k}"`).join(', ');
}

/** How CopyTextToNdjson writes each column. */
export const EXPORT_COLUMN_KINDS: { key: string; kind: 'string' | 'number' | 'timestamp' }[] = EXPORT_COLUMNS.map((key) => ({
  key,
  kind: key === 'position' || key === 'year' ? 'number' : key === 'changedAt' ? 'timestamp' : 'string',
}));

/** DHIS2 dataValueSets: dataElement = indicator key, period = year, orgUnit = unit code (what POST /imports reads back). */
function dhis2Columns(): Record<string, string> {
  return {
    dataElement: `i.set_code || '/' || i.code`,
    period: 'v.year::text',
    orgUnit: 'p.code',
    value: 'v.value',
    storedBy: 'v.recorded_by',
    lastUpdated: `to_char(v.recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS')`,
    comment: `'status=' || v.status`,
  };
}

/** DHIS2's data-value CSV column order (its importer reads by position). */
const DHIS2_CSV = ['dataelement', 'period', 'orgunit', 'catoptcombo', 'attroptcombo', 'value', 'storedby', 'lastupdated', 'comment', 'followup'];

/** The SELECT of a snapshot export of stored values. */
export function snapshotSelect(format: ExportFormat, filter: ExportFilter): string {
  const where: string[] = [];
  if (filter.year !== null) where.push(`v.year = ${digits(filter.year)}`);
  if (filter.published) where.push(`v.status = 'APPROVED'`);
  if (filter.unitIds) where.push(`v.unit_id = any(${textArraySql(filter.unitIds)})`);
  let select: string;
  if (format === 'dhis2')
    select = `json_build_object(${Object.entries(dhis2Columns())
      .map(([k, e]) => `'${k}', ${e}`)
      .join(', ')})::text`;
  else if (format === 'dhis2csv') {
    const c = dhis2Columns();
    select = [c.dataElement, c.period, c.orgUnit, 'null', 'null', c.value, c.storedBy, c.lastUpdated, c.comment, 'false']
      .map((e, n) => `${e} as ${DHIS2_CSV[n]}`)
      .join(', ');
  } else select = selectList(snapshotColumns());
  return `select ${select}
            from indicator_value v
            join indicator i on i.id = v.indicator_id
            left join unit_profile p on p.unit_id = v.unit_id
           ${where.length ? `where ${where.join(' and ')}` : ''}`;
}

/**
 * The SELECT of changes in a window (@ntm/change-log's changeWindowSql: after a cursor, below the
 * horizon — the oldest transaction still running when the reader's snapshot was taken — so a
 * change that commits later with an earlier position is never passed over).
 */
export function changesSelect(format: 'ndjson' | 'csv' | 'rows', window: string[], filter: ExportFilter, limit?: number): string {
  const where = [`c.entity = 'INDICATOR_VALUE'`, ...window];
  if (filter.year !== null) where.push(`(c.op = 'RESET' or c.year = ${digits(filter.year)})`);
  if (filter.unitIds) where.push(`(c.op = 'RESET' or c.unit_id = any(${textArraySql(filter.unitIds)}))`);
  const columns = changeColumns(filter.published);
  const select =
    format === 'rows'
      ? `c.xid::text as xid, ${Object.entries(columns)
          .map(([k, e]) => `${e} as "${k}"`)
          .join(', ')}`
      : selectList(columns);
  return `select ${select}
            from change_log c
            left join indicator i on i.id = c.indicator_id
            left join unit_profile p on p.unit_id = c.unit_id
           where ${where.join(' and ')}
           order by c.xid, c.position${limit !== undefined ? ` limit ${digits(limit)}` : ''}`;
}

/**
 * COPY … TO STDOUT options: NDJSON reads COPY's compact text form (converted to JSON in the
 * exporting process); DHIS2 JSON is one JSON text per line written raw (CSV mode with a quote and
 * a delimiter JSON never contains unescaped); CSV formats are COPY's own CSV with a header.
 */
export function copyStatement(select: string, format: ExportFormat): string {
  if (format === 'ndjson') return `COPY (${select}) TO STDOUT`;
  if (format === 'dhis2') return `COPY (${select}) TO STDOUT WITH (FORMAT csv, DELIMITER E'\\x01', QUOTE E'\\x02')`;
  return `COPY (${select}) TO STDOUT WITH (FORMAT csv, HEADER)`;
}
