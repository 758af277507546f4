import { copyText } from './copy-rows';
import { inForceOn, isInForce, toPgArray } from './sql';

describe('SQL value encoding', () => {
  it('escapes COPY text: NULL, backslash, tab, newline', () => {
    expect(copyText(null)).toBe('\\N');
    expect(copyText(85.5)).toBe('85.5');
    expect(copyText(true)).toBe('true');
    expect(copyText('a\tb\nc\\d\re')).toBe('a\\tb\\nc\\\\d\\re');
    expect(copyText('Xã Đạ M’ri')).toBe('Xã Đạ M’ri');
  });

  it('writes text[] literals that survive quotes, backslashes and commas', () => {
    expect(toPgArray(['40@2025-03-01', 'a,b', 'say "hi"', 'back\\slash'])).toBe('{"40@2025-03-01","a,b","say \\"hi\\"","back\\\\slash"}');
    expect(toPgArray([])).toBe('{}');
    expect(toPgArray([1, null, 2.5])).toBe('{"1",NULL,"2.5"}');
  });
});

describe('validity periods', () => {
  it('treats null bounds as open and both bounds as inclusive', () => {
    expect(isInForce(null, '2025-06-30', '2025-06-30')).toBe(true);
    expect(isInForce(null, '2025-06-30', '2025-07-01')).toBe(false);
    expect(isInForce('2025-07-01', null, '2025-07-01')).toBe(true);
    expect(isInForce('2025-07-01', null, '2024-06-30')).toBe(false);
    expect(inForceOn('u')).toBe('(u.valid_from is null or u.valid_from <= ?::date) and (u.valid_to is null or u.valid_to >= ?::date)');
  });
});
