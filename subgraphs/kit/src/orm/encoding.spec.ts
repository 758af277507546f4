import { copyText } from './copy-rows';
import { toPgArray } from './sql';

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
  });
});
