import type { Logger } from '@ntm/kit';
import { fingerprintOf, insertEntities, readSharedDataText, seedOnce } from '@ntm/kit';
import { readCsvObjects } from '@ntm/data-files';
import { AdminUnit } from '../entities/admin-unit.entity';
import { UnitList } from '../entities/unit-list.entity';
import type { MikroORM } from '@mikro-orm/postgresql';
import { buildUnitRows, type AdminUnitRow } from './build-unit-rows';
import { LIST_AFTER_REFORM, UNIT_LISTS } from './unit-lists';
import { computeLineage, readPredecessorsText } from './lineage-inputs';
import { replaceLineage } from './lineage.seed';
import { reapplyCommuneGroupCorrections } from '../services/commune-group.service';

/** Bump when the row-building or generating code changes, so existing databases re-seed. */
const GENERATOR_VERSION = 'units-v3'; // v3: commune groups
const LINEAGE_VERSION = 'lineage-v4';

/** The list files, fingerprinted; rows are built only when a seed actually runs. */
export function readUnitLists(): { buildRows: () => AdminUnitRow[]; fingerprint: string } {
  // readSharedDataText names the missing file and NTM_SHARED_DIR when the shared folder is not beside the repository.
  const texts = UNIT_LISTS.map((list) => readSharedDataText('admin-units', list.file));
  return {
    buildRows: () => UNIT_LISTS.flatMap((list, i) => buildUnitRows(list, readCsvObjects(texts[i]), list.id === LIST_AFTER_REFORM)),
    fingerprint: fingerprintOf(GENERATOR_VERSION, ...texts),
  };
}

/** Loads both official lists (and generated villages) when their files or generator changed. */
export async function seedUnits(orm: MikroORM, logger: Logger): Promise<void> {
  const started = Date.now();
  const { buildRows, fingerprint } = readUnitLists();
  const result = await seedOnce(orm.em.fork(), 'admin-units', fingerprint, async (em) => {
    const rows = buildRows();
    const trx = em.getTransactionContext();
    await trx.raw('truncate admin_unit, unit_list cascade');
    await insertEntities(
      em,
      UnitList,
      UNIT_LISTS.map(({ file: _file, ...list }) => list),
    );
    await insertEntities(em, AdminUnit, rows);
    // Corrections made by an ADMIN outlive a reload: the latest one of each unit is applied again.
    await reapplyCommuneGroupCorrections(em);
    const villages = rows.filter((r) => r.generated).length;
    return { units: rows.length - villages, villages };
  });
  logger.info(result.ran ? 'admin units seeded' : 'admin units up to date, not re-seeded', {
    ...(result.counts ?? {}),
    ms: Date.now() - started,
  });
  const lineageStarted = Date.now();
  const lineage = await seedOnce(orm.em.fork(), 'lineage', fingerprintOf(LINEAGE_VERSION, fingerprint, readPredecessorsText()), async (em) => {
    const { result: resolved } = computeLineage();
    await replaceLineage(em, resolved);
    const { rows: texts, fragments, resolved: ok, unresolved, whole, part } = resolved.stats;
    return { texts, fragments, resolved: ok, unresolved, whole, part, links: resolved.links.length, codeMismatches: resolved.notes.length };
  });
  logger.info(lineage.ran ? 'lineage resolved (unresolved fragments are listed in reports/lineage-report.md)' : 'lineage up to date', {
    ...(lineage.counts ?? {}),
    ms: Date.now() - lineageStarted,
  });
}
