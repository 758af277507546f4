/**
 * A PostgreSQL array literal for a text[] parameter: `?::text[]`. (knex expands a JS array
 * bound to `?` into a comma-separated list, which is what `in (?)` wants but `any(?)` does not.)
 */
export function toPgArray(values: readonly (string | number)[]): string {
  return `{${values.map((v) => `"${String(v).replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}
