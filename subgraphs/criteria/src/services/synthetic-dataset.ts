import type { MikroORM } from '@mikro-orm/postgresql';
import { getCatalog } from './catalog';
import { loadSyntheticValues, type SyntheticScope } from './synthetic-load.service';

/**
 * Loads the synthetic dataset for a scope (or the whole country) in one transaction: the
 * documented entry point of `npm run load:national`. Returns counts and the time taken.
 */
export async function loadSyntheticDataset(orm: MikroORM, scope: SyntheticScope): Promise<{ values: number; units: number; decisions: number; ms: number }> {
  const started = Date.now();
  const catalog = await getCatalog(orm.em.fork());
  const counts = await orm.em.fork().transactional((em) => loadSyntheticValues(em, catalog, scope));
  await orm.em.getConnection().execute('analyze indicator_value');
  return { ...counts, ms: Date.now() - started };
}
