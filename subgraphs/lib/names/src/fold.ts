/** Folding of Vietnamese text: the comparison forms every other module builds on (pure, no dependencies). */

/** Tone marks in NFD: grave, acute, tilde, hook above, dot below. */
const TONES = new Set([0x300, 0x301, 0x303, 0x309, 0x323]);
const isMark = (code: number) => code >= 0x300 && code <= 0x36f;

/**
 * A character's lowercase NFD decomposition. Strings are processed one UTF-16 unit at a time through
 * cached tables built from it, rather than normalising whole strings: NFC and NFD input give the same
 * result (a decomposed accent is a separate mark character, handled the same way).
 */
const decompose = (char: string): string => char.toLowerCase().normalize('NFD');

/**
 * Per UTF-16 code unit (cached): its folded form: a-z or 0-9, '' for a combining mark, ' ' for
 * anything else (astral characters, as surrogates, are separators: no Vietnamese letter is one).
 */
const folded: (string | undefined)[] = new Array<string | undefined>(0x10000);
function foldChar(code: number): string {
  let f = folded[code];
  if (f === undefined) {
    f = '';
    for (const c of decompose(String.fromCharCode(code))) {
      if (c === 'đ') f += 'd';
      else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) f += c;
      else if (!isMark(c.charCodeAt(0))) f += ' ';
    }
    folded[code] = f;
  }
  return f;
}

/**
 * Lowercase, Unicode NFD, strip combining marks, đ/Đ→d, punctuation→space, collapse whitespace, trim.
 * "Thanh Hoá" and "Thanh Hóa" → "thanh hoa"; NFC and NFD input give the same result.
 */
export function foldText(text: string): string {
  let out = '';
  let space = false;
  for (let at = 0; at < text.length; at++) {
    const f = foldChar(text.charCodeAt(at));
    for (let i = 0; i < f.length; i++) {
      if (f[i] === ' ') space = out.length > 0;
      else {
        if (space) out += ' ';
        out += f[i];
        space = false;
      }
    }
  }
  return out;
}

/** Folded text without spaces: "Nghệ An" → "nghean". */
export const foldKey = (text: string): string => foldText(text).replace(/ /g, '');

/** Latin letters with accents (precomposed or as combining marks), as Vietnamese writes them. */
// eslint-disable-next-line no-misleading-character-class -- combining marks are meant as single characters here
const ACCENTED = /[\u00c0-\u024f\u0300-\u036f\u1e00-\u1eff]/;

/** True when the text has no diacritics at all (typed without accents): its letters carry no accent evidence. */
export function isUnaccented(text: string): boolean {
  return !ACCENTED.test(text);
}

/**
 * The text with its diacritics kept but tone-mark placement made canonical (hóa = hoá, thủy = thuỷ),
 * in lower case, without spaces or punctuation: tells "Sa Pa" from "Sa Pả" and "Minh Quán" from
 * "Minh Quân", which folding makes equal. A comparison form (NFD, each syllable's tone mark moved
 * to its end), not for display.
 */
export function accentKey(text: string): string {
  let out = '';
  let tones = '';
  for (let at = 0; at < text.length; at++) {
    const [kept, tone, separates] = accentPieces(text.charCodeAt(at));
    if (separates) {
      out += sortMarks(tones); // the end of a syllable: its tone mark goes here
      tones = '';
    } else {
      out += kept;
      tones += tone;
    }
  }
  return out + sortMarks(tones);
}

/** Several tone marks on one syllable (a typo) in one order, whatever order they were typed in. */
const sortMarks = (tones: string) => (tones.length > 1 ? [...tones].sort().join('') : tones);

/** Per UTF-16 code unit (cached): [its letters, digits and non-tone marks; its tone marks; whether it separates syllables]. */
const pieces: ([string, string, boolean] | undefined)[] = new Array<[string, string, boolean] | undefined>(0x10000);
function accentPieces(code: number): [string, string, boolean] {
  let p = pieces[code];
  if (p === undefined) {
    let kept = '';
    let tone = '';
    for (const c of decompose(String.fromCharCode(code))) {
      if (TONES.has(c.charCodeAt(0))) tone += c;
      else if (/[\p{L}\p{M}\p{N}]/u.test(c)) kept += c;
    }
    p = [kept, tone, kept === '' && tone === ''];
    pieces[code] = p;
  }
  return p;
}

/**
 * The folded key with the spellings that regional pronunciation or spelling reform confuse made
 * equal (s/x, ch/tr, gi/d/r, b/p, i/y): "Sà Phìn" and "Xà Phìn", "Sủng Cháng" and "Sủng Tráng",
 * "Kỳ Anh" and "Kì Anh". Used to find and rank typo candidates, never to match on its own.
 */
export function soundAlikeKey(key: string): string {
  return key.replace(/tr/g, 'ch').replace(/x/g, 's').replace(/gi/g, 'd').replace(/r/g, 'd').replace(/b/g, 'p').replace(/y/g, 'i');
}
