import { csvField, CsvParseError, readCsvObjects, readCsvRecords } from './csv';

function errorOf(text: string): CsvParseError {
  try {
    readCsvRecords(text);
  } catch (e) {
    if (e instanceof CsvParseError) return e;
    throw e;
  }
  throw new Error('expected a CsvParseError');
}

describe('readCsvRecords', () => {
  it('reads plain and quoted fields, with commas, quotes and line breaks inside quotes', () => {
    const text = 'a,b,c\n1,"x, y","say ""hi"""\n2,"line1\nline2",Đạt\n';
    expect(readCsvRecords(text)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'x, y', 'say "hi"'] },
      { line: 3, fields: ['2', 'line1\nline2', 'Đạt'] },
    ]);
  });

  it('counts lines across multi-line fields and blank lines, with CRLF, a byte-order mark and no final newline', () => {
    const rows = readCsvRecords('\ufeffh1,h2\r\n"a\r\nb",1\r\n\r\nc,2');
    expect(rows).toEqual([
      { line: 1, fields: ['h1', 'h2'] },
      { line: 2, fields: ['a\r\nb', '1'] },
      { line: 5, fields: ['c', '2'] },
    ]);
  });

  it('gives the same line numbers with LF, CRLF and with a multi-byte text before', () => {
    const lf = 'n\nThành phố\n"x\ny"\n\nlast\n';
    const lines = (text: string) => readCsvRecords(text).map((r) => r.line);
    expect(lines(lf)).toEqual([1, 2, 3, 6]);
    expect(lines(lf.replace(/\n/g, '\r\n'))).toEqual([1, 2, 3, 6]);
  });

  it('keeps empty fields, including trailing ones, and rows of different lengths', () => {
    expect(readCsvRecords('a,,c,\n,\nx\n').map((r) => r.fields)).toEqual([['a', '', 'c', ''], ['', ''], ['x']]);
  });

  it('reports an unterminated quote at the line where its record starts, with the column', () => {
    const e = errorOf('a,b\n\n1,"open\n2,3\n');
    expect([e.line, e.column, e.reason]).toEqual([3, 2, 'unterminated quoted field']);
    expect(e.message).toBe('CSV line 3, column 2: unterminated quoted field');
    expect(errorOf('h,i\r\n"multi\r\nline",1\r\nx,"open')).toMatchObject({ line: 4, column: 2 });
  });

  it('reports a stray quote with its line and column', () => {
    expect(errorOf('a,b\nx,ab"c\n')).toMatchObject({ line: 2, column: 2, reason: expect.stringMatching(/quote inside an unquoted field/) });
    expect(errorOf('a,b\r\n"x\r\ny",ok\r\n"a"b,c')).toMatchObject({
      line: 4,
      column: 1,
      reason: expect.stringMatching(/unexpected text after a closing quote/),
    });
  });

  it('round-trips with csvField', () => {
    const fields = ['plain', 'with, comma', 'with "quote"', 'multi\nline', ''];
    expect(readCsvRecords(fields.map(csvField).join(',') + '\n')[0].fields).toEqual(fields);
  });
});

describe('readCsvObjects', () => {
  it('keys records by the header, reading missing fields as empty', () => {
    expect(readCsvObjects('\ufeffcode,name\r\n01,"Thành phố Hà Nội"\r\n40\r\n')).toEqual([
      { code: '01', name: 'Thành phố Hà Nội' },
      { code: '40', name: '' },
    ]);
    expect(readCsvObjects('')).toEqual([]);
  });
});
