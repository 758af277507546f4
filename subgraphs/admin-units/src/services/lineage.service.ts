import type { EntityManager } from '@mikro-orm/postgresql';
import { isInForce } from '@ntm/kit';
import type DataLoader from 'dataloader';
import type { AdminUnit } from '../entities/admin-unit.entity';
import { UnitLineage } from '../entities/unit-lineage.entity';
import { LinkShare, type UnitLink } from '../entities/unit-link';

/** Which way to follow lineage: to the units an old unit went into, or to those a new unit came from. */
export type LineageDirection = 'successors' | 'predecessors';

/** The request's batched reads the lineage walk uses (its loaders), so that a walk over many units stays a few statements. */
export interface LineageReads {
  predecessorLinks: DataLoader<string, UnitLineage[]>;
  successorLinks: DataLoader<string, UnitLineage[]>;
  unitById: DataLoader<string, AdminUnit | null>;
}

const inForce = (unit: AdminUnit, date: string) => isInForce(unit.validFrom, unit.validTo, date);

/** Reads of the lineage graph (one statement per batch of units) and walks over it. */
export class LineageService {
  constructor(private readonly em: EntityManager) {}

  /** Links to the pre-reform units each of these units was formed from, by the old unit's code. */
  predecessorsOf(ids: readonly string[]): Promise<UnitLineage[]> {
    return this.em
      .createQueryBuilder(UnitLineage, 'l')
      .select('l.*')
      .join('l.predecessorId', 'p')
      .where({ successorId: { $in: [...ids] } })
      .orderBy({ 'p.code': 'asc' })
      .getResultList();
  }

  /** Links to the post-reform units each of these units went into, by the new unit's code. */
  successorsOf(ids: readonly string[]): Promise<UnitLineage[]> {
    return this.em
      .createQueryBuilder(UnitLineage, 'l')
      .select('l.*')
      .join('l.successorId', 's')
      .where({ predecessorId: { $in: [...ids] } })
      .orderBy({ 's.code': 'asc' })
      .getResultList();
  }

  /** The links of one unit in one direction, with the unit at the other end of each. */
  async links(unitId: string, direction: LineageDirection, reads: LineageReads): Promise<UnitLink[]> {
    const forward = direction === 'successors';
    const rows = await (forward ? reads.successorLinks : reads.predecessorLinks).load(unitId);
    const units = await reads.unitById.loadMany(rows.map((l) => (forward ? l.successorId : l.predecessorId)));
    return rows.map((row, i) => ({ share: row.share, unit: units[i] as AdminUnit, sourceText: row.sourceText }));
  }

  /**
   * The units in force on `date` that cover `unit`: the unit itself (WHOLE) when it is in force
   * then; otherwise lineage followed forward (date after the unit's end) or backward, up to five
   * hops. A link is PART when any step of it is; a unit reached twice keeps its WHOLE link.
   */
  async counterpartsAsOf(unit: AdminUnit, date: string, reads: LineageReads): Promise<UnitLink[]> {
    if (inForce(unit, date)) return [{ share: LinkShare.WHOLE, unit, sourceText: '' }];
    const direction: LineageDirection = unit.validTo !== null && unit.validTo < date ? 'successors' : 'predecessors';
    let frontier: UnitLink[] = [{ share: LinkShare.WHOLE, unit, sourceText: '' }];
    for (let hop = 0; hop < 5; hop++) {
      const next: UnitLink[] = [];
      for (const link of frontier) {
        if (inForce(link.unit, date)) {
          next.push(link);
          continue;
        }
        for (const step of await this.links(link.unit.id, direction, reads)) {
          next.push({
            share: link.share === LinkShare.PART || step.share === LinkShare.PART ? LinkShare.PART : LinkShare.WHOLE,
            unit: step.unit,
            sourceText: step.sourceText,
          });
        }
      }
      frontier = next;
      if (frontier.every((l) => inForce(l.unit, date))) break;
    }
    const byId = new Map<string, UnitLink>();
    for (const link of frontier.filter((l) => inForce(l.unit, date))) {
      const seen = byId.get(link.unit.id);
      if (!seen || (seen.share === LinkShare.PART && link.share === LinkShare.WHOLE)) byId.set(link.unit.id, link);
    }
    return [...byId.values()].sort((a, b) => a.unit.code.localeCompare(b.unit.code));
  }
}
