/**
 * A PostgreSQL array literal for an array parameter (`?::text[]`, `?::int[]`, `?::float8[]`…):
 * every element quoted and escaped, null as NULL. (knex expands a JS array bound to `?` into a
 * comma-separated list, which is what `in (?)` wants but `= any(?)` and `unnest(?)` do not.)
 */
export function toPgArray(values: readonly (string | number | null)[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : `"${String(v).replace(/["\\]/g, '\\$&')}"`)).join(',')}}`;
}

/**
 * SQL condition: the row aliased `alias` (columns valid_from, valid_to; null = open) is in force
 * on the date bound at both `?`s that follow. Bind the date twice.
 */
export function inForceOn(alias: string): string {
  return `(${alias}.valid_from is null or ${alias}.valid_from <= ?::date) and (${alias}.valid_to is null or ${alias}.valid_to >= ?::date)`;
}

/** The same rule in code, for rows already read: a null bound is open. */
export function isInForce(validFrom: string | null, validTo: string | null, date: string): boolean {
  return (validFrom === null || validFrom <= date) && (validTo === null || validTo >= date);
}

/** The same rule as an ORM filter (for `em.find`), on properties validFrom and validTo. */
export function inForceFilter(date: string) {
  return {
    $and: [{ $or: [{ validFrom: null }, { validFrom: { $lte: date } }] }, { $or: [{ validTo: null }, { validTo: { $gte: date } }] }],
  };
}
