import { csvField, CsvParseError, parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads plain and quoted fields, with commas, quotes and line breaks inside quotes', () => {
    const text = 'a,b,c\n1,"x, y","say ""hi"""\n2,"line1\nline2",Đạt\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'x, y', 'say "hi"'] },
      { line: 3, fields: ['2', 'line1\nline2', 'Đạt'] },
    ]);
  });

  it('counts lines across multi-line fields, skips blank lines, handles CRLF, BOM and a last line without newline', () => {
    const text = '\ufeffh1,h2\r\n"a\r\nb",1\r\n\r\nc,2';
    const rows = parseCsv(text);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 5]);
    expect(rows[0]!.fields).toEqual(['h1', 'h2']);
    expect(rows[1]!.fields).toEqual(['a\r\nb', '1']);
    expect(rows[2]!.fields).toEqual(['c', '2']);
  });

  it('keeps empty fields, including trailing ones', () => {
    expect(parseCsv('a,,c,\n')[0]!.fields).toEqual(['a', '', 'c', '']);
    expect(parseCsv(',\n')[0]!.fields).toEqual(['', '']);
  });

  it('reports an unterminated quote with its line and column', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow(new CsvParseError(2, 2, 'unterminated quoted field'));
  });

  it('reports a stray quote with its line and column', () => {
    const e = (() => { try { parseCsv('a,b\nx,ab"c\n'); } catch (err) { return err as CsvParseError; } return null; })();
    expect(e).toBeInstanceOf(CsvParseError);
    expect(e!.line).toBe(2);
    expect(e!.column).toBe(2);
    expect(() => parseCsv('"a"b,c')).toThrow(/line 1, column 1: unexpected text after a closing quote/);
  });

  it('round-trips with csvField', () => {
    const fields = ['plain', 'with, comma', 'with "quote"', 'multi\nline', ''];
    expect(parseCsv(fields.map(csvField).join(',') + '\n')[0]!.fields).toEqual(fields);
  });
});
