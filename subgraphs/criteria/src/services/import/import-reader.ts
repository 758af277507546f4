import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Dhis2JsonRows } from '../../domain/import/dhis2-json';

export type SheetFormat = 'XLSX' | 'CSV' | 'DHIS2_JSON';

/** XLSX files are ZIP archives ("PK\x03\x04"); a file whose first character is "{" is DHIS2 dataValueSets JSON; anything else is read as CSV. */
export async function formatOf(filePath: string): Promise<SheetFormat> {
  const handle = await open(filePath, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(256), 0, 256, 0);
    if (bytesRead >= 4 && buffer.readUInt32LE(0) === 0x04034b50) return 'XLSX';
    const text = buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimStart();
    return text.startsWith('{') ? 'DHIS2_JSON' : 'CSV';
  } finally {
    await handle.close();
  }
}

/**
 * The delimiter of a CSV file, from its first line: the most frequent of ",", ";" and tab outside
 * quotes (Excel writes ";" where the decimal separator is a comma, as in Vietnamese settings).
 */
export async function sniffDelimiter(filePath: string): Promise<string> {
  const handle = await open(filePath, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(64 * 1024), 0, 64 * 1024, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
    let quoted = false;
    for (const ch of text) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && (ch === '\n' || ch === '\r')) break;
      else if (!quoted && ch in counts) counts[ch]++;
    }
    return Object.entries(counts).sort((a, b) => b[1] - a[1])[0][1] > 0 ? Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0] : ',';
  } finally {
    await handle.close();
  }
}

/** One spreadsheet cell as text: numbers as written by JavaScript, dates as ISO dates, rich text and formulas by their text/result. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result);
    if (typeof v.text === 'string') return v.text;
    if (v.error) return '';
    return JSON.stringify(v);
  }
  return typeof value === 'bigint' ? value.toString() : ''; // symbols and functions are not cell values
}

/**
 * The rows of a file's first sheet, streamed (never the whole file in memory): XLSX with
 * exceljs's streaming WorkbookReader, CSV with csv-parse's stream (delimiter ",", ";" or tab as sniffed,
 * BOM removed, rows of any length), DHIS2 dataValueSets JSON as DHIS2's CSV rows. `onBytes` reports how much of the file has been read.
 */
export async function* readSheetRows(filePath: string, onBytes?: (bytes: number) => void): AsyncGenerator<string[]> {
  const format = await formatOf(filePath);
  const delimiter = format === 'CSV' ? await sniffDelimiter(filePath) : ',';
  const input = createReadStream(filePath, { highWaterMark: 1 << 20 });
  let bytes = 0;
  input.on('data', (chunk) => {
    bytes += chunk.length;
    onBytes?.(bytes);
  });
  try {
    if (format === 'DHIS2_JSON') {
      // One row per data value, after a header of DHIS2's CSV columns (domain/import/dhis2-json.ts).
      const reader = new Dhis2JsonRows();
      for await (const chunk of input.setEncoding('utf8')) yield* reader.push(chunk as string);
      yield* reader.end();
      return;
    }
    if (format === 'CSV') {
      const parser = input.pipe(parse({ bom: true, delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, trim: false }));
      for await (const record of parser) yield record as string[];
      return;
    }
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    });
    // exceljs 4.4's streaming reader reads `this.model.sheets` when a worksheet is parsed before
    // xl/workbook.xml (zip entries may come in any order: the shared strings and rels first, the
    // workbook last), and crashes on the undefined model (exceljs issue #962; the fix proposed
    // upstream, PR #2937, defaults it the same way). Parsing workbook.xml replaces this default.
    const withModel = reader as unknown as { model?: { sheets: unknown[] } };
    withModel.model ??= { sheets: [] };
    for await (const worksheet of reader) {
      let expected = 1;
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        // Empty rows are not emitted: keep row numbers as the spreadsheet shows them.
        for (; expected < row.number; expected++) yield [];
        expected = row.number + 1;
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]).trim());
        yield cells;
      }
      break; // the first sheet only
    }
  } finally {
    input.destroy();
  }
}
