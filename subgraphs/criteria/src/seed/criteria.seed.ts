import type { MikroORM } from '@mikro-orm/postgresql';
import { fingerprintOf, seedOnce, type Logger, type PeerUrls } from '@ntm/kit';
import { loadCriteriaSets } from '../domain/criteria-file';
import { getCatalog, readCriteriaFileText, resetCatalog } from '../services/catalog';
import { loadSyntheticValues, SYNTHETIC_SEED } from '../services/synthetic-load.service';
import { upsertCriteriaSets } from './criteria-sets.seed';
import { fetchAdminUnitsVersion, pullUnitProfiles, replaceUnitProfiles } from './unit-profiles.sync';

/** Bump when seeding code changes meaningfully, so existing databases re-seed. */
const SETS_VERSION = 'criteria-sets-v1';
const SYNTHETIC_VERSION = 'synthetic-v1';
/** The default dataset `npm start` loads: every commune and district of Nghệ An, every year. */
export const DEFAULT_PROVINCES = ['40'];

export function adminUnitsUrl(peers: PeerUrls): string {
  return peers['admin-units'] ?? process.env.ADMIN_UNITS_URL ?? 'http://127.0.0.1:4001/graphql';
}

/**
 * Idempotent seed, three steps, each skipped when its inputs are unchanged: the criteria sets
 * from the data file; the unit-profile replica pulled from admin-units (when its data version
 * changed); the default synthetic values.
 */
export async function seedCriteria(orm: MikroORM, logger: Logger, peers: PeerUrls): Promise<void> {
  const started = Date.now();
  const text = readCriteriaFileText();
  const setsFingerprint = fingerprintOf(SETS_VERSION, text);
  const sets = await seedOnce(orm.em.fork(), 'criteria-sets', setsFingerprint, (em) => upsertCriteriaSets(em, loadCriteriaSets(text)));
  if (sets.ran) resetCatalog();

  const url = adminUnitsUrl(peers);
  let unitsVersion: string;
  try {
    unitsVersion = await fetchAdminUnitsVersion(url);
  } catch (error) {
    const [{ n }] = await orm.em.getConnection().execute<{ n: string }[]>('select count(*) as n from unit_profile');
    if (Number(n) === 0) {
      throw new Error(`the criteria subgraph pulls unit profiles from admin-units on its first start, and admin-units did not answer (${(error as Error).message}); start admin-units first or set ADMIN_UNITS_URL`);
    }
    logger.warn('admin-units unreachable; keeping the unit profiles already pulled', { units: Number(n), error: (error as Error).message });
    const [{ fingerprint }] = await orm.em.getConnection().execute<{ fingerprint: string }[]>(`select fingerprint from seed_state where step = 'unit-profiles'`);
    unitsVersion = fingerprint;
  }
  const profiles = await seedOnce(orm.em.fork(), 'unit-profiles', unitsVersion, async (em) => {
    const rows = await pullUnitProfiles(url, logger);
    await replaceUnitProfiles(em, rows);
    return { units: rows.length };
  });

  const catalog = await getCatalog(orm.em.fork());
  const values = await seedOnce(
    orm.em.fork(),
    'synthetic-default',
    fingerprintOf(SYNTHETIC_VERSION, String(SYNTHETIC_SEED), setsFingerprint, unitsVersion, DEFAULT_PROVINCES.join(',')),
    (em) => loadSyntheticValues(em, catalog, { provinceCodes: DEFAULT_PROVINCES }),
  );
  logger.info('criteria seed done', {
    sets: sets.ran ? sets.counts : 'unchanged',
    unitProfiles: profiles.ran ? profiles.counts : 'unchanged',
    syntheticValues: values.ran ? values.counts : 'unchanged',
    ms: Date.now() - started,
  });
}
