import { parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and newlines', () => {
    expect(parseCsv('a,b\n"x, y","say ""hi""\nthere"\n1,\n')).toEqual([
      { a: 'x, y', b: 'say "hi"\nthere' },
      { a: '1', b: '' },
    ]);
  });

  it('takes CRLF line ends, a byte-order mark and a missing final newline', () => {
    expect(parseCsv('\ufeffcode,name\r\n01,"Thành phố Hà Nội"\r\n40,Tỉnh Nghệ An')).toEqual([
      { code: '01', name: 'Thành phố Hà Nội' },
      { code: '40', name: 'Tỉnh Nghệ An' },
    ]);
  });
});
