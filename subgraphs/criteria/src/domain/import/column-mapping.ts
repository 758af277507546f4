/**
 * Which columns of a commune spreadsheet hold what: the unit (name and/or code, optionally its
 * district), the indicator, the year and the value — read from headers written in Vietnamese (with
 * or without diacritics) or English, over one or two header rows (a merged group cell above its
 * sub-columns), in either layout:
 *
 * - LONG: one value per row (an indicator column and a value column), as DHIS2's data-value CSV;
 * - WIDE: one row per unit, one column per indicator ("8.4", "Chỉ tiêu 8.4 (%)", "CT 2.2").
 *
 * Written by hand: header vocabularies are domain knowledge no spreadsheet library has. The
 * person can override any guess (`applyOverride`), and a mapping is saved per source.
 */
import { foldText } from '@ntm/names';

export type ColumnRole = 'unitCode' | 'unitName' | 'district' | 'province' | 'indicator' | 'year' | 'value';

export interface ColumnMapping {
  layout: 'LONG' | 'WIDE';
  /** Rows before the data (1 or 2 header rows, after any title rows). */
  headerRows: number;
  /** 0-based index of the first header row. */
  headerStart: number;
  /** Column index of each role found. */
  columns: Partial<Record<ColumnRole, number>>;
  /** WIDE: column index → indicator code. */
  indicatorColumns: Record<number, string>;
  /** The header text each column was read from (merged group label + sub-label), for the report. */
  headers: string[];
  /** True for DHIS2's data-value-set CSV (dataelement, period, orgunit, …, value). */
  dhis2: boolean;
}

/** DHIS2's data-value CSV columns, in order (DHIS2 ignores the header row; so do we, by position). */
export const DHIS2_COLUMNS = [
  'dataelement',
  'period',
  'orgunit',
  'catoptcombo',
  'attroptcombo',
  'value',
  'storedby',
  'lastupdated',
  'comment',
  'followup',
];

/**
 * Folded header words for each role. A header matches a phrase when its folded text equals it or
 * starts/ends with it as whole words; the longest matching phrase decides the role.
 */
const VOCABULARY: [ColumnRole, string[]][] = [
  [
    'unitCode',
    [
      'ma xa',
      'ma don vi',
      'ma dvhc',
      'ma don vi hanh chinh',
      'ma phuong',
      'ma xa phuong',
      'unit code',
      'commune code',
      'orgunit',
      'org unit',
      'code',
      'ma',
    ],
  ],
  ['district', ['huyen', 'quan huyen', 'ten huyen', 'quan', 'thi xa', 'district', 'huyen thi xa thanh pho']],
  ['province', ['tinh', 'ten tinh', 'tinh thanh pho', 'province']],
  ['indicator', ['ma chi tieu', 'chi tieu', 'indicator', 'indicator code', 'dataelement', 'data element', 'tieu chi']],
  ['year', ['nam', 'nam bao cao', 'ky bao cao', 'year', 'period', 'ky']],
  ['value', ['gia tri', 'ket qua', 'so lieu', 'value', 'ty le', 'gia tri chi tieu', 'ket qua thuc hien']],
  [
    'unitName',
    ['ten xa', 'xa', 'xa phuong', 'xa phuong thi tran', 'ten don vi', 'don vi', 'phuong', 'commune', 'ward', 'unit', 'unit name', 'name', 'ten'],
  ],
];

/** "8.4", "Chỉ tiêu 8.4", "CT 2.2 (%)", "TC8.4", "Indicator 17.1": the indicator code in a header, if any. */
export function indicatorCodeInHeader(header: string): string | null {
  const match = /(?:^|[^\d.])(\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)(?![\d.]*\d)/.exec(header.normalize('NFC'));
  if (!match) return null;
  const rest = foldText(header.replace(match[1], ' '));
  // Only words that introduce an indicator may surround the code ("Chỉ tiêu 8.4 (%)"), so "Năm 2024.1" or a date is not one.
  const allowed = /^(chi tieu|ct|tc|tieu chi|indicator|ind|ma|so|ty le|gia tri|value|)$/;
  const words = rest.replace(/\b(phan tram|percent)\b/g, '').trim();
  return allowed.test(words) ? match[1] : null;
}

/** The role whose phrase matches the header most specifically (the longest phrase wins: "mã chỉ tiêu" is an indicator, not a code). */
function roleOf(header: string): ColumnRole | null {
  const text = foldText(header);
  if (!text) return null;
  let found: { role: ColumnRole; length: number } | null = null;
  for (const [role, phrases] of VOCABULARY) {
    for (const phrase of phrases) {
      const matches = text === phrase || text.startsWith(`${phrase} `) || text.endsWith(` ${phrase}`);
      if (matches && (!found || phrase.length > found.length)) found = { role, length: phrase.length };
    }
  }
  return found?.role ?? null;
}

/** A column's header: its full text (group label + sub-label) and the sub-label alone (what decides its role). */
interface HeaderCell {
  text: string;
  label: string;
}

/** Header cells over one or two rows: a merged group cell (empty to its right) prefixes its sub-columns. */
function combinedHeaders(top: string[], sub: string[] | null): HeaderCell[] {
  const width = Math.max(top.length, sub?.length ?? 0);
  const out: HeaderCell[] = [];
  let group = '';
  for (let c = 0; c < width; c++) {
    const t = (top[c] ?? '').trim();
    if (t) group = t;
    const s = (sub?.[c] ?? '').trim();
    if (!sub || !s) out.push({ text: t, label: t });
    else out.push({ text: `${t || group} ${s}`.trim(), label: s });
  }
  return out;
}

function isGroupRow(top: string[], sub: string[]): boolean {
  const filled = (c: string | undefined) => (c ?? '').trim() !== '';
  const width = Math.max(top.length, sub.length);
  let groups = 0;
  let mergedOver = 0;
  for (let c = 0; c < width; c++) {
    if (filled(top[c])) groups++;
    else if (filled(sub[c]) && c > 0) mergedOver++;
  }
  return groups >= 2 && mergedOver >= 1;
}

function scoreHeaders(headers: HeaderCell[]): {
  columns: Partial<Record<ColumnRole, number>>;
  indicatorColumns: Record<number, string>;
  score: number;
} {
  const columns: Partial<Record<ColumnRole, number>> = {};
  const indicatorColumns: Record<number, string> = {};
  headers.forEach((header, c) => {
    const code = indicatorCodeInHeader(header.label);
    if (code) {
      indicatorColumns[c] = code;
      return;
    }
    // Under a group cell the sub-label decides ("Mã" and "Tên xã" under "Đơn vị").
    const role = roleOf(header.label) ?? roleOf(header.text);
    if (role && columns[role] === undefined) columns[role] = c;
  });
  const score = Object.keys(columns).length * 2 + Object.keys(indicatorColumns).length;
  return { columns, indicatorColumns, score };
}

/**
 * Guesses the mapping from the first rows of a sheet (title rows above the header are skipped).
 * Returns null with a reason when no unit column or no value can be found.
 */
export function detectColumns(firstRows: string[][]): { mapping: ColumnMapping } | { reason: string } {
  const rows = firstRows.slice(0, 12).map((r) => r.map((c) => (c ?? '').toString()));
  const header0 = rows[0]?.map((c) => foldText(c).replace(/ /g, '')) ?? [];
  if (DHIS2_COLUMNS.every((name, i) => header0[i] === name) || (header0.length >= 6 && header0[0] === 'dataelement' && header0.includes('orgunit'))) {
    const at = (name: string) => header0.indexOf(name);
    return {
      mapping: {
        layout: 'LONG',
        headerRows: 1,
        headerStart: 0,
        columns: { indicator: at('dataelement'), year: at('period'), unitCode: at('orgunit'), value: at('value') },
        indicatorColumns: {},
        headers: rows[0],
        dhis2: true,
      },
    };
  }
  let best: (ReturnType<typeof scoreHeaders> & { start: number; count: number; headers: HeaderCell[] }) | null = null;
  for (let start = 0; start < Math.min(rows.length, 8); start++) {
    const oneRow = combinedHeaders(rows[start], null);
    let candidate = { ...scoreHeaders(oneRow), start, count: 1, headers: oneRow };
    // A two-row header is a row of group cells (at least two, some merged over several columns)
    // above sub-labels; a lone title spanning the sheet is not one. It wins when it reads at least as much.
    const sub = rows[start + 1];
    if (sub && isGroupRow(rows[start], sub)) {
      const twoRows = combinedHeaders(rows[start], sub);
      const scored = scoreHeaders(twoRows);
      if (scored.score >= candidate.score) candidate = { ...scored, start, count: 2, headers: twoRows };
    }
    if (!best || candidate.score > best.score) best = candidate;
  }
  if (!best) return { reason: 'the sheet is empty' };
  const { columns, indicatorColumns } = best;
  if (columns.unitCode === undefined && columns.unitName === undefined) {
    return { reason: 'no column for the unit: name one header "Tên xã" / "Xã" or "Mã xã" (or override the mapping)' };
  }
  const wide = Object.keys(indicatorColumns).length > 0 && (columns.indicator === undefined || columns.value === undefined);
  if (!wide && (columns.indicator === undefined || columns.value === undefined)) {
    return { reason: 'no indicator and value columns ("Chỉ tiêu", "Giá trị") and no column headed by an indicator code such as "8.4"' };
  }
  return {
    mapping: {
      layout: wide ? 'WIDE' : 'LONG',
      headerRows: best.count,
      headerStart: best.start,
      columns,
      indicatorColumns: wide ? indicatorColumns : {},
      headers: best.headers.map((h) => h.text),
      dhis2: false,
    },
  };
}

/** A person's corrections to a guessed mapping: roles by column index or header text. */
export interface MappingOverride {
  columns?: Partial<Record<ColumnRole, number | string | null>>;
  indicatorColumns?: Record<string, string | null>;
}

/** Applies an override; names the role and the header that could not be found. */
export function applyOverride(mapping: ColumnMapping, override: MappingOverride): { mapping: ColumnMapping } | { field: string; reason: string } {
  const next: ColumnMapping = { ...mapping, columns: { ...mapping.columns }, indicatorColumns: { ...mapping.indicatorColumns } };
  const indexOf = (ref: number | string): number => (typeof ref === 'number' ? ref : next.headers.findIndex((h) => foldText(h) === foldText(ref)));
  for (const [role, ref] of Object.entries(override.columns ?? {}) as [ColumnRole, number | string | null][]) {
    if (ref === null) {
      delete next.columns[role];
      continue;
    }
    const index = indexOf(ref);
    if (index < 0 || index >= next.headers.length) return { field: `mapping.columns.${role}`, reason: `no column "${ref}" in the header` };
    next.columns[role] = index;
  }
  for (const [ref, code] of Object.entries(override.indicatorColumns ?? {})) {
    const index = /^\d+$/.test(ref) ? Number(ref) : indexOf(ref);
    if (index < 0 || index >= next.headers.length) return { field: `mapping.indicatorColumns.${ref}`, reason: `no column "${ref}" in the header` };
    if (code === null) delete next.indicatorColumns[index];
    else next.indicatorColumns[index] = code;
  }
  if (Object.keys(next.indicatorColumns).length > 0 && (next.columns.indicator === undefined || next.columns.value === undefined))
    next.layout = 'WIDE';
  return { mapping: next };
}

/** One value a data row carries, before any matching or validation. */
export interface RawValue {
  /** 1-based row number in the file, as a spreadsheet shows it. */
  row: number;
  unitCode: string | null;
  unitName: string | null;
  district: string | null;
  indicator: string;
  year: string | null;
  value: string;
}

/** The values of one data row (several in the WIDE layout; an empty cell carries none). */
export function valuesOfRow(mapping: ColumnMapping, cells: string[], row: number): RawValue[] {
  const cell = (role: ColumnRole): string | null => {
    const index = mapping.columns[role];
    if (index === undefined) return null;
    const text = (cells[index] ?? '').toString().trim();
    return text === '' ? null : text;
  };
  const base = { row, unitCode: cell('unitCode'), unitName: cell('unitName'), district: cell('district'), year: cell('year') };
  if (mapping.layout === 'LONG') {
    const indicator = cell('indicator');
    const value = cell('value');
    if (indicator === null && value === null && base.unitCode === null && base.unitName === null) return [];
    return [{ ...base, indicator: indicator ?? '', value: value ?? '' }];
  }
  const out: RawValue[] = [];
  for (const [index, code] of Object.entries(mapping.indicatorColumns)) {
    const text = (cells[Number(index)] ?? '').toString().trim();
    if (text !== '') out.push({ ...base, indicator: code, value: text });
  }
  return out;
}
