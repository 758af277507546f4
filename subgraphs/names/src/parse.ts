/** Folding of Vietnamese text and parsing of unit names into kind, core and hint (pure, no dependencies). */
export type UnitLevel = 'PROVINCE' | 'DISTRICT' | 'COMMUNE' | 'VILLAGE';

/** Lowercase, strip diacritics (any tone-mark placement), đ→d, punctuation→space, collapse spaces. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export interface ParsedName {
  kind: string | null;
  level: UnitLevel | null;
  core: string;
  key: string;
  hint: string | null;
}

/** Folded prefixes (longest first) → canonical kind. */
const PREFIXES: [string, string][] = [
  ['thanh pho truc thuoc trung uong', 'Thành phố'],
  ['thanh pho trung uong', 'Thành phố'],
  ['dac khu tai hai dao', 'Đặc khu'],
  ['to dan pho', 'Tổ dân phố'],
  ['thanh pho', 'Thành phố'],
  ['thu do', 'Thành phố'],
  ['thi tran', 'Thị trấn'],
  ['thi xa', 'Thị xã'],
  ['dac khu', 'Đặc khu'],
  ['tinh', 'Tỉnh'],
  ['huyen', 'Huyện'],
  ['quan', 'Quận'],
  ['phuong', 'Phường'],
  ['xa', 'Xã'],
  ['thon', 'Thôn'],
  ['ban', 'Bản'],
  ['ap', 'Ấp'],
  ['tp', 'Thành phố'],
  ['tx', 'Thị xã'],
  ['tt', 'Thị trấn'],
];
const ABBREVIATIONS: [RegExp, string][] = [
  [/^\s*t\.?\s*p\.\s*/i, 'Thành phố'],
  [/^\s*t\.?\s*x\.\s*/i, 'Thị xã'],
  [/^\s*t\.?\s*t\.\s*/i, 'Thị trấn'],
  [/^\s*x\.\s*/i, 'Xã'],
  [/^\s*p\.\s*/i, 'Phường'],
  [/^\s*h\.\s*/i, 'Huyện'],
  [/^\s*q\.\s*/i, 'Quận'],
  [/^\s*t\.\s*/i, 'Tỉnh'],
];
const ENGLISH: [string, string][] = [
  ['special zone', 'Đặc khu'],
  ['commune', 'Xã'],
  ['ward', 'Phường'],
  ['province', 'Tỉnh'],
  ['city', 'Thành phố'],
  ['district', 'Huyện'],
  ['township', 'Thị trấn'],
  ['town', 'Thị xã'],
];
const LEVEL_OF_KIND: Record<string, UnitLevel | null> = {
  Tỉnh: 'PROVINCE',
  'Thành phố': null,
  Huyện: 'DISTRICT',
  Quận: 'DISTRICT',
  'Thị xã': 'DISTRICT',
  Xã: 'COMMUNE',
  Phường: 'COMMUNE',
  'Thị trấn': 'COMMUNE',
  'Đặc khu': 'COMMUNE',
  Thôn: 'VILLAGE',
  Bản: 'VILLAGE',
  Ấp: 'VILLAGE',
  'Tổ dân phố': 'VILLAGE',
};

function stripKind(raw: string): { kind: string | null; rest: string } {
  for (const [pattern, kind] of ABBREVIATIONS) {
    if (pattern.test(raw)) {
      const rest = foldText(raw.replace(pattern, ''));
      if (rest) return { kind, rest };
    }
  }
  const folded = foldText(raw);
  for (const [prefix, kind] of PREFIXES) {
    if (folded.startsWith(prefix + ' ') && folded.length > prefix.length + 1) return { kind, rest: folded.slice(prefix.length + 1) };
  }
  for (const [word, kind] of ENGLISH) {
    if (folded.endsWith(' ' + word) && folded.length > word.length + 1) return { kind, rest: folded.slice(0, -word.length - 1) };
    if (folded.startsWith(word + ' ') && folded.length > word.length + 1) return { kind, rest: folded.slice(word.length + 1) };
  }
  return { kind: null, rest: folded };
}

const ROMAN: Record<string, number> = Object.fromEntries(
  ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii', 'xiii', 'xiv', 'xv', 'xvi', 'xvii', 'xviii', 'xix', 'xx'].map((r, i) => [r, i + 1]),
);

/** Splits a name into its kind, its folded core, and a disambiguating hint ("(quận Đống Đa)", "- TP Vinh"). */
export function parseUnitName(raw: string): ParsedName {
  let text = raw.normalize('NFC');
  let hintText: string | null = null;
  const paren = /\(([^)]*)\)\s*$/.exec(text);
  if (paren) {
    hintText = paren[1];
    text = text.slice(0, paren.index);
  } else {
    // " - TP Vinh" is a hint only when a kind follows the dash: "Văn Miếu - Quốc Tử Giám" is one name.
    const dash = /\s[-–]\s*((?:tp|tx|q|h|p|t)(?:\.\s*|\s+)\S.*|(?:thành phố|thị xã|quận|huyện|tỉnh|thi xa|thanh pho|quan|huyen|tinh)\s.+)$/i.exec(text);
    if (dash) {
      hintText = dash[1];
      text = text.slice(0, dash.index);
    }
  }
  let { kind, rest } = stripKind(text);
  // A kind written twice ("Phường Phường Đúc" in the official list) is one kind; compared with
  // diacritics, since "Xã Xá Tổng" is not "Xã Xã Tổng".
  const doubled = /^\s*(phường|xã|thị trấn|huyện|quận|tỉnh)\s+(\S+(?:\s+trấn)?)\s/i.exec(text.toLowerCase());
  if (kind && doubled && doubled[1] === doubled[2]) rest = stripKind(rest).rest;
  // "NT" / "N.T" abbreviates nông trường (state farm) in township names.
  let core = rest.replace(/^n t |^nt /, 'nong truong ');
  // "Phường IV" is "Phường 4"; "Hòa Tú II" is "Hòa Tú 2" (a trailing numeral of two or more letters).
  if (kind && ROMAN[core] !== undefined) core = String(ROMAN[core]);
  else core = core.replace(/ (ii|iii|iv|vii|viii|ix|xi|xii)$/, (_, r: string) => ` ${ROMAN[r]}`);
  const hint = hintText ? stripKind(hintText).rest || null : null;
  return { kind, level: kind ? LEVEL_OF_KIND[kind] ?? null : null, core, key: core.replace(/ /g, ''), hint };
}

/** The key used for search: "Tinh Nghe An", "NGHỆ AN", "nghe an" → "nghean". */
export function searchKey(raw: string): string {
  return parseUnitName(raw).key;
}


const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * The name with its diacritics kept but tone-mark placement made canonical (hóa = hoá), in lower
 * case without punctuation: tells "Sa Pa" from "Sa Pả" and "Minh Quán" from "Minh Quân", which
 * folding makes equal.
 */
export function accentKey(text: string): string {
  return text
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .map((syllable) => {
      const tones = syllable.match(TONE_MARKS) ?? [];
      return syllable.replace(TONE_MARKS, '') + tones.join('');
    })
    .join('')
    .normalize('NFC');
}

/**
 * The folded key with the spellings that regional pronunciation confuses made equal (s/x, ch/tr,
 * gi/d/r, b/p): "Sà Phìn" and "Xà Phìn", "Sủng Cháng" and "Sủng Tráng". Used only to break ties
 * between equally close candidates, never to match on its own.
 */
export function soundAlikeKey(key: string): string {
  return key.replace(/tr/g, 'ch').replace(/x/g, 's').replace(/gi/g, 'd').replace(/r/g, 'd').replace(/b/g, 'p');
}
