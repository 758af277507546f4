/**
 * Who may pull what (xuất dữ liệu): the rules of bulk pulls and of the change feed, without a
 * database. A caller is the signed-in user the gateway forwarded, or null for an anonymous reader.
 * - MINISTRY and ADMIN: every value, every status, everywhere.
 * - EDITOR and APPROVER: every status inside their own units (their scope), nothing outside.
 * - Anyone, signed in or not, may ask for published data only: approved values (open data).
 */
export interface ExportCaller {
  sub: string;
  roles: string[];
  /** Scope: unit codes (on today's list) or unit ids ("40@2025-03-01"). */
  units: string[];
}

export type ExportAccess =
  | { kind: 'ALL' }
  | { kind: 'UNITS'; units: string[] }
  /** Approved values only; a value that stops being approved reaches the puller as a tombstone. */
  | { kind: 'PUBLISHED' };

export function exportAccess(caller: ExportCaller | null, publishedOnly: boolean): ExportAccess {
  if (publishedOnly || !caller) return { kind: 'PUBLISHED' };
  if (caller.roles.some((r) => r === 'MINISTRY' || r === 'ADMIN')) return { kind: 'ALL' };
  if (caller.roles.some((r) => r === 'EDITOR' || r === 'APPROVER') && caller.units.length > 0) return { kind: 'UNITS', units: [...caller.units] };
  // Signed in without a role of this graph: what an anonymous reader sees.
  return { kind: 'PUBLISHED' };
}

export const EXPORT_FORMATS = ['ndjson', 'csv', 'dhis2', 'dhis2csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportRequest {
  format: ExportFormat;
  year: number | null;
  within: string | null;
  since: string | null;
  publishedOnly: boolean;
  gzip: boolean;
}

export type ParsedExportRequest = { ok: true; request: ExportRequest } | { ok: false; field: string; reason: string };

const UNIT_REF = /^[0-9A-Za-z]{1,10}(@\d{4}-\d{2}-\d{2})?$/;

/**
 * Reads the query string of `GET /exports/indicator-values`; a bad parameter is named with the
 * reason. `acceptEncoding` is the request's Accept-Encoding header (gzip when it names gzip, or `gzip=true`).
 */
export function parseExportRequest(query: Record<string, unknown>, acceptEncoding = ''): ParsedExportRequest {
  const one = (name: string): string | null => {
    const v = query[name];
    if (v === undefined || v === null || v === '') return null;
    return Array.isArray(v) ? String(v[v.length - 1]) : typeof v === 'string' ? v : JSON.stringify(v);
  };
  const fail = (field: string, reason: string): ParsedExportRequest => ({ ok: false, field, reason });
  const known = new Set(['format', 'year', 'within', 'since', 'published', 'gzip']);
  for (const name of Object.keys(query)) if (!known.has(name)) return fail(name, `unknown parameter (known: ${[...known].join(', ')})`);
  const format = (one('format') ?? 'ndjson').toLowerCase();
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) return fail('format', `must be one of ${EXPORT_FORMATS.join(', ')}, got "${format}"`);
  const yearText = one('year');
  let year: number | null = null;
  if (yearText !== null) {
    if (!/^\d{4}$/.test(yearText)) return fail('year', `must be a four-digit year, got "${yearText}"`);
    year = Number(yearText);
    if (year < 2010 || year > 2100) return fail('year', `must be between 2010 and 2100, got ${year}`);
  }
  const within = one('within');
  if (within !== null && !UNIT_REF.test(within))
    return fail('within', `must be a unit code ("40") or id ("40@2025-03-01"), got "${within.slice(0, 40)}"`);
  const since = one('since');
  if (since !== null && (format === 'dhis2' || format === 'dhis2csv')) {
    return fail('since', 'the DHIS2 formats are snapshots (DHIS2 has no tombstones); pull changes as ndjson or csv');
  }
  const flag = (name: string): boolean | 'bad' => {
    const v = one(name);
    if (v === null) return false;
    if (v === 'true' || v === '1') return true;
    if (v === 'false' || v === '0') return false;
    return 'bad';
  };
  const published = flag('published');
  if (published === 'bad') return fail('published', 'must be true or false');
  const gzipFlag = flag('gzip');
  if (gzipFlag === 'bad') return fail('gzip', 'must be true or false');
  const gzip = gzipFlag || /\bgzip\b/i.test(acceptEncoding);
  return { ok: true, request: { format: format as ExportFormat, year, within, since, publishedOnly: published, gzip } };
}
