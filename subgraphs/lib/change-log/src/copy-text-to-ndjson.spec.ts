import { Readable } from 'node:stream';
import { CopyTextToNdjson, copyTextField, isoTimestamp } from './copy-text-to-ndjson';

async function convert(chunks: Buffer[]): Promise<string> {
  const out: string[] = [];
  const stream = Readable.from(chunks).pipe(
    new CopyTextToNdjson([
      { key: 'unitId', kind: 'string' },
      { key: 'year', kind: 'number' },
      { key: 'value', kind: 'string' },
      { key: 'at', kind: 'timestamp' },
    ]),
  );
  for await (const c of stream) out.push(String(c));
  return out.join('');
}

describe('COPY text to NDJSON', () => {
  it('reads nulls and escapes of the text format', () => {
    expect(copyTextField('\\N')).toBeNull();
    expect(copyTextField('a\\tb\\\\c\\nd')).toBe('a\tb\\c\nd');
    expect(isoTimestamp('2026-12-01 14:27:00.12+00')).toBe('2026-12-01T14:27:00.12+00:00');
    expect(isoTimestamp('2026-12-01 14:27:00+05:30')).toBe('2026-12-01T14:27:00+05:30');
  });

  it('writes one JSON object per row, whatever the chunk boundaries (inside a line or a multi-byte character)', async () => {
    const text = Buffer.from(
      '17380@2025-03-01\t2024\tđạt "x"\t2026-12-01 14:27:00+00\n00004@2025-07-01\t2025\t\\N\t2026-12-01 14:27:01.5+00\n',
      'utf8',
    );
    const expected =
      JSON.stringify({ unitId: '17380@2025-03-01', year: 2024, value: 'đạt "x"', at: '2026-12-01T14:27:00+00:00' }) +
      '\n' +
      JSON.stringify({ unitId: '00004@2025-07-01', year: 2025, value: null, at: '2026-12-01T14:27:01.5+00:00' }) +
      '\n';
    expect(await convert([text])).toBe(expected);
    // Cut at every byte: the đ (two bytes) and the newline are split too.
    for (let cut = 1; cut < text.length; cut++) expect(await convert([text.subarray(0, cut), text.subarray(cut)])).toBe(expected);
  });
});
