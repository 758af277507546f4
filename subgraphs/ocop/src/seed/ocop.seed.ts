import type { MikroORM } from '@mikro-orm/postgresql';
import { syncUnitProfiles } from '@ntm/admin-unit-contract';
import { fingerprintOf, insertRows, seedOnce, type Logger, type PeerUrls } from '@ntm/kit';
import { readFileSync } from 'node:fs';
import { PRODUCT_CLASSES_FILE } from '../product-classes';
import { catalog } from '../services/catalog';
import { DATASET_SEED, DATASET_TODAY, loadOcopDataset } from '../services/dataset-load.service';

/** Bump when seeding code changes meaningfully, so existing databases re-seed. */
const CLASSES_VERSION = 'product-classes-v1';
const DATASET_VERSION = 'ocop-generated-v1';
/**
 * The default dataset `npm start` loads: GENERATED records for Nghệ An (40) and Hà Tĩnh (42) at scale
 * 0.06 (the two provinces hold about 6% of the country's communes), about 1,100 products — small enough
 * for a fast first start. `npm run load:ocop -- --scale 1` loads the national scale.
 */
export const DEFAULT_PROVINCES = ['40', '42'];
export const DEFAULT_SCALE = 0.06;

export async function seedOcop(orm: MikroORM, logger: Logger, peers: PeerUrls): Promise<void> {
  const started = Date.now();
  const text = readFileSync(PRODUCT_CLASSES_FILE, 'utf8');
  const classesFingerprint = fingerprintOf(CLASSES_VERSION, text);
  const classes = await seedOnce(orm.em.fork(), 'product-classes', classesFingerprint, async (em) => {
    const trx = em.getTransactionContext();
    await trx.raw('truncate product_class');
    const cat = catalog();
    await insertRows(
      trx,
      'product_class',
      cat.classes.map((c) => ({
        code: c.code,
        system: c.system,
        level: c.level,
        parent_code: c.parentCode,
        name_vi: c.nameVi,
        name_en: c.nameEn,
        product_set_no: c.productSetNo,
        sector_code: cat.currentSector(c.code)?.code ?? null,
        valid_from: c.validFrom,
        valid_to: c.validTo,
      })),
    );
    return { classes: cat.classes.length };
  });
  const profiles = await syncUnitProfiles(orm, peers, logger);
  // The replica is bulk-inserted: its GIN indexes (ancestors, successors) keep the new entries in a pending
  // list until a vacuum, and an overlap query over a province's 130 communes then scans that list for
  // every key (measured: 130 ms instead of 12 ms for the scope of Nghệ An). Flush it (cheap when empty).
  await orm.em
    .fork()
    .getConnection()
    .execute(
      `select gin_clean_pending_list(i.indexrelid) from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam
      where i.indrelid = 'unit_profile'::regclass and a.amname = 'gin'`,
    );
  let dataset: unknown = 'unchanged';
  try {
    const result = await seedOnce(
      orm.em.fork(),
      'ocop-default',
      fingerprintOf(
        DATASET_VERSION,
        String(DATASET_SEED),
        DATASET_TODAY,
        classesFingerprint,
        profiles.version,
        DEFAULT_PROVINCES.join(','),
        String(DEFAULT_SCALE),
      ),
      async () => (await loadOcopDataset(orm, { scale: DEFAULT_SCALE, provinceCodes: DEFAULT_PROVINCES })).counts,
    );
    if (result.ran) dataset = result.counts;
  } catch (error) {
    logger.warn('generated OCOP dataset not reloaded; keeping the records stored', { reason: (error as Error).message });
  }
  logger.info('ocop seed done', {
    classes: classes.ran ? classes.counts : 'unchanged',
    unitProfiles: profiles.pulled ?? 'unchanged',
    dataset,
    ms: Date.now() - started,
  });
}
