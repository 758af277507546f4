/**
 * Which unit a spreadsheet row means, on the official list in force for the row's year: by code
 * when the file has one, else by name (and district, when a column or the name cell gives one)
 * with the @ntm/names matcher. An old commune name in a row of a year after the 2025 reform
 * (sáp nhập) is found on the old list and followed through the lineage to the unit it became
 * part of. Ambiguity is reported with its candidates, never guessed.
 *
 * Pure: built over the unit-profile rows (every province/district/commune of both lists); results
 * are memoised per distinct (list, code, name, district), so a 500,000-row file with 10,000
 * distinct names costs 10,000 matches.
 */
import { NameMatcher, splitHints, type MatchableUnit, type MatchStatus, type UnitLevel } from '@ntm/names';

export interface ProfileUnit {
  unitId: string;
  code: string;
  listId: string;
  level: string;
  name: string;
  ancestorIds: string[];
  successorIds: string[];
  validFrom: string | null;
  validTo: string | null;
}

export type UnitResolutionStatus = MatchStatus | 'LINEAGE';

export interface ResolvedCandidate {
  unitId: string;
  code: string;
  name: string;
  score: number;
}

export interface UnitResolution {
  /**
   * EXACT / MATCHED (the matcher's status, or a code found on the list: EXACT), LINEAGE (an old
   * name followed to its one successor), AMBIGUOUS (candidates listed), UNMATCHED.
   */
  status: UnitResolutionStatus;
  unit: ProfileUnit | null;
  score: number;
  candidates: ResolvedCandidate[];
  /** The old unit an old name matched, for LINEAGE. */
  via: ProfileUnit | null;
  /** Which input decided: "code" or "name". */
  by: 'code' | 'name' | null;
}

export interface UnitQuery {
  code: string | null;
  name: string | null;
  district: string | null;
}

/** The area a file is about (a province or district code): names are matched among its units only. */
export type AreaCode = string | null;

const inForce = (u: Pick<ProfileUnit, 'validFrom' | 'validTo'>, date: string) =>
  (u.validFrom === null || u.validFrom <= date) && (u.validTo === null || u.validTo >= date);

interface ListIndex {
  listId: string;
  matcher: NameMatcher<MatchableUnit>;
  byCode: Map<string, ProfileUnit>;
  /** False for the two-level list after the reform: a district written in a row names nothing on it. */
  hasDistricts: boolean;
}

const NONE: UnitResolution = { status: 'UNMATCHED', unit: null, score: 0, candidates: [], via: null, by: null };

export class ImportUnitResolver {
  private readonly byId = new Map<string, ProfileUnit>();
  private readonly lists = new Map<string, ListIndex>();
  private readonly memo = new Map<string, UnitResolution>();
  private readonly listByDate = new Map<string, string | null>();

  constructor(units: readonly ProfileUnit[]) {
    for (const u of units) this.byId.set(u.unitId, u);
    const byList = new Map<string, ProfileUnit[]>();
    for (const u of units) byList.set(u.listId, [...(byList.get(u.listId) ?? []), u]);
    for (const [listId, members] of byList) {
      // The parent is the ancestor one step up: the one with one ancestor fewer than the unit.
      const matchable = members.map((u) => ({
        id: u.unitId,
        code: u.code,
        name: u.name,
        level: u.level as UnitLevel,
        parentId: u.ancestorIds.find((a) => (this.byId.get(a)?.ancestorIds.length ?? -1) === u.ancestorIds.length - 1) ?? null,
      }));
      const byCode = new Map<string, ProfileUnit>();
      for (const u of members) byCode.set(u.code, u);
      this.lists.set(listId, { listId, matcher: new NameMatcher(matchable), byCode, hasDistricts: members.some((u) => u.level === 'DISTRICT') });
    }
  }

  unit(id: string): ProfileUnit | undefined {
    return this.byId.get(id);
  }

  /** The list whose units are in force on `date` (null when none is loaded). */
  listOn(date: string): string | null {
    if (this.listByDate.has(date)) return this.listByDate.get(date)!;
    const found = this.findListOn(date);
    this.listByDate.set(date, found);
    return found;
  }

  private findListOn(date: string): string | null {
    for (const list of this.lists.values()) {
      for (const u of list.byCode.values()) {
        if (u.level === 'PROVINCE') {
          if (inForce(u, date)) return list.listId;
          break;
        }
      }
    }
    return null;
  }

  /** The unit a row means on the list `listId`; `laterThan` is the older list whose names are followed through the lineage. */
  resolve(query: UnitQuery, listId: string, olderListId: string | null, within: AreaCode = null): UnitResolution {
    const key = `${listId}\u0001${query.code ?? ''}\u0001${query.name ?? ''}\u0001${query.district ?? ''}\u0001${within ?? ''}`;
    let hit = this.memo.get(key);
    if (!hit) {
      hit = this.compute(query, listId, olderListId, within);
      this.memo.set(key, hit);
    }
    return hit;
  }

  /** Whether a unit lies inside the area with this code (on the unit's own list). */
  private inside(unit: ProfileUnit, within: AreaCode): boolean {
    if (!within) return true;
    const area = this.lists.get(unit.listId)?.byCode.get(within);
    return !!area && (area.unitId === unit.unitId || unit.ancestorIds.includes(area.unitId));
  }

  private compute(query: UnitQuery, listId: string, olderListId: string | null, within: AreaCode): UnitResolution {
    const list = this.lists.get(listId);
    if (!list) return NONE;
    if (query.code) {
      const unit = list.byCode.get(query.code.trim()) ?? list.byCode.get(query.code.trim().padStart(5, '0'));
      if (unit && this.inside(unit, within)) return { status: 'EXACT', unit, score: 1, candidates: [], via: null, by: 'code' };
      if (!query.name) return { ...NONE, by: 'code' };
    }
    if (!query.name) return NONE;
    const direct = this.matchName(list, query, within);
    if (direct.status !== 'UNMATCHED' || !olderListId) return direct;
    // An old name (before the 2025 reform) in a later year's row: match it on the old list, follow the lineage.
    const older = this.lists.get(olderListId);
    if (!older) return direct;
    const old = this.matchName(older, query, within);
    if (old.status === 'AMBIGUOUS') return { ...old, candidates: old.candidates };
    if (!old.unit) return direct;
    const successors = old.unit.successorIds.map((id) => this.byId.get(id)).filter((u): u is ProfileUnit => !!u && u.listId === listId);
    if (successors.length === 1) return { status: 'LINEAGE', unit: successors[0], score: old.score, candidates: [], via: old.unit, by: 'name' };
    if (successors.length === 0) return direct;
    return {
      status: 'AMBIGUOUS',
      unit: null,
      score: old.score,
      candidates: successors.map((s) => ({ unitId: s.unitId, code: s.code, name: s.name, score: old.score })),
      via: old.unit,
      by: 'name',
    };
  }

  private matchName(list: ListIndex, query: UnitQuery, within: AreaCode): UnitResolution {
    const area = within ? list.byCode.get(within) : undefined;
    if (within && !area) return NONE;
    const options = area ? { withinIds: [area.unitId] } : {};
    let name = query.name!;
    let district = query.district?.trim() || null;
    if (!list.hasDistricts) {
      // Districts were abolished on 2025-07-01: a district column or "- H. Nghi Lộc" in the cell cannot help here.
      district = null;
      name = splitHints(name).name || name;
    }
    let result = district ? list.matcher.match({ name, within: district }, options) : list.matcher.match({ name }, options);
    // A misspelt district resolves to nothing: match with the district as a hint instead (it still ranks candidates).
    if (district && result.status === 'UNMATCHED') result = list.matcher.match({ name: `${name} - ${district}` }, options);
    const candidates = result.candidates.map((c) => {
      const u = this.byId.get(c.unit.id)!;
      return { unitId: u.unitId, code: u.code, name: u.name, score: c.score };
    });
    return {
      status: result.status,
      unit: result.best ? this.byId.get(result.best.id)! : null,
      score: result.score,
      candidates,
      via: null,
      by: 'name',
    };
  }
}
