import type { MikroORM } from '@mikro-orm/postgresql';
import { fingerprintOf, seedOnce, type Logger } from '@ntm/kit';

/** Bump when the seed changes meaningfully, so existing databases re-seed. */
const SEED_VERSION = 'example-v1';

/** TEMPLATE: an idempotent seed step, skipped when its fingerprint is unchanged; set-based writes. */
export async function seedTemplate(orm: MikroORM, logger: Logger): Promise<void> {
  const result = await seedOnce(orm.em.fork(), 'examples', fingerprintOf(SEED_VERSION), async (em) => {
    const trx = em.getTransactionContext();
    await trx.raw('truncate example');
    await trx('example').insert([{ unit_id: '40@2025-07-01', title: 'Example in Tỉnh Nghệ An (generated)' }]);
    return { examples: 1 };
  });
  logger.info('template seed done', { examples: result.ran ? result.counts : 'unchanged' });
}
