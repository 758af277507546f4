import { OPEN_DATA_LICENCE, type ExportIndexEntry } from '@ntm/change-log';
import { EXPORT_COLUMNS } from './export-sql';

/**
 * The data dictionary of the exports (từ điển dữ liệu) and their licence. The licence is a
 * PLACEHOLDER until the Ministry (Bộ Nông nghiệp và Môi trường) decides the terms of NTM open data:
 * the plan asks for open data on NTM results (seed 003 §IV.2) but names no licence.
 */
export const DATA_DICTIONARY = {
  dataset: 'NTM indicator values (số liệu chỉ tiêu nông thôn mới)',
  licence: OPEN_DATA_LICENCE,
  endpoint: 'GET /exports/indicator-values?format=ndjson|csv|dhis2|dhis2csv&year=&within=&since=&published=&gzip=',
  access: {
    anonymous: 'published data only: APPROVED values; a value that stops being approved arrives as a DELETE in change pulls',
    MINISTRY: 'every value and status, every unit',
    'EDITOR, APPROVER': 'every status inside their own units',
  },
  formats: {
    ndjson: 'one JSON object per line with the columns below; the last line is {"type":"end","cursor":…,"count":…}',
    csv: 'a header row, then one row per value with the columns below (the resume cursor is in the X-NTM-Cursor header)',
    dhis2:
      'DHIS2 dataValueSets JSON {"dataValues":[{dataElement, period, orgUnit, value, storedBy, lastUpdated, comment}]}: dataElement = indicatorKey, period = year, orgUnit = unitCode (of the unit list the year is reported on), comment = "status=<status>"',
    dhis2csv:
      "DHIS2's data-value CSV (dataelement, period, orgunit, catoptcombo, attroptcombo, value, storedby, lastupdated, comment, followup), same ids as dhis2",
  },
  headers: {
    'X-NTM-Cursor': 'the cursor to resume from: pass it as since= (or to indicatorValueChanges) to get every change after this export, none twice',
    'X-NTM-Data-Version': 'changes whenever any change commits; with ETag / If-None-Match an unchanged pull answers 304 and costs nothing',
  },
  columns: Object.fromEntries(
    EXPORT_COLUMNS.map((c) => [
      c,
      {
        op: 'UPSERT: the value as stored (snapshot) or after the change; DELETE: tombstone, the value no longer exists (or, in published pulls, is no longer approved); RESET: every value was removed (a reload follows as UPSERTs), other columns empty',
        position:
          'position of the change in the feed (decimal); empty in snapshot exports, whose resume point is the cursor. Feed order is by committing transaction, then position',
        unitId: 'stable unit id "<code>@<list date>" (the federation key of AdminUnit), e.g. "17380@2025-03-01"',
        unitCode: 'official code of the unit (mã đơn vị hành chính) on its list; codes are reused across the 1 July 2025 reform, unitId is not',
        indicatorKey: 'indicator "<criteria set>/<indicator code>", e.g. "COMMUNE_NTM_2021_2025/2.2"; the criteria graph describes each',
        year: 'reporting year; up to 2024 on the pre-reform units, from 2025 on the current ones',
        value: 'canonical text: "true"/"false", a decimal number with "." (percentages as numbers 0–100), or a category code',
        status: 'DRAFT, SUBMITTED or APPROVED (published data: APPROVED only)',
        changedAt: 'when the value was recorded or the change committed (ISO 8601, UTC offset)',
      }[c],
    ]),
  ),
} as const;

/** The criteria subgraph's own export routes, as the export index lists them (GET /exports). */
export const INDICATOR_VALUE_EXPORTS: ExportIndexEntry[] = [
  {
    name: 'indicator-values',
    description: DATA_DICTIONARY.dataset + ': a snapshot, or the changes since a cursor',
    parameters: {
      year: 'reporting year (four digits)',
      within: 'only units under this unit code or id',
      since: 'a cursor (X-NTM-Cursor of a previous pull) or 0: the changes after it instead of a snapshot',
      published: 'true: approved values only, whoever asks',
    },
    formats: ['ndjson', 'csv', 'dhis2', 'dhis2csv'],
    access: 'anonymous: approved values only; MINISTRY and ADMIN: everything; EDITOR and APPROVER: every status inside their units',
    columns: DATA_DICTIONARY.columns,
  },
  {
    name: 'dictionary',
    description: 'the data dictionary and licence of indicator-values (the column descriptions of every export are in GET /exports)',
    parameters: {},
    formats: ['json'],
    access: 'anyone',
    columns: {},
  },
];
