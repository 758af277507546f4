/** Parsing a written unit name into its kind, its folded core and disambiguating hints. */
import { accentKey, foldText, isUnaccented } from './fold';
import { isVillageKind, levelOfKinds, readKind, type UnitLevel } from './kinds';

export interface ParsedName {
  /** Canonical Vietnamese kind recognised from a prefix, abbreviation or English form; null when none. */
  kind: string | null;
  /** Level implied by the kind when unambiguous ('Thành phố' → null). */
  level: UnitLevel | null;
  /** Folded name without the kind: "hung dong"; numbers kept ("Phường 1" → "1"). */
  core: string;
  /** Core without spaces: "hungdong". */
  key: string;
  /** Folded disambiguating text from "(…)", " - TP …" or ", …", its own kind stripped: "vinh", "dong da". */
  hint: string | null;
}

/** One way to read a name: which kind it names and what remains. */
export interface Reading {
  /** Canonical kinds the written kind allows (empty: no kind written). */
  kinds: readonly string[];
  /** The kind was written unmistakably (with its diacritics, abbreviated, or in English). */
  certain: boolean;
  core: string;
  key: string;
  /** The remaining name with diacritics (tone placement made canonical); null when typed without any. */
  accentCore: string | null;
  /** This reading is a fallback (the kind word taken as part of the name): exact key only, no typo search. */
  exactOnly: boolean;
}

/** Everything the matcher needs from a written name. */
export interface NameAnalysis {
  /** Readings, most likely first: "Quan Hoa" is Quận "Hoa" or the name "Quan Hoa". */
  readings: Reading[];
  /** The name (hints removed) with diacritics, tone placement made canonical; null when typed without any. */
  accentFull: string | null;
  /** For each hint, its readings ("quận Đống Đa": Quận "dongda", or the name "quandongda"). */
  hints: Reading[][];
  /** The first hint, folded, its kind stripped. */
  hint: string | null;
}

const ROMAN: Record<string, number> = Object.fromEntries(
  ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii', 'xiii', 'xiv', 'xv', 'xvi', 'xvii', 'xviii', 'xix', 'xx'].map((r, i) => [
    r,
    i + 1,
  ]),
);

/**
 * The folded core made comparable: "NT"/"N.T" (nông trường, state farm) spelled out, leading zeros
 * dropped ("Phường 01" = "Phường 1"), Roman numerals as digits ("Phường IV" = "Phường 4" after a kind;
 * a trailing "II", "III", "IV" … anywhere: "Hòa Tú II" = "Hòa Tú 2").
 */
function normaliseCore(folded: string, afterKind: boolean): string {
  let core = folded.replace(/^n t |^nt /, 'nong truong ').replace(/\b0+(\d)/g, '$1');
  if (afterKind && ROMAN[core] !== undefined) core = String(ROMAN[core]);
  else core = core.replace(/ (ii|iii|iv|vii|viii|ix|xi|xii)$/, (_, r: string) => ` ${ROMAN[r]}`);
  return core;
}

/** `accented`: the whole name was written with diacritics, so those of this part are evidence too ("Phường Sa Pa" is not "Sa Pả"). */
function reading(kinds: readonly string[], certain: boolean, text: string, exactOnly: boolean, accented: boolean): Reading {
  const core = normaliseCore(foldText(text), kinds.length > 0);
  return { kinds, certain, core, key: core.replace(/ /g, ''), accentCore: accented ? accentKey(text) : null, exactOnly };
}

/** The readings of a name without hints. */
export function readingsOf(name: string): Reading[] {
  const accented = !isUnaccented(name);
  const prefix = readKind(name);
  if (!prefix) return [reading([], false, name, false, accented)];
  const stripped = reading(prefix.kinds, prefix.certain, prefix.rest, false, accented);
  // A Vietnamese kind word may be the first syllable of the name itself ("Quan Hoa", "Bản Máy",
  // "Phường Phường Đúc"): also read the whole text as the name, fully when the kind was uncertain.
  if (prefix.form !== 'word') return [stripped];
  return [stripped, reading([], false, name, prefix.certain, accented)];
}

const DASH = /\s*[-–—]\s*/g;

/** True when the text has a kind that may name an ancestor ("TP Vinh", "quận Đống Đa", "Vinh City"), not a village kind. */
function beginsWithAncestorKind(text: string): boolean {
  const prefix = readKind(text);
  return prefix !== null && !prefix.kinds.every(isVillageKind);
}

/**
 * Splits off disambiguating hints: trailing "(…)" groups, ", …" parts, and " - …" parts that begin
 * with a kind ("P.Hưng Đông - TP Vinh"). "Phường Văn Miếu - Quốc Tử Giám" is one name.
 */
export function splitHints(raw: string): { name: string; hints: string[] } {
  let name = raw.trim();
  const hints: string[] = [];
  for (let paren = /\(([^()]*)\)?\s*$/.exec(name); paren && paren.index > 0; paren = /\(([^()]*)\)?\s*$/.exec(name)) {
    if (paren[1].trim()) hints.unshift(paren[1].trim());
    name = name.slice(0, paren.index).trim();
  }
  const commaParts = name.split(/\s*[,;]\s*/);
  if (commaParts.length > 1 && foldText(commaParts[0])) {
    name = commaParts[0];
    hints.unshift(...commaParts.slice(1).filter((p) => foldText(p)));
  }
  for (const dash of name.matchAll(DASH)) {
    const after = name.slice(dash.index + dash[0].length);
    if (dash.index > 0 && beginsWithAncestorKind(after)) {
      hints.unshift(...after.split(DASH).filter((p) => foldText(p)));
      name = name.slice(0, dash.index);
      break;
    }
  }
  return { name, hints: hints.flatMap((h) => h.split(/\s*[,;]\s*/)).filter((h) => foldText(h)) };
}

/** Analyses a written name: hints apart, then the readings of what remains. */
export function analyseName(raw: string): NameAnalysis {
  const { name, hints } = splitHints(raw);
  const hintReadings = hints.map((h) => readingsOf(h));
  return {
    readings: readingsOf(name),
    accentFull: isUnaccented(name) ? null : accentKey(name),
    hints: hintReadings,
    hint: hintReadings.length ? hintReadings[0][0].core || null : null,
  };
}

/** Splits a name into its kind, its folded core, and a disambiguating hint ("(quận Đống Đa)", "- TP Vinh"). */
export function parseUnitName(raw: string): ParsedName {
  const analysis = analyseName(raw);
  const [first] = analysis.readings;
  return {
    kind: first.kinds[0] ?? null,
    level: levelOfKinds(first.kinds),
    core: first.core,
    key: first.key,
    hint: analysis.hint,
  };
}

/** The key used for search: parseUnitName(raw).key. "Tinh Nghe An", "NGHỆ AN", "nghe an" → "nghean". */
export function searchKey(raw: string): string {
  return parseUnitName(raw).key;
}
