import { canonicalKind, LEVEL_OF_KIND, readKind } from './kinds';

const kindOf = (text: string) => {
  const k = readKind(text);
  return k ? { kind: k.kinds[0], certain: k.certain, rest: k.rest } : null;
};

describe('readKind: Vietnamese words, with or without diacritics, any case', () => {
  it.each([
    ['Tỉnh Nghệ An', 'Tỉnh'],
    ['Tinh Nghe An', 'Tỉnh'],
    ['TỈNH NGHỆ AN', 'Tỉnh'],
    ['Thành phố Vinh', 'Thành phố'],
    ['thanh pho Vinh', 'Thành phố'],
    ['Thủ Đô Hà Nội', 'Thành phố'],
    ['Huyện Nghi Lộc', 'Huyện'],
    ['Quận Ba Đình', 'Quận'],
    ['Thị xã Cửa Lò', 'Thị xã'],
    ['Thị Xã Cửa Lò', 'Thị xã'],
    ['Xã Nghi Phú', 'Xã'],
    ['Xa Nghi Phu', 'Xã'],
    ['XÃ NGHI PHÚ', 'Xã'],
    ['Phường Hưng Đông', 'Phường'],
    ['Thị trấn Quán Hành', 'Thị trấn'],
    ['Đặc khu Côn Đảo', 'Đặc khu'],
    ['Dac khu Con Dao', 'Đặc khu'],
    ['Thôn 3', 'Thôn'],
    ['Bản Na Nọi', 'Bản'],
    ['Ấp Tân Hòa', 'Ấp'],
    ['Tổ dân phố 5', 'Tổ dân phố'],
  ])('%s → %s', (text, kind) => {
    expect(kindOf(text)?.kind).toBe(kind);
  });

  it('is certain only when the kind is written with its diacritics (and never for village kinds)', () => {
    expect(kindOf('Xã Nghi Phú')?.certain).toBe(true);
    expect(kindOf('XÃ NGHI PHÚ')?.certain).toBe(true);
    expect(kindOf('Xa Nghi Phu')?.certain).toBe(false);
    expect(kindOf('Quan Hoa')?.certain).toBe(false);
    expect(kindOf('Bản Máy')?.certain).toBe(false);
  });

  it('does not read a word with other diacritics as a kind', () => {
    expect(readKind('Phương Liệt')).toBeNull();
    expect(readKind('Quán Thánh')).toBeNull();
    expect(readKind('Tịnh Châu')).toBeNull();
    expect(readKind('Xá Tổng')).toBeNull();
    expect(readKind('Huyền Sơn')).toBeNull();
  });

  it('needs a whole word, and something left after it', () => {
    expect(readKind('Tam Đảo')).toBeNull();
    expect(readKind('Xuân Lộc')).toBeNull();
    expect(readKind('Phường')).toBeNull();
    expect(readKind('Xã')).toBeNull();
    expect(readKind('Thị trấn')).toBeNull();
    expect(kindOf('Thị trấn Thị Trấn')).toMatchObject({ kind: 'Thị trấn', rest: 'Thị Trấn' });
    expect(kindOf('Phường 1')).toMatchObject({ kind: 'Phường', rest: '1' });
  });
});

describe('readKind: abbreviations', () => {
  it.each([
    ['T. Nghệ An', 'Tỉnh', 'Nghệ An'],
    ['TP. Vinh', 'Thành phố', 'Vinh'],
    ['TP Vinh', 'Thành phố', 'Vinh'],
    ['Tp.Vinh', 'Thành phố', 'Vinh'],
    ['T.P. Vinh', 'Thành phố', 'Vinh'],
    ['H. Nghi Lộc', 'Huyện', 'Nghi Lộc'],
    ['Q. Ba Đình', 'Quận', 'Ba Đình'],
    ['Q.1', 'Quận', '1'],
    ['Q1', 'Quận', '1'],
    ['TX. Cửa Lò', 'Thị xã', 'Cửa Lò'],
    ['TX Cửa Lò', 'Thị xã', 'Cửa Lò'],
    ['T.X. Cửa Lò', 'Thị xã', 'Cửa Lò'],
    ['X. Hưng Đông', 'Xã', 'Hưng Đông'],
    ['x.Hung Dong', 'Xã', 'Hung Dong'],
    ['P.Hưng Đông', 'Phường', 'Hưng Đông'],
    ['P. 12', 'Phường', '12'],
    ['TT. Quán Hành', 'Thị trấn', 'Quán Hành'],
    ['TT Quán Hành', 'Thị trấn', 'Quán Hành'],
    ['T.T. Quán Hành', 'Thị trấn', 'Quán Hành'],
  ])('%s → %s + %s', (text, kind, rest) => {
    expect(kindOf(text)).toEqual({ kind, certain: true, rest });
  });

  it('needs the dot after a single letter', () => {
    expect(readKind('T Nghe An')).toBeNull();
    expect(readKind('X Hung Dong')).toBeNull();
    expect(kindOf('T. Phong')?.kind).toBe('Tỉnh');
  });
});

describe('readKind: English forms, as a suffix or a prefix', () => {
  it.each([
    ['Hung Dong Ward', ['Phường']],
    ['Hung Dong ward', ['Phường']],
    ['Nghi Phu Commune', ['Xã']],
    ['Nghe An Province', ['Tỉnh']],
    ['Vinh City', ['Thành phố']],
    ['Nghi Loc District', ['Huyện', 'Quận']],
    ['Ba Dinh Urban District', ['Quận']],
    ['Cua Lo Town', ['Thị xã', 'Thị trấn']],
    ['Quan Hanh Township', ['Thị trấn']],
    ['Con Dao Special Zone', ['Đặc khu']],
    ['Con Dao Special administrative region', ['Đặc khu']],
    ['Ward Ha Giang 2', ['Phường']],
    ['District 3', ['Huyện', 'Quận']],
    ['City of Vinh', ['Thành phố']],
    ['Province of Nghe An', ['Tỉnh']],
  ])('%s → %j', (text, kinds) => {
    expect(readKind(text)).toMatchObject({ kinds, certain: true, form: 'english' });
  });

  it('prefers the English suffix to a Vietnamese-looking first word', () => {
    expect(readKind('quan hoa Ward')).toMatchObject({ kinds: ['Phường'], rest: 'quan hoa' });
  });
});

describe('canonicalKind', () => {
  it('maps the official kind columns of both lists', () => {
    expect(canonicalKind('Thành phố Trung ương')).toBe('Thành phố');
    expect(canonicalKind('Thành phố trực thuộc trung ương')).toBe('Thành phố');
    expect(canonicalKind('Đặc khu tại hải đảo')).toBe('Đặc khu');
    expect(canonicalKind('Thị trấn')).toBe('Thị trấn');
    expect(canonicalKind('xã')).toBe('Xã');
    expect(canonicalKind('Vương quốc')).toBeNull();
  });

  it('knows the level each kind implies', () => {
    expect(LEVEL_OF_KIND['Đặc khu']).toBe('COMMUNE');
    expect(LEVEL_OF_KIND['Thành phố']).toBeNull();
    expect(LEVEL_OF_KIND['Tổ dân phố']).toBe('VILLAGE');
  });
});
