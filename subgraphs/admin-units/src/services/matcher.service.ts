import type { EntityManager } from '@mikro-orm/postgresql';
import { NameMatcher, type MatchableUnit } from '@ntm/names';
import { AdminUnit } from '../entities/admin-unit.entity';

/**
 * One name matcher per official list, built from one query on first use and kept for the life of
 * the process (rebuilt when the unit data version changes): a whole spreadsheet column is then
 * matched in memory, with no SQL per name.
 */
const matchers = new Map<string, { version: string; matcher: Promise<NameMatcher<MatchableUnit>> }>();

/** Name matching against a whole official list. */
export class MatchService {
  constructor(private readonly em: EntityManager) {}

  matcherFor(listId: string, version: string): Promise<NameMatcher<MatchableUnit>> {
    const cached = matchers.get(listId);
    if (cached && cached.version === version) return cached.matcher;
    // Tens of thousands of units: plain rows (property names), not managed entities.
    const matcher = this.em
      .createQueryBuilder(AdminUnit, 'u')
      .select(['id', 'code', 'name', 'level', 'kind', 'parentId'])
      .where({ listId })
      .execute<Pick<AdminUnit, 'id' | 'code' | 'name' | 'level' | 'kind' | 'parentId'>[]>('all')
      .then(
        (rows) => new NameMatcher(rows.map((r) => ({ id: r.id, code: r.code, name: r.name, level: r.level, kind: r.kind, parentId: r.parentId }))),
      );
    matchers.set(listId, { version, matcher });
    matcher.catch(() => matchers.delete(listId));
    return matcher;
  }
}
