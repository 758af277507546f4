import { NameMatcher, TIE, foldKey, parseUnitName, type MatchableUnit, type MatchResult } from '@ntm/names';
import { parsePredecessorText, type PredecessorFragment, type Share } from './lineage-text';

/**
 * Resolves the predecessor texts into links between units of the two lists. Pure: the caller
 * hands in both unit lists and the predecessor rows.
 *
 * Province rows are resolved first among the old provinces. A commune's fragments are then
 * matched among the old units of the old provinces its new province was formed from. Same-name
 * communes inside one old province are common; the evidence used, in order: the old district
 * written in the text ("(quận Đống Đa)"), then the old districts of the other fragments of the
 * same new unit that resolved unambiguously. A fragment that stays ambiguous or finds nothing is
 * reported, never guessed.
 */
export interface PredecessorRow {
  code: string;
  full_name: string;
  level: string;
  province_code: string;
  predecessors_text: string;
}

export interface LineageLink {
  successorId: string;
  predecessorId: string;
  share: Share;
  sourceText: string;
}

export type UnresolvedReason = 'UNMATCHED' | 'AMBIGUOUS' | 'UNKNOWN_SUCCESSOR';

export interface UnresolvedFragment {
  successorCode: string;
  successorName: string;
  fragment: string;
  reason: UnresolvedReason;
  /** Candidate old units, "code name (district)". */
  candidates: string[];
}

export interface LineageResult {
  links: LineageLink[];
  unresolved: UnresolvedFragment[];
  /** Rows whose code or name does not agree with the new list (kept, resolved by name). */
  notes: string[];
  stats: {
    rows: number;
    fragments: number;
    resolved: number;
    unresolved: number;
    whole: number;
    part: number;
    unchanged: number;
    /** Ties decided by a district written after the run of names the fragment is in. */
    byRunHint: number;
    /** Links the texts call WHOLE but whose old unit went to two or more new units: made PART. */
    splitMadePart: number;
    /** Ties decided by the old district of the other fragments of the same new unit. */
    bySiblingDistrict: number;
    /** Ties decided because one candidate keeps its code in the new unit. */
    bySameCode: number;
    /** Ties decided because only one candidate had no successor after every other fragment was read. */
    byElimination: number;
  };
}

/** Names the predecessor file writes differently from the lists. */
const ALIASES: Record<string, string> = { tphcm: 'Thành phố Hồ Chí Minh', 'tp hcm': 'Thành phố Hồ Chí Minh', 'tp.hcm': 'Thành phố Hồ Chí Minh' };

export function resolveLineage(oldUnits: MatchableUnit[], newUnits: MatchableUnit[], rows: PredecessorRow[]): LineageResult {
  const oldMatcher = new NameMatcher(oldUnits);
  const oldById = new Map(oldUnits.map((u) => [u.id, u]));
  const newByCode = new Map(newUnits.map((u) => [u.code, u]));
  const newMatcher = new NameMatcher(newUnits);
  const links = new Map<string, LineageLink>();
  const unresolved: UnresolvedFragment[] = [];
  const notes: string[] = [];
  const stats = {
    rows: rows.length,
    fragments: 0,
    resolved: 0,
    unresolved: 0,
    whole: 0,
    part: 0,
    unchanged: 0,
    byRunHint: 0,
    splitMadePart: 0,
    bySiblingDistrict: 0,
    bySameCode: 0,
    byElimination: 0,
  };
  const provinceSources = new Map<string, string[]>();
  const communesOf = new Map<string, MatchableUnit[]>();
  for (const u of oldUnits) if (u.level === 'COMMUNE' && u.parentId) communesOf.set(u.parentId, [...(communesOf.get(u.parentId) ?? []), u]);

  const describe = (u: MatchableUnit) => {
    const parent = u.parentId ? oldById.get(u.parentId) : undefined;
    return `${u.code} ${u.name}${parent && parent.level !== 'PROVINCE' ? ` (${parent.name})` : ''}`;
  };
  const addLink = (successor: MatchableUnit, predecessor: MatchableUnit, share: Share, sourceText: string) => {
    const key = `${successor.id}|${predecessor.id}`;
    const seen = links.get(key);
    if (!seen) links.set(key, { successorId: successor.id, predecessorId: predecessor.id, share, sourceText });
    else if (share === 'PART') seen.share = 'PART';
  };
  /** Ambiguous fragments kept for the elimination pass. */
  const pending: { row: PredecessorRow; successor: MatchableUnit; fragment: PredecessorFragment; candidates: MatchableUnit[] }[] = [];
  const fail = (row: PredecessorRow, fragment: string, reason: UnresolvedReason, candidates: MatchableUnit[] = []) => {
    stats.unresolved++;
    unresolved.push({ successorCode: row.code, successorName: row.full_name, fragment, reason, candidates: candidates.map(describe) });
  };
  const ties = (result: MatchResult<MatchableUnit>) => result.candidates.filter((c) => c.score > result.score - TIE).map((c) => c.unit);

  /** The unit of the new list a row describes: by code, else by name in its province (reported). */
  const successorOf = (row: PredecessorRow): MatchableUnit | null => {
    const byCode = newByCode.get(row.code);
    if (byCode && foldKey(byCode.name) === foldKey(row.full_name)) return byCode;
    if (row.level === 'PROVINCE' && byCode) return byCode;
    const within = row.province_code ? { within: row.province_code } : {};
    const byName = newMatcher.match({ name: row.full_name, level: row.level as MatchableUnit['level'], ...within });
    if (byName.best) {
      notes.push(
        `row ${row.code} "${row.full_name}": code ${row.code} ${byCode ? `is ${byCode.name}` : 'is not in the new list'}; resolved by name to ${byName.best.code} ${byName.best.name}`,
      );
      return byName.best;
    }
    return null;
  };

  const provinceRows = rows.filter((r) => r.level === 'PROVINCE');
  for (const row of provinceRows) {
    const successor = successorOf(row);
    const parsed = parsePredecessorText(row.predecessors_text);
    const names = parsed.unchanged ? [row.full_name] : parsed.fragments.map((f) => f.name);
    const sources: string[] = [];
    for (const name of names) {
      stats.fragments++;
      if (parsed.unchanged) stats.unchanged++;
      if (!successor) {
        fail(row, name, 'UNKNOWN_SUCCESSOR');
        continue;
      }
      const result = oldMatcher.match({ name: ALIASES[name.toLowerCase()] ?? name, level: 'PROVINCE' });
      if (!result.best) {
        fail(row, name, result.status === 'AMBIGUOUS' ? 'AMBIGUOUS' : 'UNMATCHED', ties(result));
        continue;
      }
      stats.resolved++;
      stats.whole++;
      sources.push(result.best.id);
      addLink(successor, result.best, 'WHOLE', row.predecessors_text);
    }
    if (successor) provinceSources.set(successor.id, sources);
  }

  for (const row of rows.filter((r) => r.level !== 'PROVINCE')) {
    const successor = successorOf(row);
    const parsed = parsePredecessorText(row.predecessors_text);
    const fragments: PredecessorFragment[] = parsed.unchanged
      ? [{ text: row.predecessors_text, name: row.full_name, share: 'WHOLE', districtHint: null }]
      : parsed.fragments;
    stats.fragments += fragments.length;
    if (parsed.unchanged) stats.unchanged++;
    if (!successor) {
      for (const f of fragments) fail(row, f.text, 'UNKNOWN_SUCCESSOR');
      continue;
    }
    const withinIds = provinceSources.get(successor.parentId ?? '') ?? [];
    const results = fragments.map((f) => {
      const query = { name: f.districtHint ? `${f.name} (${f.districtHint})` : f.name };
      // The fragment's own kind says its level ("Huyện Kiên Hải" is a district); communes otherwise.
      const level = parseUnitName(f.name).level ?? 'COMMUNE';
      let result = oldMatcher.match({ ...query, level }, { withinIds });
      if (result.status === 'UNMATCHED') {
        const anyLevel = oldMatcher.match(query, { withinIds });
        if (anyLevel.best) result = anyLevel;
      }
      if (parsed.unchanged && result.status === 'AMBIGUOUS') {
        const sameCode = ties(result).find((u) => u.code === successor.code);
        if (sameCode) result = { ...result, status: 'MATCHED', best: sameCode };
      }
      return result;
    });
    const districtsOfOthers = (i: number) => new Set(results.filter((r, j) => j !== i && r.best).map((r) => r.best!.parentId));
    results.forEach((result, i) => {
      const fragment = fragments[i];
      const siblingDistricts = districtsOfOthers(i);
      let best = result.best;
      if (!best && result.status === 'AMBIGUOUS' && fragment.runHint) {
        const hintKey = foldKey(fragment.runHint.replace(/^(quận|huyện|thị xã|thành phố)\s+/i, ''));
        const inRunDistrict = ties(result).filter(
          (u) => u.parentId && foldKey(oldById.get(u.parentId)!.name.replace(/^(Quận|Huyện|Thị xã|Thành phố)\s+/, '')) === hintKey,
        );
        if (inRunDistrict.length === 1) {
          best = inRunDistrict[0];
          stats.byRunHint++;
        }
      }
      if (!best && result.status === 'AMBIGUOUS') {
        const inSiblingDistricts = ties(result).filter((u) => siblingDistricts.has(u.parentId));
        const sameCode = ties(result).filter((u) => u.code === successor.code);
        if (inSiblingDistricts.length === 1) {
          best = inSiblingDistricts[0];
          stats.bySiblingDistrict++;
        } else if (sameCode.length === 1) {
          best = sameCode[0];
          stats.bySameCode++;
        } else {
          pending.push({ row, successor, fragment, candidates: inSiblingDistricts.length > 1 ? inSiblingDistricts : ties(result) });
          return;
        }
      }
      if (!best) {
        fail(
          row,
          fragment.text,
          result.status === 'AMBIGUOUS' ? 'AMBIGUOUS' : 'UNMATCHED',
          result.status === 'AMBIGUOUS' ? ties(result) : result.candidates.map((c) => c.unit),
        );
        return;
      }
      stats.resolved++;
      if (fragment.share === 'PART') stats.part++;
      else stats.whole++;
      addLink(successor, best, fragment.share, row.predecessors_text);
      // A whole old district named as a predecessor ("Huyện Kiên Hải"): its communes went too.
      if (best.level === 'DISTRICT')
        for (const commune of communesOf.get(best.id) ?? []) addLink(successor, commune, fragment.share, row.predecessors_text);
    });
  }
  // Every old unit went somewhere: a tie whose candidates all but one already have a successor
  // is decided for the one without. Repeated while it decides anything.
  let decided = true;
  while (decided && pending.length > 0) {
    decided = false;
    const linked = new Set([...links.values()].map((l) => l.predecessorId));
    for (let i = pending.length - 1; i >= 0; i--) {
      const { successor, fragment, candidates, row } = pending[i];
      const open = candidates.filter((u) => !linked.has(u.id));
      if (open.length === 1) {
        stats.byElimination++;
        stats.resolved++;
        if (fragment.share === 'PART') stats.part++;
        else stats.whole++;
        addLink(successor, open[0], fragment.share, row.predecessors_text);
        linked.add(open[0].id);
        pending.splice(i, 1);
        decided = true;
      }
    }
  }
  for (const p of pending) fail(p.row, p.fragment.text, 'AMBIGUOUS', p.candidates);
  // The texts understate splits: an old unit that went into two or more new units went into each
  // only in part, whatever one text says.
  const successorsOf = new Map<string, LineageLink[]>();
  for (const link of links.values()) successorsOf.set(link.predecessorId, [...(successorsOf.get(link.predecessorId) ?? []), link]);
  for (const group of successorsOf.values()) {
    if (group.length < 2) continue;
    for (const link of group) {
      if (link.share === 'WHOLE') {
        link.share = 'PART';
        stats.splitMadePart++;
      }
    }
  }
  unresolved.sort((a, b) => a.successorCode.localeCompare(b.successorCode));
  return { links: [...links.values()], unresolved, notes, stats };
}
