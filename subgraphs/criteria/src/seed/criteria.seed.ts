import type { MikroORM } from '@mikro-orm/postgresql';
import { syncUnitProfiles } from '@ntm/admin-unit-contract';
import { fingerprintOf, seedOnce, type Logger, type PeerUrls } from '@ntm/kit';
import { loadCriteriaSets } from '../domain/criteria-file';
import { getCatalog, readCriteriaFileText, resetCatalog } from '../services/catalog';
import { loadSyntheticValues, SYNTHETIC_SEED } from '../services/synthetic-load.service';
import { upsertCriteriaSets } from './criteria-sets.seed';

/** Bump when seeding code changes meaningfully, so existing databases re-seed. */
const SETS_VERSION = 'criteria-sets-v1';
const SYNTHETIC_VERSION = 'synthetic-v2'; // v2: each year only the sets in force; no decision dated after the load
/** The default dataset `npm start` loads: every commune and district of Nghệ An, every year. */
export const DEFAULT_PROVINCES = ['40'];

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

  const profiles = await syncUnitProfiles(orm, peers, logger);
  const unitsVersion = profiles.version;

  const catalog = await getCatalog(orm.em.fork());
  const values = await seedOnce(
    orm.em.fork(),
    'synthetic-default',
    fingerprintOf(SYNTHETIC_VERSION, String(SYNTHETIC_SEED), setsFingerprint, unitsVersion, DEFAULT_PROVINCES.join(',')),
    (em) => loadSyntheticValues(em, catalog, { provinceCodes: DEFAULT_PROVINCES }),
  );
  logger.info('criteria seed done', {
    sets: sets.ran ? sets.counts : 'unchanged',
    unitProfiles: profiles.pulled ?? 'unchanged',
    syntheticValues: values.ran ? values.counts : 'unchanged',
    ms: Date.now() - started,
  });
}
