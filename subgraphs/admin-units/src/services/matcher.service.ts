import type { EntityManager } from '@mikro-orm/postgresql';
import { NameMatcher, type MatchableUnit, type UnitLevel } from '@ntm/names';

/**
 * One name matcher per official list, built from one query on first use and kept for the life of
 * the process (rebuilt when the unit data version changes): a whole spreadsheet column is then
 * matched in memory, with no SQL per name.
 */
const matchers = new Map<string, { version: string; matcher: Promise<NameMatcher<MatchableUnit>> }>();

export async function matcherFor(em: EntityManager, listId: string, version: string): Promise<NameMatcher<MatchableUnit>> {
  const cached = matchers.get(listId);
  if (cached && cached.version === version) return cached.matcher;
  const matcher = em
    .getConnection()
    .execute<{ id: string; code: string; name: string; level: string; kind: string; parent_id: string | null }[]>(
      `select id, code, name, level, kind, parent_id from admin_unit where list_id = ?`,
      [listId],
    )
    .then((rows) => new NameMatcher(rows.map((r) => ({ id: r.id, code: r.code, name: r.name, level: r.level as UnitLevel, kind: r.kind, parentId: r.parent_id }))));
  matchers.set(listId, { version, matcher });
  matcher.catch(() => matchers.delete(listId));
  return matcher;
}
