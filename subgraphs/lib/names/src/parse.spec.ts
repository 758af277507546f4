import { analyseName, parseUnitName, readingsOf, searchKey, splitHints } from './parse';

describe('parseUnitName', () => {
  it.each([
    ['Tỉnh Nghệ An', 'Tỉnh', 'PROVINCE', 'nghe an'],
    ['Tinh Nghe An', 'Tỉnh', 'PROVINCE', 'nghe an'],
    ['NGHỆ AN', null, null, 'nghe an'],
    ['T. Nghệ An', 'Tỉnh', 'PROVINCE', 'nghe an'],
    ['Nghe An Province', 'Tỉnh', 'PROVINCE', 'nghe an'],
    ['Thành phố Hà Nội', 'Thành phố', null, 'ha noi'],
    ['Thủ Đô Hà Nội', 'Thành phố', null, 'ha noi'],
    ['TP. Vinh', 'Thành phố', null, 'vinh'],
    ['TP Vinh', 'Thành phố', null, 'vinh'],
    ['Vinh City', 'Thành phố', null, 'vinh'],
    ['H. Nghi Lộc', 'Huyện', 'DISTRICT', 'nghi loc'],
    ['Huyện Nghi Lộc', 'Huyện', 'DISTRICT', 'nghi loc'],
    ['Nghi Loc District', 'Huyện', 'DISTRICT', 'nghi loc'],
    ['Q. Ba Đình', 'Quận', 'DISTRICT', 'ba dinh'],
    ['Quận 1', 'Quận', 'DISTRICT', '1'],
    ['TX. Cửa Lò', 'Thị xã', 'DISTRICT', 'cua lo'],
    ['T.X. Cửa Lò', 'Thị xã', 'DISTRICT', 'cua lo'],
    ['Thị xã Cửa Lò', 'Thị xã', 'DISTRICT', 'cua lo'],
    ['Cua Lo Town', 'Thị xã', null, 'cua lo'],
    ['X. Hung Dong', 'Xã', 'COMMUNE', 'hung dong'],
    ['xã hưng đông', 'Xã', 'COMMUNE', 'hung dong'],
    ['Xa Hung Dong', 'Xã', 'COMMUNE', 'hung dong'],
    ['XÃ HƯNG ĐÔNG', 'Xã', 'COMMUNE', 'hung dong'],
    ['Hung Dong commune', 'Xã', 'COMMUNE', 'hung dong'],
    ['P.Hưng Đông', 'Phường', 'COMMUNE', 'hung dong'],
    ['Hung Dong ward', 'Phường', 'COMMUNE', 'hung dong'],
    ['Phường 1', 'Phường', 'COMMUNE', '1'],
    ['Phường 01', 'Phường', 'COMMUNE', '1'],
    ['Phường IV', 'Phường', 'COMMUNE', '4'],
    ['TT. Quán Hành', 'Thị trấn', 'COMMUNE', 'quan hanh'],
    ['T.T. Quán Hành', 'Thị trấn', 'COMMUNE', 'quan hanh'],
    ['Thị trấn Quán Hành', 'Thị trấn', 'COMMUNE', 'quan hanh'],
    ['Quan Hanh Township', 'Thị trấn', 'COMMUNE', 'quan hanh'],
    ['Đặc khu Côn Đảo', 'Đặc khu', 'COMMUNE', 'con dao'],
    ['Con Dao Special Zone', 'Đặc khu', 'COMMUNE', 'con dao'],
    ['Thôn 3', 'Thôn', 'VILLAGE', '3'],
    ['Tổ dân phố Hưng Phúc', 'Tổ dân phố', 'VILLAGE', 'hung phuc'],
    ['Tam Đảo', null, null, 'tam dao'],
    ['Phương Liệt', null, null, 'phuong liet'],
    ['Thị trấn NT Phong Hải', 'Thị trấn', 'COMMUNE', 'nong truong phong hai'],
    ['Thị trấn N.T Phong Hải', 'Thị trấn', 'COMMUNE', 'nong truong phong hai'],
    ['Xã Hòa Tú II', 'Xã', 'COMMUNE', 'hoa tu 2'],
  ])('%s → kind %s, level %s, core "%s"', (raw, kind, level, core) => {
    expect(parseUnitName(raw)).toMatchObject({ kind, level, core, key: core.replace(/ /g, '') });
  });

  it('gives the same result for NFC and NFD input', () => {
    const raw = 'Phường Quang Trung (quận Đống Đa)';
    expect(parseUnitName(raw.normalize('NFD'))).toEqual(parseUnitName(raw));
  });

  it('never strips a kind when nothing would remain', () => {
    expect(parseUnitName('Xã')).toMatchObject({ kind: null, key: 'xa' });
    expect(parseUnitName('Phường')).toMatchObject({ kind: null, key: 'phuong' });
    expect(parseUnitName('Thị trấn')).toMatchObject({ kind: null, key: 'thitran' });
    expect(parseUnitName('Xã Thị Trấn')).toMatchObject({ kind: 'Xã', key: 'thitran' });
  });
});

describe('hints', () => {
  it('takes a " - " part that begins with a kind, its own kind stripped', () => {
    expect(parseUnitName('P.Hưng Đông - TP Vinh')).toMatchObject({ kind: 'Phường', key: 'hungdong', hint: 'vinh' });
    expect(parseUnitName('Hung Dong - thanh pho Vinh')).toMatchObject({ key: 'hungdong', hint: 'vinh' });
    expect(parseUnitName('Hung Dong Ward - Vinh City')).toMatchObject({ kind: 'Phường', key: 'hungdong', hint: 'vinh' });
    expect(splitHints('Xã Nghi Phú - TP. Vinh - Tỉnh Nghệ An')).toEqual({ name: 'Xã Nghi Phú', hints: ['TP. Vinh', 'Tỉnh Nghệ An'] });
  });

  it('takes a parenthesised part and ", " parts', () => {
    expect(parseUnitName('Phường Quang Trung (quận Đống Đa)')).toMatchObject({ kind: 'Phường', key: 'quangtrung', hint: 'dong da' });
    expect(parseUnitName('Xã Nghi Phú, Nghi Lộc, Nghệ An')).toMatchObject({ key: 'nghiphu', hint: 'nghi loc' });
    expect(splitHints('Xã Nghi Phú (TX. Cửa Lò) (Nghệ An)').hints).toEqual(['TX. Cửa Lò', 'Nghệ An']);
    expect(splitHints('Xã Nghi Phú (huyện Nghi Lộc').hints).toEqual(['huyện Nghi Lộc']);
  });

  it('keeps a double name whole', () => {
    expect(parseUnitName('Phường Văn Miếu - Quốc Tử Giám')).toMatchObject({ key: 'vanmieuquoctugiam', hint: null });
    expect(parseUnitName('Tỉnh Bà Rịa - Vũng Tàu')).toMatchObject({ key: 'bariavungtau', hint: null });
    expect(parseUnitName('Phường Lâm Viên - Đà Lạt')).toMatchObject({ key: 'lamviendalat', hint: null });
    expect(parseUnitName('Huyện A-Lưới')).toMatchObject({ key: 'aluoi', hint: null });
  });

  it('keeps the readings of each hint, with its kind', () => {
    const [hint] = analyseName('Hung Dong (quận Đống Đa)').hints;
    expect(hint.map((r) => [r.kinds, r.certain, r.key])).toEqual([
      [['Quận'], true, 'dongda'],
      [[], false, 'quandongda'],
    ]);
  });
});

describe('readings', () => {
  it('reads an unaccented kind-like first word both ways', () => {
    expect(readingsOf('Quan Hoa').map((r) => [r.kinds, r.key, r.exactOnly])).toEqual([
      [['Quận'], 'hoa', false],
      [[], 'quanhoa', false],
    ]);
  });

  it('reads a certain kind word as the name too, for exact look-up only ("Bản Máy", "Phường Phường Đúc")', () => {
    expect(readingsOf('Phường Phường Đúc').map((r) => [r.key, r.exactOnly])).toEqual([
      ['phuongduc', false],
      ['phuongphuongduc', true],
    ]);
    expect(readingsOf('Bản Máy').map((r) => r.key)).toEqual(['may', 'banmay']);
  });

  it('has one reading for abbreviations and English forms', () => {
    expect(readingsOf('P.Hưng Đông')).toHaveLength(1);
    expect(readingsOf('Hung Dong Ward')).toHaveLength(1);
  });

  it('keeps diacritics as evidence only when the name was written with some', () => {
    expect(readingsOf('Phường Sa Pa')[0].accentCore).not.toBeNull();
    expect(readingsOf('P.Sa Pa')[0].accentCore).toBeNull();
    expect(analyseName('phuong hung dong').accentFull).toBeNull();
  });
});

describe('searchKey', () => {
  it.each(['Tinh Nghe An', 'NGHỆ AN', 'nghe an', 'Tỉnh Nghệ An', 'T. Nghệ An', 'Nghe An Province', 'nghệ  an.'])('%s → nghean', (raw) => {
    expect(searchKey(raw)).toBe('nghean');
  });
});
