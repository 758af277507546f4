import { accentKey, foldKey, foldText, isUnaccented, soundAlikeKey } from './fold';

describe('foldText', () => {
  it('ignores tone-mark placement: hóa/hoá, hòa/hoà, thủy/thuỷ', () => {
    expect(foldText('Thanh Hoá')).toBe('thanh hoa');
    expect(foldText('Thanh Hóa')).toBe('thanh hoa');
    expect(foldText('Khánh Hoà')).toBe(foldText('Khánh Hòa'));
    expect(foldText('Thuỷ Nguyên')).toBe(foldText('Thủy Nguyên'));
  });

  it('gives the same result for NFC and NFD input', () => {
    const nfc = 'Phường Hưng Đông, Thành phố Vinh, Tỉnh Nghệ An'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(foldText(nfd)).toBe(foldText(nfc));
    expect(foldText(nfc)).toBe('phuong hung dong thanh pho vinh tinh nghe an');
  });

  it('folds đ/Đ to d, lowercases, turns punctuation into spaces and collapses whitespace', () => {
    expect(foldText('ĐẮK LẮK')).toBe('dak lak');
    expect(foldText('  Đồng\tĐăng. ')).toBe('dong dang');
    expect(foldText('Bà Rịa - Vũng Tàu')).toBe('ba ria vung tau');
    expect(foldText('P.Hưng Đông')).toBe('p hung dong');
    expect(foldText('Phường 01')).toBe('phuong 01');
    expect(foldText('...')).toBe('');
  });

  it('strips any Latin accent and treats other scripts as separators', () => {
    expect(foldText('Crème Brûlée')).toBe('creme brulee');
    expect(foldText('Hà Nội 🙂 ok')).toBe('ha noi ok');
  });

  it('foldKey drops the spaces', () => {
    expect(foldKey('Nghệ An')).toBe('nghean');
  });
});

describe('accentKey', () => {
  it('keeps diacritics but not tone-mark placement, case, spacing or Unicode form', () => {
    expect(accentKey('Thanh Hoá')).toBe(accentKey('Thanh Hóa'));
    expect(accentKey('Khánh Hoà')).toBe(accentKey('KHÁNH HÒA'));
    expect(accentKey('Thuỷ')).toBe(accentKey('Thủy'.normalize('NFD')));
    expect(accentKey('Sa Pa')).not.toBe(accentKey('Sa Pả'));
    expect(accentKey('Minh Quán')).not.toBe(accentKey('Minh Quân'));
    expect(accentKey('Đông')).not.toBe(accentKey('Dông'));
  });
});

describe('isUnaccented', () => {
  it('tells text typed without any diacritics', () => {
    expect(isUnaccented('Hung Dong - TP Vinh')).toBe(true);
    expect(isUnaccented('Hưng Đông')).toBe(false);
    expect(isUnaccented('Dong'.normalize('NFD') + '\u0300')).toBe(false);
    expect(isUnaccented('Đ')).toBe(false);
  });
});

describe('soundAlikeKey', () => {
  it('makes regional and reformed spellings equal: s/x, ch/tr, gi/d/r, b/p, i/y', () => {
    expect(soundAlikeKey('saphin')).toBe(soundAlikeKey('xaphin'));
    expect(soundAlikeKey('sungchang')).toBe(soundAlikeKey('sungtrang'));
    expect(soundAlikeKey('kyanh')).toBe(soundAlikeKey('kianh'));
    expect(soundAlikeKey('hungdong')).not.toBe(soundAlikeKey('hungdung'));
  });
});
