/**
 * CSV as the project's reference files write it (RFC 4180: comma separator, fields optionally in
 * double quotes with `""` for a quote and commas or line breaks inside, LF or CRLF line ends, UTF-8
 * with or without a byte-order mark), read with `csv-parse`. Blank lines are skipped; nothing is
 * trimmed; rows may have different lengths (the caller checks). Every file here is under 0.5 MB, so
 * the synchronous API reads it whole.
 */
import { CsvError, parse } from 'csv-parse/sync';

export interface CsvRecord {
  /** 1-based line number where the record starts. */
  line: number;
  fields: string[];
}

/** A CSV syntax error: the line where the faulty record starts, the 1-based column (field) and why. */
export class CsvParseError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`CSV line ${line}, column ${column}: ${reason}`);
    this.name = 'CsvParseError';
  }
}

const REASONS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'unterminated quoted field',
  INVALID_OPENING_QUOTE: 'a quote inside an unquoted field (quote the whole field and double the quote)',
  CSV_INVALID_CLOSING_QUOTE: 'unexpected text after a closing quote (a quote inside a quoted field must be doubled: "")',
};

const LF = 0x0a;
const CR = 0x0d;

/**
 * Line numbers from UTF-8 byte offsets (csv-parse reports where each record ends in bytes; its own
 * line count counts CR and LF separately inside quoted fields).
 */
class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly bytes: Buffer) {
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] === LF || (bytes[i] === CR && bytes[i + 1] !== LF)) this.starts.push(i + 1);
    }
  }

  /** The line of the first non-blank line at or after `offset` (the start of the next record). */
  recordLineAt(offset: number): number {
    let i = offset;
    while (i < this.bytes.length && (this.bytes[i] === LF || this.bytes[i] === CR)) i++;
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}

/** Every non-blank record with the line it starts on. Throws CsvParseError on a syntax error. */
export function readCsvRecords(text: string): CsvRecord[] {
  const bytes = Buffer.from(text, 'utf8');
  const lines = new LineIndex(bytes);
  const records: CsvRecord[] = [];
  // Byte offset after the last record read: where the next record (or the faulty one) starts.
  let end = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    parse(bytes, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      on_record: (fields: string[], info) => {
        records.push({ line: lines.recordLineAt(end), fields });
        end = info.bytes;
        return null;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const index = (error as CsvError & { index?: number }).index ?? 0;
    throw new CsvParseError(lines.recordLineAt(end), index + 1, REASONS[error.code] ?? error.message);
  }
  return records;
}

/** Records of a file with a header row, as objects keyed by header name (a missing field reads as ''). */
export function readCsvObjects(text: string): Record<string, string>[] {
  const [header, ...records] = readCsvRecords(text);
  if (!header) return [];
  return records.map((r) => Object.fromEntries(header.fields.map((name, i) => [name, r.fields[i] ?? ''])));
}

/** Quotes a field for CSV output when it needs it. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
