/**
 * A tiny RFC 4180 CSV reader: comma separator, fields optionally in double quotes (with `""` for a
 * quote, and commas or line breaks inside), LF or CRLF line ends, UTF-8 text with or without a
 * byte-order mark. Blank lines are skipped. Nothing is trimmed here.
 */

export interface CsvRecord {
  /** 1-based line number where the record starts. */
  line: number;
  fields: string[];
}

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

export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const n = text.length;
  while (i < n) {
    const recordLine = line;
    const fields: string[] = [];
    let blank = true;
    for (;;) {
      // one field
      if (text[i] === '"') {
        blank = false;
        const fieldLine = line;
        const column = fields.length + 1;
        i++;
        let value = '';
        let start = i;
        for (;;) {
          if (i >= n) throw new CsvParseError(fieldLine, column, 'unterminated quoted field');
          const ch = text[i];
          if (ch === '"') {
            if (text[i + 1] === '"') {
              value += text.slice(start, i + 1);
              i += 2;
              start = i;
              continue;
            }
            value += text.slice(start, i);
            i++;
            break;
          }
          if (ch === '\n') line++;
          i++;
        }
        fields.push(value);
        if (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
          throw new CsvParseError(line, column, 'unexpected text after a closing quote (a quote inside a quoted field must be doubled: "")');
        }
      } else {
        const start = i;
        while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
          if (text[i] === '"') throw new CsvParseError(line, fields.length + 1, 'a quote inside an unquoted field (quote the whole field and double the quote)');
          i++;
        }
        const value = text.slice(start, i);
        if (value !== '') blank = false;
        fields.push(value);
      }
      if (i < n && text[i] === ',') {
        blank = false;
        i++;
        continue;
      }
      // end of record
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      line++;
      break;
    }
    if (!blank) records.push({ line: recordLine, fields });
  }
  return records;
}

/** Quotes a field for CSV output when it needs it. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
