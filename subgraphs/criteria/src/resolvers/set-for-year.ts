import { userInputError } from '@ntm/kit';
import type { CriteriaSetDef } from '../domain/criteria-file';
import type { CriteriaCatalog } from '../services/catalog';

/**
 * The set a query uses for a year: the one it names, which must be in force that year (else an
 * error naming it and the set in force), or, when it names none, the standard national set of
 * `level` in force that year (2021–2025 sets up to 2025, the 2026–2030 commune set from 2026).
 */
export function setForYear(catalog: CriteriaCatalog, setCode: string | null | undefined, level: string | null, year: number): CriteriaSetDef {
  // type-graphql passes an absent nullable argument as undefined.
  if (setCode !== null && setCode !== undefined) {
    const set = catalog.set(setCode);
    if (!set) throw userInputError(`set: unknown criteria set "${setCode}"`, { field: 'set' });
    const problem = catalog.problemOfSetForYear(set, year);
    if (problem) throw userInputError(`set: ${problem}`, { field: 'set', setInForce: catalog.inForceLike(set, year)?.code ?? null });
    return set;
  }
  const inForce = catalog.standardSetFor(level, year);
  if (!inForce) {
    throw userInputError(`set: no national standard set for ${level ? `a ${level.toLowerCase()}` : 'this level'} is in force in ${year}; name one`, {
      field: 'set',
    });
  }
  return inForce;
}
