import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { inForceFilter, requireRole, today, userInputError, type User } from '@ntm/kit';
import { checkCommuneGroupCorrection, CORRECTED_SOURCE, whyNoCommuneGroup } from '../domain/commune-group';
import { AdminUnit } from '../entities/admin-unit.entity';
import { CommuneGroupCorrection } from '../entities/commune-group-correction.entity';

/**
 * Applies the latest correction of every corrected unit on top of freshly seeded units: one
 * statement, in the caller's transaction. Corrections of units no longer in the lists are kept in the trail and ignored.
 */
export async function reapplyCommuneGroupCorrections(em: EntityManager): Promise<void> {
  await em.getConnection().execute(
    `update admin_unit u set commune_group = c.to_group, commune_group_source = ?
       from (select distinct on (unit_id) unit_id, to_group from commune_group_correction order by unit_id, id desc) c
      where u.id = c.unit_id`,
    [CORRECTED_SOURCE],
    'run',
    em.getTransactionContext(),
  );
}

/** Commune groups: the ADMIN correction (audited) and its trail. */
export class CommuneGroupService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Sets the commune group of the unit with this code in today's list, writing the change and
   * the audit row in one transaction. ADMIN only (every unit is inside an ADMIN's scope).
   */
  async correct(user: User | null, input: { code: string; group: number; reason: string }): Promise<AdminUnit> {
    const admin = requireRole(user, ['ADMIN'], 'correctCommuneGroup');
    const problem = checkCommuneGroupCorrection(input);
    if (problem) throw userInputError(problem.message, { field: problem.field });
    const date = today();
    return this.em.transactional(async (em) => {
      // Locked: two corrections of one unit queue, and each records the group it replaced.
      const unit = await em.findOne(AdminUnit, { code: input.code, ...inForceFilter(date) }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!unit) throw userInputError(`code: no unit with code "${input.code}" in the list in force on ${date}`, { field: 'code' });
      const why = whyNoCommuneGroup(unit);
      if (why) throw userInputError(`code: ${why}`, { field: 'code' });
      em.create(CommuneGroupCorrection, {
        unitId: unit.id,
        fromGroup: unit.communeGroup,
        fromSource: unit.communeGroupSource,
        toGroup: input.group,
        reason: input.reason.trim(),
        changedBy: admin.sub,
        changedAt: new Date(),
      });
      unit.communeGroup = input.group;
      unit.communeGroupSource = CORRECTED_SOURCE;
      await em.flush();
      return unit;
    });
  }

  /** The corrections of many units, oldest first (one statement). */
  historyOf(unitIds: readonly string[]): Promise<CommuneGroupCorrection[]> {
    return this.em.find(CommuneGroupCorrection, { unitId: { $in: [...unitIds] } }, { orderBy: { id: 'asc' } });
  }
}
