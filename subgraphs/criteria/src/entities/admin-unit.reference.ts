import { AdminUnit } from './admin-unit';

/** Any AdminUnit reference is answerable here: its extension fields are resolved from its id (and @requires fields). */
export function resolveAdminUnitReference(reference: Partial<AdminUnit> & { id: string }): AdminUnit {
  return Object.assign(new AdminUnit(), reference);
}
