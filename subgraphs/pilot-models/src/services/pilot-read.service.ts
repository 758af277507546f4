import type { EntityManager } from '@mikro-orm/postgresql';
import { toPgArray } from '@ntm/kit';
import { Pilot } from '../entities/pilot.entity';
import { FundingLineRow, PilotStepRow, VillageChecklistItemRow } from '../entities/pilot-parts.entity';
import { areaIdsOfCode, WITHIN_SQL, withinParams } from './areas';

export interface PilotFilterValues {
  within?: string | null;
  kind?: string | null;
  status?: string | null;
  stage?: string | null;
  generated?: boolean | null;
}

/** Reads of pilots: each a fixed number of statements, whatever the number of pilots. */
export class PilotReadService {
  constructor(private readonly em: EntityManager) {}

  /** The WHERE clause and its parameters for a filter (resolving `within` costs one statement). */
  private async where(filter: PilotFilterValues): Promise<{ sql: string; params: unknown[] }> {
    const parts: string[] = ['true'];
    const params: unknown[] = [];
    if (filter.within != null) {
      parts.push(WITHIN_SQL);
      params.push(...withinParams(await areaIdsOfCode(this.em, filter.within)));
    }
    for (const [column, value] of [
      ['kind', filter.kind],
      ['status', filter.status],
      ['stage', filter.stage],
    ] as const) {
      if (value != null) {
        parts.push(`p.${column} = ?`);
        params.push(value);
      }
    }
    if (filter.generated != null) {
      parts.push('p.generated = ?');
      params.push(filter.generated);
    }
    return { sql: parts.join(' and '), params };
  }

  /** One page of pilots (ordered by id: the real first batch "FB-…", then generated "GEN-…", then "P-…") and the total. */
  async page(filter: PilotFilterValues, offset: number, limit: number): Promise<{ rows: Pilot[]; total: number }> {
    const { sql, params } = await this.where(filter);
    const conn = this.em.getConnection();
    const [{ total }] = await conn.execute<{ total: string }[]>(`select count(*) as total from pilot p where ${sql}`, params);
    const raw = await conn.execute(`select p.* from pilot p where ${sql} order by p.id limit ? offset ?`, [...params, limit, offset]);
    return { rows: raw.map((r: Record<string, unknown>) => this.em.map(Pilot, r)), total: Number(total) };
  }

  byIds(ids: readonly string[]): Promise<Pilot[]> {
    return this.em.find(Pilot, { id: { $in: [...ids] } });
  }

  ofUnits(unitIds: readonly string[]): Promise<Pilot[]> {
    return this.em.find(Pilot, { unitId: { $in: [...unitIds] } }, { orderBy: { id: 'asc' } });
  }

  /** Counts by kind and stage within an area (or everywhere). */
  async summary(within: string | null): Promise<{ kind: string; stage: string; count: number }[]> {
    const { sql, params } = await this.where({ within });
    const rows = await this.em
      .getConnection()
      .execute<{ kind: string; stage: string; count: string }[]>(
        `select p.kind, p.stage, count(*) as count from pilot p where ${sql} group by p.kind, p.stage order by p.kind, p.stage`,
        params,
      );
    return rows.map((r) => ({ kind: r.kind, stage: r.stage, count: Number(r.count) }));
  }

  /**
   * Pilots behind schedule on `today` (the domain's scheduleOf rule in SQL): some step not completed whose
   * central-plan deadline has passed, in a pilot with any actual date recorded. Most days behind first.
   */
  async behind(within: string | null, first: number, today: string): Promise<{ pilot: Pilot; daysBehind: number }[]> {
    const { sql, params } = await this.where({ within });
    const rows = await this.em.getConnection().execute<(Record<string, unknown> & { days_behind: number })[]>(
      `select p.*, max(?::date - c.deadline) as days_behind
         from pilot p
         join pilot_step s on s.pilot_id = p.id and s.completed_on is null
         join lifecycle_step l on l.code = s.code
         join central_plan_step c on c.step = l.central_step and c.deadline < ?::date
        where ${sql}
          and exists (select 1 from pilot_step x where x.pilot_id = p.id and (x.started_on is not null or x.completed_on is not null))
        group by p.id
        order by days_behind desc, p.id
        limit ?`,
      [today, today, ...params, first],
    );
    return rows.map(({ days_behind, ...r }) => ({ pilot: this.em.map(Pilot, r), daysBehind: Number(days_behind) }));
  }

  stepsOf(pilotIds: readonly string[]): Promise<PilotStepRow[]> {
    return this.em.find(PilotStepRow, { pilotId: { $in: [...pilotIds] } });
  }

  fundingOf(pilotIds: readonly string[]): Promise<FundingLineRow[]> {
    return this.em.find(FundingLineRow, { pilotId: { $in: [...pilotIds] } });
  }

  checklistOf(pilotIds: readonly string[]): Promise<VillageChecklistItemRow[]> {
    return this.em.find(VillageChecklistItemRow, { pilotId: { $in: [...pilotIds] } });
  }

  /** Today's units of pre-reform units (their lineage), from the replica. */
  async successorsOf(unitIds: readonly string[]): Promise<{ unit_id: string; successor_ids: string[] }[]> {
    return this.em.getConnection().execute(`select unit_id, successor_ids from unit_profile where unit_id = any(?::text[])`, [toPgArray(unitIds)]);
  }
}
