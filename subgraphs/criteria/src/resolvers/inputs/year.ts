import { userInputError } from '@ntm/kit';
import { FIRST_YEAR, LAST_YEAR } from '../../domain/reporting-period';

/**
 * A year argument must be a reporting year (FIRST_YEAR … LAST_YEAR). GraphQL `Int` allows
 * −2,147,483,648 … 2,147,483,647, which would overflow the `smallint` year column as an internal
 * error; this names the argument and the range instead.
 */
export function checkYearArg(year: number, field = 'year'): number {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw userInputError(`${field}: must be between ${FIRST_YEAR} and ${LAST_YEAR}, got ${year}`, { field });
  }
  return year;
}
