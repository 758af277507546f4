import { accentKey, foldText, parseUnitName, soundAlikeKey, type ParsedName, type UnitLevel } from './parse';
import { deletions, editDistance } from './similarity';

export interface MatchableUnit {
  id: string;
  code: string;
  /** Official full name, e.g. "Phường Hưng Đông". */
  name: string;
  level: UnitLevel;
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
  score: number;
}

export interface MatchResult<U> {
  status: MatchStatus;
  /** The chosen unit; null when AMBIGUOUS or UNMATCHED. */
  best: U | null;
  /** Score of the best candidate, 0 when there is none. */
  score: number;
  /** Candidates worth showing, best first (at most MAX_CANDIDATES, all ties included). */
  candidates: Candidate<U>[];
}

/**
 * Scoring, from 0 to 1:
 *  - 1.00  the name is the official full name (same letters and diacritics; case and spacing aside)
 *  - 0.98  the name without its kind is identical with its diacritics (tone-mark placement aside)
 *  - 0.95  the folded name without its kind is identical (diacritics, tone-mark placement, case,
 *          spacing, punctuation and kind prefix or English suffix aside)
 *  - 0.85 / 0.75  one / two edits (typo) away; two edits only for names of 8+ letters;
 *          +0.03 when the difference is a regional spelling (s/x, ch/tr, gi/d/r, b/p)
 *  - +0.03 the kind given agrees with the unit's (Xã / Phường …); −0.12 when it conflicts
 *  - +0.04 a hint in the name ("(quận Đống Đa)", "- TP Vinh") names one of the unit's ancestors;
 *          −0.15 when it names none of them
 * Status: UNMATCHED below FLOOR; AMBIGUOUS when two or more candidates are within TIE of the best
 * (never resolved silently); EXACT when the best is an identical name (1.0, or 0.95+ with no kind
 * conflict) and unique; MATCHED otherwise.
 */
export const SCORES = { FULL: 1, KEY: 0.95, SAME_DIACRITICS: 0.03, SOUND_ALIKE: 0.03, ONE_EDIT: 0.85, TWO_EDITS: 0.75, KIND_AGREES: 0.03, KIND_CONFLICTS: -0.12, HINT_AGREES: 0.04, HINT_CONFLICTS: -0.15 };
export const FLOOR = 0.7;
export const TIE = 0.02;
export const MAX_CANDIDATES = 5;

interface Indexed<U> {
  unit: U;
  parsed: ParsedName;
  /** Official name with diacritics, tone placement made canonical: for the 1.0 "same name" test. */
  exact: string;
  /** The same, without the kind: the diacritics of the name itself. */
  accentCore: string;
}

const normalExact = (text: string) => accentKey(text);
const accentCoreOf = (text: string) => accentKey(parseUnitName(text).kind ? text.replace(/^\S+(\s+(trấn|xã|phố|khu))?\s+/i, '') : text);

/**
 * Matches free-text names to the units of one official list. Indexes are built once (exact key
 * map and a symmetric-delete index for typos), so a spreadsheet column of thousands of names is
 * matched in one pass with a handful of map look-ups per name.
 */
export class NameMatcher<U extends MatchableUnit> {
  private readonly byId = new Map<string, Indexed<U>>();
  private readonly byKey = new Map<string, Indexed<U>[]>();
  private readonly byDeletion = new Map<string, Indexed<U>[]>();
  private readonly bySoundAlike = new Map<string, Indexed<U>[]>();
  private readonly ancestorKeys = new Map<string, string[]>();
  private readonly byCode = new Map<string, U[]>();
  private readonly withinCache = new Map<string, U[]>();

  constructor(units: readonly U[]) {
    for (const unit of units) {
      const entry = { unit, parsed: parseUnitName(unit.name), exact: normalExact(unit.name), accentCore: accentCoreOf(unit.name) };
      this.byId.set(unit.id, entry);
      push(this.byKey, entry.parsed.key, entry);
      push(this.byCode, unit.code, unit);
      for (const d of deletions(entry.parsed.key)) push(this.byDeletion, d, entry);
      push(this.bySoundAlike, soundAlikeKey(entry.parsed.key), entry);
    }
  }

  /** Ancestors of a unit, parent first. */
  ancestorsOf(unit: U): U[] {
    const chain: U[] = [];
    let parent = unit.parentId ? this.byId.get(unit.parentId) : undefined;
    while (parent) {
      chain.push(parent.unit);
      parent = parent.unit.parentId ? this.byId.get(parent.unit.parentId) : undefined;
    }
    return chain;
  }

  private keysOfAncestors(unit: U): string[] {
    let keys = this.ancestorKeys.get(unit.id);
    if (!keys) {
      keys = this.ancestorsOf(unit).map((a) => this.byId.get(a.id)!.parsed.key);
      this.ancestorKeys.set(unit.id, keys);
    }
    return keys;
  }

  private isWithin(unit: U, withinIds: ReadonlySet<string>): boolean {
    let id = unit.parentId;
    while (id) {
      if (withinIds.has(id)) return true;
      id = this.byId.get(id)?.unit.parentId ?? null;
    }
    return false;
  }

  /** Units an ancestor reference points to: by code, else by name (all equally good name matches). */
  resolveWithin(within: string): U[] {
    const trimmed = within.trim();
    let units = this.withinCache.get(trimmed);
    if (!units) {
      units = this.byCode.get(trimmed) ?? [];
      if (units.length === 0) {
        const result = this.match({ name: trimmed }, {}, (u) => u.level !== 'COMMUNE' && u.level !== 'VILLAGE');
        units = result.best ? [result.best] : result.status === 'AMBIGUOUS' ? result.candidates.filter((c) => c.score > result.score - TIE).map((c) => c.unit) : [];
      }
      this.withinCache.set(trimmed, units);
    }
    return units;
  }

  match(query: MatchQuery, options: { withinIds?: readonly string[] } = {}, accept?: (unit: U) => boolean): MatchResult<U> {
    let withinIds: Set<string> | null = options.withinIds ? new Set(options.withinIds) : null;
    if (query.within) {
      const ids = this.resolveWithin(query.within).map((u) => u.id);
      withinIds = new Set(withinIds ? ids.filter((id) => withinIds!.has(id)) : ids);
    }
    const parsed = parseUnitName(query.name);
    if (!parsed.key) return { status: 'UNMATCHED', best: null, score: 0, candidates: [] };
    const exact = normalExact(query.name);
    const accentCore = foldText(query.name) === query.name.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim() ? null : accentCoreOf(query.name.replace(/\s*\([^)]*\)\s*$/, ''));
    const pool = new Set<Indexed<U>>(this.byKey.get(parsed.key) ?? []);
    for (const d of deletions(parsed.key)) for (const e of this.byDeletion.get(d) ?? []) pool.add(e);
    for (const e of this.bySoundAlike.get(soundAlikeKey(parsed.key)) ?? []) pool.add(e);

    const scored: Candidate<U>[] = [];
    for (const entry of pool) {
      const { unit } = entry;
      if (query.level && unit.level !== query.level) continue;
      if (withinIds && !this.isWithin(unit, withinIds)) continue;
      if (accept && !accept(unit)) continue;
      const score = this.score(parsed, exact, accentCore, entry);
      if (score > 0) scored.push({ unit, score });
    }
    scored.sort((a, b) => b.score - a.score || a.unit.code.localeCompare(b.unit.code));
    return decide(scored);
  }

  matchMany(queries: readonly MatchQuery[], options: { withinIds?: readonly string[] } = {}): MatchResult<U>[] {
    return queries.map((q) => this.match(q, options));
  }

  private score(query: ParsedName, exact: string, accentCore: string | null, entry: Indexed<U>): number {
    let score: number;
    if (exact === entry.exact) score = SCORES.FULL;
    else if (accentCore !== null && accentCore === entry.accentCore) score = SCORES.KEY + SCORES.SAME_DIACRITICS;
    else {
      const longest = Math.max(query.key.length, entry.parsed.key.length);
      const distance = editDistance(query.key, entry.parsed.key, 2);
      const soundsAlike = distance > 0 && soundAlikeKey(query.key) === soundAlikeKey(entry.parsed.key);
      if (distance === 0) score = SCORES.KEY;
      else if (distance === 1 && (longest >= 4 || soundsAlike)) score = SCORES.ONE_EDIT;
      else if (distance === 2 && (longest >= 8 || soundsAlike)) score = SCORES.TWO_EDITS;
      else return 0;
      if (soundsAlike) score += SCORES.SOUND_ALIKE;
    }
    if (query.kind && entry.parsed.kind) score += query.kind === entry.parsed.kind ? SCORES.KIND_AGREES : SCORES.KIND_CONFLICTS;
    if (query.hint) {
      const hintKey = query.hint.replace(/ /g, '');
      const agrees = this.keysOfAncestors(entry.unit).some((k) => k === hintKey || (hintKey.length >= 5 && editDistance(k, hintKey, 1) <= 1));
      score += agrees ? SCORES.HINT_AGREES : SCORES.HINT_CONFLICTS;
    }
    return Math.max(0, Math.min(1, Math.round(score * 1000) / 1000));
  }
}

function decide<U>(scored: Candidate<U>[]): MatchResult<U> {
  const top = scored[0];
  if (!top || top.score < FLOOR) return { status: 'UNMATCHED', best: null, score: top?.score ?? 0, candidates: scored.slice(0, MAX_CANDIDATES) };
  const ties = scored.filter((c) => c.score > top.score - TIE);
  const shown = scored.slice(0, Math.max(MAX_CANDIDATES, ties.length));
  if (ties.length > 1) return { status: 'AMBIGUOUS', best: null, score: top.score, candidates: shown };
  const status: MatchStatus = top.score >= SCORES.KEY ? 'EXACT' : 'MATCHED';
  return { status, best: top.unit, score: top.score, candidates: shown };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Folded key of a free text (for callers comparing hints and names themselves). */
export const foldKey = (text: string) => foldText(text).replace(/ /g, '');
