/** Kinds of administrative units (Tỉnh, Huyện, Xã …): how they are written before or after a name. */
import { accentKey, foldText, isUnaccented } from './fold';

export type UnitLevel = 'PROVINCE' | 'DISTRICT' | 'COMMUNE' | 'VILLAGE';

/** The canonical kinds and the level each one implies ('Thành phố' is a province or a district: null). */
export const LEVEL_OF_KIND: Readonly<Record<string, UnitLevel | null>> = {
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

/** The level all the given kinds imply, or null when none or they disagree. */
export function levelOfKinds(kinds: readonly string[]): UnitLevel | null {
  const levels = new Set(kinds.map((k) => LEVEL_OF_KIND[k] ?? null));
  return levels.size === 1 ? [...levels][0] : null;
}

/** Vietnamese kind words as written before a name (longest first); the last four are village kinds. */
const WORD_FORMS: readonly (readonly [string, string])[] = [
  ['Tổ dân phố', 'Tổ dân phố'],
  ['Thành phố', 'Thành phố'],
  ['Thủ đô', 'Thành phố'],
  ['Thị xã', 'Thị xã'],
  ['Thị trấn', 'Thị trấn'],
  ['Đặc khu', 'Đặc khu'],
  ['Tỉnh', 'Tỉnh'],
  ['Huyện', 'Huyện'],
  ['Quận', 'Quận'],
  ['Xã', 'Xã'],
  ['Phường', 'Phường'],
  ['Thôn', 'Thôn'],
  ['Bản', 'Bản'],
  ['Ấp', 'Ấp'],
];
/** Words that are also the first syllable of many commune names ("Xã Bản Máy"): never a certain kind. */
const VILLAGE_KINDS = new Set(['Thôn', 'Bản', 'Ấp', 'Tổ dân phố']);

interface WordForm {
  kind: string;
  folded: string[];
  accents: string[];
}
const WORDS: WordForm[] = WORD_FORMS.map(([written, kind]) => ({
  kind,
  folded: written.split(' ').map(foldText),
  accents: written.split(' ').map(accentKey),
}));
const FIRST_WORDS = new Set(WORDS.map((w) => w.folded[0]));

/** Abbreviations (the dot is required for single letters: "T. Nghệ An", never "T Nghệ An"). */
const TWO_LETTERS: Record<string, string> = { p: 'Thành phố', x: 'Thị xã', t: 'Thị trấn' };
const ONE_LETTER: Record<string, string> = { x: 'Xã', p: 'Phường', h: 'Huyện', q: 'Quận', t: 'Tỉnh' };
const TWO_LETTER_ABBREVIATION = /^t(?:\.\s*)?([pxt])(?:\.\s*|\s+)/i; // TP, TP., T.P., TX, T.X., TT, T.T.
const ONE_LETTER_ABBREVIATION = /^([xphqt])\.\s*/i; // X., P., H., Q., T.
const NUMBERED = /^([pq])(\d{1,3})$/i; // Q1, P12

/** English kind words, as a suffix ("Hung Dong Ward") or a prefix ("Ward 1", "City of Vinh"). */
const ENGLISH: readonly (readonly [string, readonly string[]])[] = [
  ['special administrative region', ['Đặc khu']],
  ['special zone', ['Đặc khu']],
  ['urban district', ['Quận']],
  ['rural district', ['Huyện']],
  ['district', ['Huyện', 'Quận']],
  ['commune', ['Xã']],
  ['ward', ['Phường']],
  ['province', ['Tỉnh']],
  ['city', ['Thành phố']],
  ['township', ['Thị trấn']],
  ['town', ['Thị xã', 'Thị trấn']],
  ['village', ['Thôn', 'Bản', 'Ấp']],
];
const ENGLISH_SUFFIX = new RegExp(`[\\s,.]+(${ENGLISH.map(([w]) => w.replace(/ /g, '\\s+')).join('|')})\\.?\\s*$`, 'i');
const ENGLISH_PREFIX = new RegExp(`^(${ENGLISH.map(([w]) => w.replace(/ /g, '\\s+')).join('|')})\\s+(?:of\\s+)?`, 'i');
const ENGLISH_LAST_WORDS = new Set(ENGLISH.map(([w]) => w.split(' ').pop()!));
const ENGLISH_KINDS = new Map(ENGLISH.map(([w, kinds]) => [w.replace(/ /g, ''), kinds]));

export interface KindPrefix {
  /** Canonical kinds the written form allows, most likely first ("District" → Huyện, Quận). */
  kinds: readonly string[];
  /**
   * False when the kind word was written without diacritics ("Xa", "Quan") or is a village kind:
   * the same letters may begin the name itself ("Quan Hoa", "Bản Máy"), so both readings count.
   */
  certain: boolean;
  /** How it was written: a Vietnamese word, an abbreviation, or an English word. */
  form: 'word' | 'abbreviation' | 'english';
  /** The text after (or before) the kind, unfolded. */
  rest: string;
}

const hasLetters = (text: string) => foldText(text) !== '';

/**
 * Reads the kind written before a name ("Xã", "xa", "XÃ", "X.", "TP.", "Thủ đô") or around it in
 * English ("… Ward", "Province of …"). The kind must be a whole word, and nothing is stripped when
 * nothing would remain ("Phường" alone is a name). Input: NFC text.
 */
export function readKind(text: string): KindPrefix | null {
  const trimmed = text.trim();
  const two = TWO_LETTER_ABBREVIATION.exec(trimmed);
  if (two && hasLetters(trimmed.slice(two[0].length))) {
    return { kinds: [TWO_LETTERS[two[1].toLowerCase()]], certain: true, form: 'abbreviation', rest: trimmed.slice(two[0].length) };
  }
  const one = ONE_LETTER_ABBREVIATION.exec(trimmed);
  if (one && hasLetters(trimmed.slice(one[0].length))) {
    return { kinds: [ONE_LETTER[one[1].toLowerCase()]], certain: true, form: 'abbreviation', rest: trimmed.slice(one[0].length) };
  }
  const numbered = NUMBERED.exec(trimmed);
  if (numbered) return { kinds: [ONE_LETTER[numbered[1].toLowerCase()]], certain: true, form: 'abbreviation', rest: numbered[2] };

  const tokens = trimmed.split(/\s+/);
  const foldedTokens = tokens.slice(0, 4).map(foldText);
  // An English suffix before Vietnamese words: in "quan hoa Ward" the kind is Ward, not Quận.
  if (ENGLISH_LAST_WORDS.has(foldText(tokens[tokens.length - 1]))) {
    const suffix = ENGLISH_SUFFIX.exec(trimmed);
    if (suffix && hasLetters(trimmed.slice(0, suffix.index))) {
      return {
        kinds: ENGLISH_KINDS.get(foldText(suffix[1]).replace(/ /g, ''))!,
        certain: true,
        form: 'english',
        rest: trimmed.slice(0, suffix.index),
      };
    }
  }
  if (FIRST_WORDS.has(foldedTokens[0])) {
    for (const form of WORDS) {
      const n = form.folded.length;
      if (tokens.length <= n) continue;
      let certain = !VILLAGE_KINDS.has(form.kind);
      let matches = true;
      for (let i = 0; i < n && matches; i++) {
        const token = tokens[i];
        if (foldedTokens[i] !== form.folded[i]) matches = false;
        else if (isUnaccented(token)) certain &&= isUnaccented(form.accents[i]);
        else if (accentKey(token) !== form.accents[i]) matches = false; // "Phương", "Quán", "Tịnh": a name, not a kind
      }
      const rest = tokens.slice(n).join(' ');
      if (matches && hasLetters(rest)) return { kinds: [form.kind], certain, form: 'word', rest };
    }
  }
  const prefix = ENGLISH_PREFIX.exec(trimmed);
  if (prefix && hasLetters(trimmed.slice(prefix[0].length))) {
    return {
      kinds: ENGLISH_KINDS.get(foldText(prefix[1]).replace(/ /g, ''))!,
      certain: true,
      form: 'english',
      rest: trimmed.slice(prefix[0].length),
    };
  }
  return null;
}

/** True for village kinds (Thôn, Bản, Ấp, Tổ dân phố). */
export const isVillageKind = (kind: string): boolean => VILLAGE_KINDS.has(kind);

/**
 * The canonical kind of an official `kind` value: "Thành phố Trung ương" and "Thành phố trực thuộc
 * trung ương" → "Thành phố", "Đặc khu tại hải đảo" → "Đặc khu", "xã" → "Xã". Null when unknown.
 */
export function canonicalKind(kind: string): string | null {
  const folded = foldText(kind);
  for (const form of WORDS) {
    const written = form.folded.join(' ');
    if (folded === written || folded.startsWith(written + ' ')) return form.kind;
  }
  return null;
}
