import type { EntityManager } from '@mikro-orm/postgresql';
import { toPgArray, userInputError } from '@ntm/kit';

/**
 * SQL condition: the pilot aliased `p` lies within one of the areas whose unit ids are bound (six times,
 * see `withinParams`) as a text[]. A pilot's replica unit (`area_unit_id`) is within an area when the
 * area is the unit or among its ancestors, or the same holds for one of the units its lineage links it
 * to — its successors (a 2024 commune under today's province) or its predecessors (a 2025 commune under
 * a 2024 district). Index use: ancestor_ids and successor_ids are GIN-indexed in the replica.
 */
export const WITHIN_SQL = `p.area_unit_id in (
  select u.unit_id from unit_profile u
   where u.unit_id = any(?::text[]) or u.ancestor_ids && ?::text[]
      or exists (select 1 from unit_profile s where s.unit_id = any(u.successor_ids) and (s.unit_id = any(?::text[]) or s.ancestor_ids && ?::text[]))
      or exists (select 1 from unit_profile q where q.successor_ids @> array[u.unit_id] and (q.unit_id = any(?::text[]) or q.ancestor_ids && ?::text[])))`;

export function withinParams(areaIds: readonly string[]): string[] {
  const a = toPgArray(areaIds);
  return [a, a, a, a, a, a];
}

/**
 * The unit ids an area code names on either official list ("40" → 40@2025-03-01 and 40@2025-07-01).
 * One statement; an unknown code is refused naming `field`.
 */
export async function areaIdsOfCode(em: EntityManager, code: string, field = 'within'): Promise<string[]> {
  const trimmed = code.trim();
  if (!/^\d{2,5}$/.test(trimmed))
    throw userInputError(`${field}: "${code}" is not an official unit code (2 digits for a province, 3 for a district, 5 for a commune)`, { field });
  const rows = await em.getConnection().execute<{ unit_id: string }[]>(`select unit_id from unit_profile where code = ? order by unit_id`, [trimmed]);
  if (!rows.length) throw userInputError(`${field}: no unit has the code "${code}" on either list`, { field });
  return rows.map((r) => r.unit_id);
}
