import { toPgArray } from '@ntm/kit';

/**
 * The SQL scope of an area: the AdminUnit ids records may be registered under. For a unit `x`: x and
 * its subtree in its own list, plus every unit of the other list whose lineage (`successor_ids`, pulled
 * from admin-units) leads into that subtree — so a product registered in a 2024 commune counts under
 * today's province that commune went into. Null `x`: the whole country (no condition).
 *
 * Returns a CTE body `scope(unit_id)` and its parameters; use `... in (select unit_id from scope)`.
 * [Our reading: an old unit that went PART into two new ones counts under both.]
 */
export function scopeCte(unitId: string | null): { sql: string; params: unknown[] } {
  if (unitId === null) return { sql: `scope as (select unit_id from unit_profile)`, params: [] };
  return {
    sql: `area as (select unit_id from unit_profile where unit_id = ? or ancestor_ids @> ?::text[]),
      scope as (select unit_id from area
        union select o.unit_id from unit_profile o where o.successor_ids && (select coalesce(array_agg(unit_id), '{}') from area))`,
    params: [unitId, toPgArray([unitId])],
  };
}

/** SQL condition: the rating aliased `r` is current on the date bound at the two `?`s (decided, unexpired, unrevoked). */
export const CURRENT_ON = `r.decided_on <= ?::date and r.valid_through >= ?::date
  and not exists (select 1 from ocop_revocation v where v.rating_id = r.id and v.revoked_on <= ?::date)`;
