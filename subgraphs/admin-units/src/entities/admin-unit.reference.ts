import type { Context } from '../context';
import type { AdminUnit } from './admin-unit.entity';

/** How the gateway fetches an AdminUnit by its key for other subgraphs: batched through the request's loader. */
export async function resolveAdminUnitReference(reference: Pick<AdminUnit, 'id'>, ctx: Context): Promise<AdminUnit | null> {
  return ctx.loaders.unitById.load(reference.id);
}
