import type { EntityManager } from '@mikro-orm/postgresql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Indicator } from '../entities/indicator.entity';
import { indicatorsOf, loadCriteriaSets, type CriteriaSetDef, type IndicatorDef } from '../domain/criteria-file';
import { checkSetForYear, setInForce } from '../domain/set-validity';
import type { Level } from '../domain/types';

/** The committed criteria data file (the single source of the sets). */
export const CRITERIA_FILE = path.resolve(__dirname, '..', '..', 'data', 'criteria-sets.csv');

export function readCriteriaFileText(): string {
  return readFileSync(CRITERIA_FILE, 'utf8');
}

export interface CatalogIndicator {
  id: number;
  key: string;
  set: CriteriaSetDef;
  def: IndicatorDef;
}

/**
 * The criteria sets in memory (parsed rules included), joined with their database ids. Built once
 * per process after seeding; the sets change only with the data file.
 */
export class CriteriaCatalog {
  private readonly byKey = new Map<string, CatalogIndicator>();
  private readonly byId = new Map<number, CatalogIndicator>();
  readonly sets: Map<string, CriteriaSetDef>;

  constructor(sets: CriteriaSetDef[], ids: { setCode: string; code: string; id: number }[]) {
    this.sets = new Map(sets.map((s) => [s.code, s]));
    const idOf = new Map(ids.map((r) => [`${r.setCode}/${r.code}`, r.id]));
    for (const set of sets) {
      for (const def of indicatorsOf(set)) {
        const key = `${set.code}/${def.code}`;
        const id = idOf.get(key);
        if (id === undefined) throw new Error(`indicator ${key} is in the data file but not in the database: seed first`);
        const entry = { id, key, set, def };
        this.byKey.set(key, entry);
        this.byId.set(id, entry);
      }
    }
  }

  set(code: string): CriteriaSetDef | undefined {
    return this.sets.get(code);
  }

  byIndicatorId(id: number): CatalogIndicator | undefined {
    return this.byId.get(id);
  }

  /**
   * The standard national set (bộ tiêu chí quốc gia, đạt chuẩn) of a level in force for `year`:
   * the 2021–2025 sets up to 2025, the 2026–2030 commune set from 2026 (no district set then).
   */
  standardSetFor(level: string | null, year: number): CriteriaSetDef | undefined {
    if (level === null) return undefined;
    return setInForce([...this.sets.values()], { level: level as Level, kind: 'NATIONAL', tier: 'STANDARD' }, year) ?? undefined;
  }

  /** The set of the same level, kind and tier as `set` in force for `year`, if any. */
  inForceLike(set: CriteriaSetDef, year: number): CriteriaSetDef | undefined {
    return setInForce([...this.sets.values()], set, year) ?? undefined;
  }

  /** Null when `set` may be used for `year`, else a message naming it and the set in force that year. */
  problemOfSetForYear(set: CriteriaSetDef, year: number): string | null {
    return checkSetForYear([...this.sets.values()], set, year);
  }

  /** An indicator by its key "<set>/<code>". */
  indicatorByKey(key: string): CatalogIndicator | undefined {
    return this.byKey.get(key);
  }

  /**
   * An indicator by "<set>/<code>", or by a bare code ("8.4") meaning the standard national set
   * of the unit's level in force for `year`, which is the only reading of a bare code that is
   * never ambiguous.
   */
  resolve(indicatorCode: string, unitLevel: string | null, year: number): CatalogIndicator | undefined {
    if (indicatorCode.includes('/')) return this.byKey.get(indicatorCode);
    const standard = this.standardSetFor(unitLevel, year);
    return standard ? this.byKey.get(`${standard.code}/${indicatorCode}`) : undefined;
  }

  indicatorsOfSet(setCode: string): CatalogIndicator[] {
    const set = this.sets.get(setCode);
    return set ? indicatorsOf(set).map((def) => this.byKey.get(`${set.code}/${def.code}`)!) : [];
  }

  allIndicators(): CatalogIndicator[] {
    return [...this.byId.values()];
  }
}

let cached: Promise<CriteriaCatalog> | null = null;

/** The process's catalogue, built on first use. */
export function getCatalog(em: EntityManager): Promise<CriteriaCatalog> {
  if (!cached) {
    cached = (async () => {
      const ids = await em
        .createQueryBuilder(Indicator)
        .select(['setCode', 'code', 'id'])
        .execute<{ setCode: string; code: string; id: number }[]>('all');
      return new CriteriaCatalog(loadCriteriaSets(readCriteriaFileText()), ids);
    })();
    cached.catch(() => {
      cached = null;
    });
  }
  return cached;
}

/** Forget the catalogue (after re-seeding the sets). */
export function resetCatalog(): void {
  cached = null;
}
