import { deletions, editDistance } from './similarity';

describe('editDistance (optimal string alignment)', () => {
  it('counts insertions, deletions, substitutions and adjacent transpositions', () => {
    expect(editDistance('hungdong', 'hungdong')).toBe(0);
    expect(editDistance('hungdong', 'hungdongg')).toBe(1);
    expect(editDistance('hungdong', 'hungdon')).toBe(1);
    expect(editDistance('hungdong', 'hungdang')).toBe(1);
    expect(editDistance('hungdong', 'hugndong')).toBe(1);
    expect(editDistance('hungdong', 'hangdung')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('stops past the given maximum', () => {
    expect(editDistance('abc', 'xyzabc', 2)).toBe(3);
    expect(editDistance('abcdef', 'ghijkl', 1)).toBe(2);
  });
});

describe('deletions', () => {
  it('lists the key and the key with each one letter removed', () => {
    expect(deletions('abc')).toEqual(['abc', 'bc', 'ac', 'ab']);
  });
});
