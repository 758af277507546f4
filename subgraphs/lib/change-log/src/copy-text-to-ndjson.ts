import { Transform, type TransformCallback } from 'node:stream';

/** The value of one field of COPY's text format: `\N` is null; backslash escapes undone. */
export function copyTextField(raw: string): string | null {
  if (raw === '\\N') return null;
  if (!raw.includes('\\')) return raw;
  return raw.replace(/\\(.)/g, (_, c: string) =>
    c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c === 'b' ? '\b' : c === 'f' ? '\f' : c === 'v' ? '\v' : c,
  );
}

/** PostgreSQL's ISO timestamptz text ("2026-12-01 14:27:00.12+00") as ISO 8601 ("2026-12-01T14:27:00.12+00:00"). */
export function isoTimestamp(text: string): string {
  const t = text.replace(' ', 'T');
  return /[+-]\d\d$/.test(t) ? `${t}:00` : t;
}

/** How a column is written: text, a JSON number, an ISO timestamp, a boolean (COPY's t/f), or JSON as it is (jsonb, arrays as to_json). */
export type FieldKind = 'string' | 'number' | 'timestamp' | 'boolean' | 'json';

/**
 * Turns COPY … TO STDOUT text rows (tab-separated, one per line) into NDJSON objects with the given
 * keys, in this process: PostgreSQL sends the compact text form (the same bytes as a plain COPY)
 * and the JSON is written here, faster than json_build_object on the server. Keeps at most one
 * partial line between chunks, so memory stays flat; a chunk may end inside a multi-byte
 * character, so lines are cut on bytes (a newline byte never occurs inside one).
 */
export class CopyTextToNdjson extends Transform {
  private rest: Buffer | null = null;
  private readonly prefixes: string[];
  constructor(private readonly columns: readonly { key: string; kind: FieldKind }[]) {
    super();
    this.prefixes = columns.map((c, i) => `${i === 0 ? '{' : ','}${JSON.stringify(c.key)}:`);
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    const data = this.rest ? Buffer.concat([this.rest, chunk]) : chunk;
    const last = data.lastIndexOf(10);
    if (last < 0) {
      this.rest = data;
      return done();
    }
    this.rest = last + 1 < data.length ? Buffer.from(data.subarray(last + 1)) : null;
    const lines = data.toString('utf8', 0, last).split('\n');
    let out = '';
    for (const line of lines) out += this.row(line);
    done(null, out);
  }

  override _flush(done: TransformCallback): void {
    if (this.rest && this.rest.length > 0) return done(null, this.row(this.rest.toString('utf8')));
    done();
  }

  private row(line: string): string {
    const fields = line.split('\t');
    let out = '';
    for (let i = 0; i < this.columns.length; i++) {
      const value = copyTextField(fields[i] ?? '\\N');
      const kind = this.columns[i].kind;
      out += this.prefixes[i];
      if (value === null) out += 'null';
      else if (kind === 'number' || kind === 'json') out += value;
      else if (kind === 'boolean') out += value === 't' ? 'true' : 'false';
      else out += JSON.stringify(kind === 'timestamp' ? isoTimestamp(value) : value);
    }
    return out + '}\n';
  }
}
