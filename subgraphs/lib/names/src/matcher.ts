/** Matching written names to the units of one official list, with a score and an honest status. */
import { accentKey, foldText, soundAlikeKey } from './fold';
import { canonicalKind, type UnitLevel } from './kinds';
import { analyseName, readingsOf, type NameAnalysis, type Reading } from './parse';
import { deletions, editDistance } from './similarity';

export interface MatchableUnit {
  id: string;
  code: string;
  /** Official full name, e.g. "Phường Hưng Đông". */
  name: string;
  level: UnitLevel;
  /** Official kind ("Phường", "Thành phố Trung ương" …); used when the name itself has no kind word. */
  kind?: string;
  parentId: string | null;
}

export interface MatchQuery {
  name: string;
  level?: UnitLevel;
  /** An ancestor to search within: its code, or its name in any spelling. */
  within?: string;
}

export type MatchStatus = 'EXACT' | 'MATCHED' | 'AMBIGUOUS' | 'UNMATCHED';

export interface Candidate<U> {
  unit: U;
  /** 0..1, see SCORES. */
  score: number;
}

export interface MatchResult<U> {
  status: MatchStatus;
  /** The chosen unit; null when AMBIGUOUS or UNMATCHED. */
  best: U | null;
  /** Score of the best candidate, 0 when there is none. */
  score: number;
  /** Candidates worth showing, best first: at most MAX_CANDIDATES, but every tied candidate when AMBIGUOUS. */
  candidates: Candidate<U>[];
}

/**
 * Scoring, from 0 to 1. A candidate's score is a base for how its name compares, plus evidence:
 *
 * Base (the name compared without hints):
 *  - 1.00 FULL       the official full name, diacritics included (case, spacing, punctuation, Unicode
 *                    form and tone-mark placement aside: "Thanh Hoá" = "Thanh Hóa")
 *  - 0.98 ACCENTS    the name without its kind, with the same diacritics ("Hưng Đông" for "Phường Hưng Đông")
 *  - 0.95 KEY        the same folded key (diacritics, case, kind prefix/abbreviation/English form aside)
 *  - 0.88 PART       one half of an official double name ("Lâm Viên" for "Phường Lâm Viên - Đà Lạt")
 *  - 0.86 SOUND_ALIKE the same once regional spellings are made equal (s/x, ch/tr, gi/d/r, b/p, i/y):
 *                    ranked first among typos, but within TIE of a one-typo candidate (AMBIGUOUS beside one)
 *  - 0.85 ONE_EDIT   one typo away (insert, delete, substitute or swap two letters) on keys of 4+ letters
 *  - 0.75 TWO_EDITS  two typos away on keys of 8+ letters, in two different syllables ("Hưng Yên Nam" is not
 *                    "Hưng Yên Bắc")
 * Evidence:
 *  - +0.03 KIND_AGREES    the kind written unmistakably (with diacritics, abbreviated, in English) is the unit's
 *  - −0.12 KIND_CONFLICTS the kind written is another one ("Xã" for a Phường): a lower score, still a match if alone
 *  - +0.04 HINT_AGREES    every hint ("(quận Đống Đa)", "- TP Vinh", ", Nghệ An") names one of the unit's
 *                         ancestors (same key or one typo, and the same kind when the hint writes one)
 *  - −0.15 HINT_CONFLICTS some hint names none of them
 * Score = min(base + agreements, cap) + conflicts, at least 0, rounded to 3 decimals. The cap is TIE
 * below the next base up (FULL 1, ACCENTS 0.98, KEY 0.96, PART 0.93, SOUND_ALIKE 0.86, ONE_EDIT 0.85,
 * TWO_EDITS 0.83): agreeing evidence ranks candidates within their tier but never lifts one to a
 * better-written name ("Xã Nghi Vạn (Huyện Nghi Lộc)" stays ahead of Xã Nghi Văn of the same
 * district); conflicts can take a candidate below any tier.
 *
 * Status, over the candidates left by `level` and `within`:
 *  - UNMATCHED  nothing scores FLOOR (0.7) or more (weaker candidates are still listed, as suggestions)
 *  - AMBIGUOUS  two or more candidates within TIE (0.02) of the best: never resolved silently, best = null,
 *               every one of them listed
 *  - EXACT      the single best is FULL, or ACCENTS/KEY with no conflicting kind or hint (score ≥ 0.95);
 *               a typo or a half name never is
 *  - MATCHED    otherwise: one candidate clearly best at FLOOR or above
 */
export const SCORES = {
  FULL: 1,
  ACCENTS: 0.98,
  KEY: 0.95,
  PART: 0.88,
  SOUND_ALIKE: 0.86,
  ONE_EDIT: 0.85,
  TWO_EDITS: 0.75,
  KIND_AGREES: 0.03,
  KIND_CONFLICTS: -0.12,
  HINT_AGREES: 0.04,
  HINT_CONFLICTS: -0.15,
} as const;
export const FLOOR = 0.7;
export const TIE = 0.02;
export const MAX_CANDIDATES = 5;
const EPSILON = 1e-9;
/** Keys of this many letters or more may match two typos away. */
const TWO_EDITS_FROM = 8;

interface Entry<U> {
  unit: U;
  kind: string | null;
  key: string;
  accentFull: string;
  accentCore: string | null;
  ancestorIds: string[];
  ancestors: Entry<U>[];
  hasChildren: boolean;
}

interface Scored<U> {
  entry: Entry<U>;
  score: number;
  /** The base was FULL, ACCENTS or KEY: an identical name. */
  identical: boolean;
}

type Accept<U> = (entry: Entry<U>) => boolean;

/**
 * Matches free-text names to the units of one official list. Indexes are built once: key → units,
 * half of a double name → units, and for typos a symmetric-delete index (each distinct key with one
 * letter removed → keys) plus a sound-alike index. A query costs a few map look-ups and an edit
 * distance per nearby distinct key, never a scan of the list.
 */
export class NameMatcher<U extends MatchableUnit> {
  private readonly byId = new Map<string, Entry<U>>();
  private readonly byCode = new Map<string, U[]>();
  private readonly byKey = new Map<string, Entry<U>[]>();
  private readonly byPart = new Map<string, Entry<U>[]>();
  private readonly keysByDeletion = new Map<string, string[]>();
  private readonly keysBySound = new Map<string, string[]>();
  private readonly keysByTrigram = new Map<string, string[]>();
  /** The folded core (with its spaces) of each distinct key: typos are counted per syllable. */
  private readonly coreOfKey = new Map<string, string>();
  private readonly withinCache = new Map<string, U[]>();

  constructor(units: readonly U[]) {
    for (const unit of units) {
      const readings = readingsOf(unit.name);
      const officialKind = unit.kind ? canonicalKind(unit.kind) : null;
      // A name given without its kind may begin like one ("Quan Hoa" of kind Phường): the kind column decides.
      const official = !readings[0].certain && officialKind && readings[1] && !readings[0].kinds.includes(officialKind) ? readings[1] : readings[0];
      const entry: Entry<U> = {
        unit,
        kind: official.kinds[0] ?? officialKind,
        key: official.key,
        accentFull: accentKey(unit.name),
        accentCore: official.accentCore ?? accentKey(official.core),
        ancestorIds: [],
        ancestors: [],
        hasChildren: false,
      };
      this.byId.set(unit.id, entry);
      push(this.byCode, unit.code, unit);
      if (!this.byKey.has(entry.key)) {
        this.coreOfKey.set(entry.key, official.core);
        for (const d of deletions(entry.key)) push(this.keysByDeletion, d, entry.key);
        push(this.keysBySound, soundAlikeKey(entry.key), entry.key);
        if (entry.key.length >= TWO_EDITS_FROM - 2) for (const t of new Set(trigrams(entry.key))) push(this.keysByTrigram, t, entry.key);
      }
      push(this.byKey, entry.key, entry);
      // "Phường Lâm Viên - Đà Lạt", "Tỉnh Bà Rịa - Vũng Tàu": each half is a partial name.
      const halves = unit.name.split(/\s+[-–—]\s+/);
      if (halves.length > 1) {
        for (const half of halves.slice(1).concat(readingsOf(halves[0])[0].core)) {
          const key = foldText(half).replace(/ /g, '');
          if (key && key !== entry.key) push(this.byPart, key, entry);
        }
      }
    }
    for (const entry of this.byId.values()) {
      const parentEntry = this.parentOf(entry);
      if (parentEntry) parentEntry.hasChildren = true;
      const seen = new Set<string>([entry.unit.id]); // a cycle in bad data ends the chain
      for (let parent = parentEntry; parent && !seen.has(parent.unit.id); parent = this.parentOf(parent)) {
        seen.add(parent.unit.id);
        entry.ancestorIds.push(parent.unit.id);
        entry.ancestors.push(parent);
      }
    }
  }

  private parentOf(entry: Entry<U>): Entry<U> | undefined {
    return entry.unit.parentId === null ? undefined : this.byId.get(entry.unit.parentId);
  }

  /** Ancestors of a unit, parent first. */
  ancestorsOf(unit: U): U[] {
    const entry = this.byId.get(unit.id);
    return entry ? entry.ancestors.map((a) => a.unit) : [];
  }

  /**
   * The units an ancestor reference points to: the units with that code (or id), else the units
   * with children whose name matches it in any spelling (all of them when it is ambiguous).
   */
  resolveWithin(within: string): U[] {
    const trimmed = within.trim();
    let units = this.withinCache.get(trimmed);
    if (!units) {
      units = this.byCode.get(trimmed) ?? (this.byId.has(trimmed) ? [this.byId.get(trimmed)!.unit] : []);
      if (units.length === 0 && trimmed) {
        const result = this.matchWhere(analyseName(trimmed), (e) => e.hasChildren);
        units = result.best ? [result.best] : result.status === 'AMBIGUOUS' ? tiesOf(result).map((c) => c.unit) : [];
      }
      this.withinCache.set(trimmed, units);
    }
    return units;
  }

  /**
   * Matches one name. `level` keeps units of that level; `within` (code or name of an ancestor) and
   * `options.withinIds` (ancestor ids resolved by the caller, any of them) keep their descendants.
   */
  match(query: MatchQuery, options: { withinIds?: readonly string[] } = {}): MatchResult<U> {
    const scopes: Set<string>[] = [];
    if (options.withinIds) scopes.push(new Set(options.withinIds));
    if (query.within !== undefined && query.within.trim() !== '') scopes.push(new Set(this.resolveWithin(query.within).map((u) => u.id)));
    const { level } = query;
    const accept: Accept<U> = (e) => (!level || e.unit.level === level) && scopes.every((s) => e.ancestorIds.some((id) => s.has(id)));
    return this.matchWhere(analyseName(query.name), accept);
  }

  /** Matches each query, in input order. */
  matchMany(queries: readonly MatchQuery[], options: { withinIds?: readonly string[] } = {}): MatchResult<U>[] {
    return queries.map((q) => this.match(q, options));
  }

  private matchWhere(name: NameAnalysis, accept: Accept<U>): MatchResult<U> {
    const found = new Map<Entry<U>, Scored<U>>();
    const consider = (entry: Entry<U>, reading: Reading, base: number, identical: boolean) => {
      if (!accept(entry)) return;
      const score = this.evidence(base, reading, name, entry);
      const seen = found.get(entry);
      if (!seen || score > seen.score) found.set(entry, { entry, score, identical });
    };

    for (const reading of name.readings) {
      if (!reading.key) continue;
      for (const entry of this.byKey.get(reading.key) ?? []) {
        const base =
          name.accentFull !== null && name.accentFull === entry.accentFull
            ? SCORES.FULL
            : reading.accentCore !== null && reading.accentCore === entry.accentCore
              ? SCORES.ACCENTS
              : SCORES.KEY;
        consider(entry, reading, base, true);
      }
      for (const entry of this.byPart.get(reading.key) ?? []) consider(entry, reading, SCORES.PART, false);
    }

    const bestSoFar = () => {
      let best = 0;
      for (const s of found.values()) best = Math.max(best, s.score);
      return best;
    };
    const typoReadings = name.readings.filter((r) => r.key && !r.exactOnly);
    // Typo candidates score at most capOf(SOUND_ALIKE) = 0.86: beside a name found as written they could not even tie.
    if (bestSoFar() < capOf(SCORES.SOUND_ALIKE) + TIE - EPSILON) {
      for (const reading of typoReadings) {
        for (const [key, base] of this.nearbyKeys(reading)) {
          for (const entry of this.byKey.get(key)!) consider(entry, reading, base, false);
        }
      }
    }
    // Last resort for long names with nothing acceptable yet: any two typos, found through shared trigrams.
    if (bestSoFar() < FLOOR - EPSILON) {
      for (const reading of typoReadings) {
        for (const key of this.twoEditKeys(reading)) {
          for (const entry of this.byKey.get(key)!) consider(entry, reading, SCORES.TWO_EDITS, false);
        }
      }
    }

    const scored = [...found.values()].sort((a, b) => b.score - a.score || compareCodes(a.entry.unit.code, b.entry.unit.code));
    return decide(scored);
  }

  /** Distinct keys of the list one or two typos (or a regional spelling) away, with their base score. */
  private nearbyKeys({ key, core }: Reading): Map<string, number> {
    const near = new Map<string, number>();
    const sound = soundAlikeKey(key);
    const consider = (other: string) => {
      if (other === key || near.has(other)) return;
      if (soundAlikeKey(other) === sound) {
        near.set(other, SCORES.SOUND_ALIKE);
        return;
      }
      const longest = Math.max(key.length, other.length);
      const distance = editDistance(key, other, 2);
      if (distance === 1 && longest >= 4) near.set(other, SCORES.ONE_EDIT);
      else if (distance === 2 && longest >= TWO_EDITS_FROM && oneTypoPerSyllable(core, this.coreOfKey.get(other)!)) near.set(other, SCORES.TWO_EDITS);
    };
    for (const d of deletions(key)) for (const other of this.keysByDeletion.get(d) ?? []) consider(other);
    for (const other of this.keysBySound.get(sound) ?? []) consider(other);
    return near;
  }

  /**
   * Distinct keys exactly two edits away from a key, for keys of TWO_EDITS_FROM letters or more: the
   * keys sharing enough trigrams with it (each edit breaks at most three), checked by edit distance.
   */
  private twoEditKeys({ key, core }: Reading): string[] {
    if (key.length < TWO_EDITS_FROM - 2) return [];
    const shared = new Map<string, number>();
    for (const t of new Set(trigrams(key))) for (const other of this.keysByTrigram.get(t) ?? []) shared.set(other, (shared.get(other) ?? 0) + 1);
    const needed = Math.max(1, key.length - 6);
    const keys: string[] = [];
    for (const [other, count] of shared) {
      if (
        count >= needed &&
        Math.max(key.length, other.length) >= TWO_EDITS_FROM &&
        editDistance(key, other, 2) === 2 &&
        oneTypoPerSyllable(core, this.coreOfKey.get(other)!)
      ) {
        keys.push(other);
      }
    }
    return keys;
  }

  /**
   * The score of a candidate: min(base + agreements, the cap of its tier) + conflicts, at least 0.
   * Agreements rank candidates within their tier, never above the next one; conflicts have no floor.
   */
  private evidence(base: number, reading: Reading, name: NameAnalysis, entry: Entry<U>): number {
    let agreements = 0;
    let conflicts = 0;
    if (reading.kinds.length > 0 && entry.kind) {
      if (!reading.kinds.includes(entry.kind)) conflicts += SCORES.KIND_CONFLICTS;
      else if (reading.certain) agreements += SCORES.KIND_AGREES;
    }
    if (name.hints.length > 0) {
      if (name.hints.every((readings) => readings.some((r) => entry.ancestors.some((a) => namesAncestor(r, a))))) agreements += SCORES.HINT_AGREES;
      else conflicts += SCORES.HINT_CONFLICTS;
    }
    return Math.round(Math.max(0, Math.min(base + agreements, capOf(base)) + conflicts) * 1000) / 1000;
  }
}

/** The cap of each base: TIE below the next base up, never below itself (1 for FULL). */
const CAPS = new Map<number, number>(
  [SCORES.FULL, SCORES.ACCENTS, SCORES.KEY, SCORES.PART, SCORES.SOUND_ALIKE, SCORES.ONE_EDIT, SCORES.TWO_EDITS].map((base, _, all) => {
    const above = all.filter((t) => t > base + EPSILON).sort((a, b) => a - b)[0];
    return [base, above === undefined ? 1 : Math.round(Math.max(base, above - TIE) * 1000) / 1000];
  }),
);
export const capOf = (base: number): number => CAPS.get(base) ?? 1;

/**
 * Two typos count only in two different syllables: "Dich Vogn Hua" is a misspelt "Dịch Vọng Hậu",
 * but "Hưng Yên Nam" is not "Hưng Yên Bắc" (one syllable replaced).
 */
function oneTypoPerSyllable(core: string, other: string): boolean {
  const a = core.split(' ');
  const b = other.split(' ');
  return a.length === b.length && a.every((syllable, i) => editDistance(syllable, b[i], 1) <= 1);
}

/** The trigrams of a key, padded at both ends: "vinh" → "^vi", "vin", "inh", "nh$". */
function trigrams(key: string): string[] {
  const padded = `^${key}$`;
  const out: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3));
  return out;
}

/**
 * A hint names an ancestor when their keys are equal (or one typo apart for keys of 5+ letters) and
 * the hint's kind, when written unmistakably, is the ancestor's: "Thành phố Thanh Hóa" is not "Tỉnh Thanh Hóa".
 */
function namesAncestor<U extends MatchableUnit>(hint: Reading, ancestor: Entry<U>): boolean {
  if (hint.certain && ancestor.kind && !hint.kinds.includes(ancestor.kind)) return false;
  const a = ancestor.key;
  const h = hint.key;
  if (h === a) return true;
  return h.length >= 5 && Math.abs(h.length - a.length) <= 1 && editDistance(h, a, 1) <= 1;
}

function decide<U extends MatchableUnit>(scored: Scored<U>[]): MatchResult<U> {
  const top = scored[0];
  if (!top) return { status: 'UNMATCHED', best: null, score: 0, candidates: [] };
  const candidates = (n: number) => scored.slice(0, n).map((s) => ({ unit: s.entry.unit, score: s.score }));
  if (top.score < FLOOR - EPSILON) return { status: 'UNMATCHED', best: null, score: top.score, candidates: candidates(MAX_CANDIDATES) };
  const ties = scored.filter((s) => top.score - s.score < TIE - EPSILON).length;
  if (ties > 1) return { status: 'AMBIGUOUS', best: null, score: top.score, candidates: candidates(Math.max(MAX_CANDIDATES, ties)) };
  const status: MatchStatus = top.identical && top.score >= SCORES.KEY - EPSILON ? 'EXACT' : 'MATCHED';
  return { status, best: top.entry.unit, score: top.score, candidates: candidates(MAX_CANDIDATES) };
}

/** The candidates of a result within TIE of its best (all of them when AMBIGUOUS). */
export function tiesOf<U>(result: MatchResult<U>): Candidate<U>[] {
  return result.candidates.filter((c) => result.score - c.score < TIE - EPSILON);
}

/** Codes in numeric-then-text order, for a stable candidate order among equal scores. */
function compareCodes(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
