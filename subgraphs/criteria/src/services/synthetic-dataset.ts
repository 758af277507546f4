import type { MikroORM } from '@mikro-orm/postgresql';
import { SeedState } from '@ntm/kit';
import { getCatalog } from './catalog';
import { loadSyntheticValues, type SyntheticScope } from './synthetic-load.service';

/**
 * Loads the synthetic dataset for a scope (or the whole country) in one transaction: the
 * documented entry point of `npm run load:national`. Returns counts and the time taken.
 */
export async function loadSyntheticDataset(
  orm: MikroORM,
  scope: SyntheticScope,
): Promise<{ values: number; units: number; decisions: number; ms: number }> {
  const started = Date.now();
  const catalog = await getCatalog(orm.em.fork());
  const counts = await orm.em.fork().transactional(async (em) => {
    const loaded = await loadSyntheticValues(em, catalog, scope);
    // A partial load replaced part of the default dataset: the next start restores it.
    if ((scope.scale ?? 1) < 1) await em.nativeDelete(SeedState, { step: 'synthetic-default' });
    return loaded;
  });
  // Fresh pages have no visibility map or hint bits yet: set them once now, not on the first roll-ups.
  await orm.em.getConnection().execute('vacuum analyze indicator_value');
  return { ...counts, ms: Date.now() - started };
}
