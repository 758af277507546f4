import { accentKey, foldText, parseUnitName, searchKey, soundAlikeKey } from './parse';
import { parseCsv } from './csv';
import { editDistance } from './similarity';

describe('foldText', () => {
  it('ignores diacritics, tone-mark placement, đ, case, spacing and punctuation', () => {
    expect(foldText('Thanh Hoá')).toBe('thanh hoa');
    expect(foldText('Thanh Hóa')).toBe('thanh hoa');
    expect(foldText('Thanh Hóa'.normalize('NFD'))).toBe('thanh hoa');
    expect(foldText('  ĐẮK   Lắk. ')).toBe('dak lak');
    expect(foldText('Bà Rịa - Vũng Tàu')).toBe('ba ria vung tau');
  });
});

describe('parseUnitName', () => {
  it.each([
    ['Tỉnh Nghệ An', 'Tỉnh', 'nghean'],
    ['Tinh Nghe An', 'Tỉnh', 'nghean'],
    ['NGHỆ AN', null, 'nghean'],
    ['TP. Vinh', 'Thành phố', 'vinh'],
    ['TP Vinh', 'Thành phố', 'vinh'],
    ['Thành phố Hà Nội', 'Thành phố', 'hanoi'],
    ['Thủ Đô Hà Nội', 'Thành phố', 'hanoi'],
    ['H. Nghi Lộc', 'Huyện', 'nghiloc'],
    ['Huyện Nghi Lộc', 'Huyện', 'nghiloc'],
    ['Q. Ba Đình', 'Quận', 'badinh'],
    ['TX. Cửa Lò', 'Thị xã', 'cualo'],
    ['Thị xã Cửa Lò', 'Thị xã', 'cualo'],
    ['X. Hung Dong', 'Xã', 'hungdong'],
    ['xã hưng đông', 'Xã', 'hungdong'],
    ['P.Hưng Đông', 'Phường', 'hungdong'],
    ['TT. Quán Hành', 'Thị trấn', 'quanhanh'],
    ['Thị trấn Quán Hành', 'Thị trấn', 'quanhanh'],
    ['Đặc khu Côn Đảo', 'Đặc khu', 'condao'],
    ['Hung Dong ward', 'Phường', 'hungdong'],
    ['Nghi Loc District', 'Huyện', 'nghiloc'],
    ['Nghe An Province', 'Tỉnh', 'nghean'],
    ['Phường 1', 'Phường', '1'],
    ['Tam Đảo', null, 'tamdao'],
  ])('%s → kind %s, key %s', (raw, kind, key) => {
    const parsed = parseUnitName(raw);
    expect([parsed.kind, parsed.key]).toEqual([kind, key]);
  });

  it('keeps a disambiguating hint apart', () => {
    expect(parseUnitName('P.Hưng Đông - TP Vinh')).toMatchObject({ kind: 'Phường', key: 'hungdong', hint: 'vinh' });
    expect(parseUnitName('Phường Quang Trung (quận Đống Đa)')).toMatchObject({ key: 'quangtrung', hint: 'dong da' });
  });

  it('never strips a kind when nothing would remain', () => {
    expect(parseUnitName('Xã').key).toBe('xa');
    expect(searchKey('Phường')).toBe('phuong');
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent transpositions', () => {
    expect(editDistance('hungdong', 'hungdong')).toBe(0);
    expect(editDistance('hungdong', 'hungdongg')).toBe(1);
    expect(editDistance('hungdong', 'hugndong')).toBe(1);
    expect(editDistance('hungdong', 'hangdung')).toBe(2);
    expect(editDistance('abc', 'xyzabc', 2)).toBe(3);
  });
});

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and newlines', () => {
    expect(parseCsv('a,b\n"x, y","say ""hi""\nthere"\n1,\n')).toEqual([
      { a: 'x, y', b: 'say "hi"\nthere' },
      { a: '1', b: '' },
    ]);
  });
});

describe('accentKey', () => {
  it('keeps diacritics but not tone-mark placement', () => {
    expect(accentKey('Thanh Hoá')).toBe(accentKey('Thanh Hóa'));
    expect(accentKey('Khánh Hoà')).toBe(accentKey('Khánh Hòa'));
    expect(accentKey('Sa Pa')).not.toBe(accentKey('Sa Pả'));
    expect(accentKey('Minh Quán')).not.toBe(accentKey('Minh Quân'));
  });
});

describe('regional spellings and numerals', () => {
  it('reads Roman numerals after a kind, and tells sound-alike spellings', () => {
    expect(parseUnitName('Phường IV').key).toBe('4');
    expect(parseUnitName('Xã Hòa Tú II').key).toBe(parseUnitName('Xã Hòa Tú 2').key);
    expect(parseUnitName('Phường Phường Đúc').key).toBe('duc');
    expect(parseUnitName('Xã Xá Tổng').key).toBe('xatong');
    expect(soundAlikeKey(parseUnitName('Xã Sủng Cháng').key)).toBe(soundAlikeKey(parseUnitName('Xã Sủng Tráng').key));
    expect(soundAlikeKey('saphin')).toBe(soundAlikeKey('xaphin'));
  });
});
