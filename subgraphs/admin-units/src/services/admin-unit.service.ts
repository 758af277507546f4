import type { EntityManager } from '@mikro-orm/postgresql';
import { BOOKKEEPING_SQL, columnsOf, inForceFilter, inForceOn, readOnlyRows, toPgArray } from '@ntm/kit';
import { searchKey } from '@ntm/names';
import { unitsDataVersion, type AdminLevel } from '@ntm/admin-unit-contract';
import { AdminUnit } from '../entities/admin-unit.entity';

export interface UnitSearch {
  search?: string | null;
  level?: AdminLevel | null;
  /** Id of an ancestor to search within. */
  withinId?: string | null;
  asOf: string;
}

/** What the data version is made of: the seeded lists' fingerprint and the latest commune-group correction. */
export const DATA_VERSION_SQL = `${BOOKKEEPING_SQL} select (select fingerprint from seed_state where step = 'admin-units') as fingerprint,
       (select max(id) from commune_group_correction) as correction`;
export interface DataVersionRow {
  fingerprint: string | null;
  correction: number | null;
}

/** SQL condition: unit `u` is in force on the date bound at both `?`s. */
const IN_FORCE_ON = inForceOn('u');

/**
 * Reads of the administrative hierarchy. Every method is one SQL statement. Plain reads go through
 * the ORM; set-based reads (ranked search, child pages of many parents, subtree counts) are SQL
 * whose columns come from the entity metadata and whose rows become read-only units (readOnlyRows).
 */
export class AdminUnitService {
  constructor(private readonly em: EntityManager) {}

  private query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.em.getConnection().execute<T[]>(sql, params);
  }

  /** Raw rows of admin_unit (with extra columns) as read-only units (answered, never flushed). */
  private toUnits(rows: Record<string, unknown>[], extra: string[]): AdminUnit[] {
    const columns = rows.map((row) => {
      const unit = { ...row };
      for (const key of extra) delete unit[key];
      return unit;
    });
    return readOnlyRows(this.em, AdminUnit, columns);
  }

  /** `adminUnitsDataVersion`: changes whenever the lists are re-seeded differently or a commune group is corrected. */
  async dataVersion(): Promise<string> {
    const [row] = await this.query<DataVersionRow>(DATA_VERSION_SQL);
    return unitsDataVersion(row?.fingerprint ?? 'empty', row?.correction ?? null);
  }

  /** The unit with this official code in the list in force on `asOf`. */
  findByCode(code: string, asOf: string): Promise<AdminUnit | null> {
    return this.em.findOne(AdminUnit, { code, ...inForceFilter(asOf) });
  }

  async findByIds(ids: readonly string[]): Promise<AdminUnit[]> {
    if (ids.length === 0) return [];
    return this.em.find(AdminUnit, { id: { $in: [...ids] } });
  }

  /** Filtered, paged units: exact name-key matches first, then prefix matches, then the rest, each by code. */
  async search(filter: UnitSearch, first: number, offset: number): Promise<{ rows: AdminUnit[]; totalCount: number }> {
    const where: string[] = [IN_FORCE_ON];
    const params: unknown[] = [filter.asOf, filter.asOf];
    let rank = '';
    const rankParams: unknown[] = [];
    const key = filter.search ? searchKey(filter.search) : '';
    if (key) {
      where.push(`strpos(u.search_key, ?) > 0`);
      params.push(key);
      rank = `case when u.search_key = ? then 0 when left(u.search_key, ?) = ? then 1 else 2 end, `;
      rankParams.push(key, key.length, key);
    }
    if (filter.level) {
      where.push(`u.level = ?`);
      params.push(filter.level);
    }
    if (filter.withinId) {
      where.push(`u.ancestor_ids @> array[?]::text[]`);
      params.push(filter.withinId);
    }
    const rows = await this.query<Record<string, unknown> & { total_count: string }>(
      `select ${columnsOf(this.em, AdminUnit, 'u')}, count(*) over () as total_count
         from admin_unit u
        where ${where.join(' and ')}
        order by ${rank}u.code
        limit ? offset ?`,
      [...params, ...rankParams, first + 1, offset],
    );
    const totalCount = rows[0] ? Number(rows[0].total_count) : offset > 0 ? await this.count(where, params) : 0;
    return { rows: this.toUnits(rows, ['total_count']), totalCount };
  }

  private async count(where: string[], params: unknown[]): Promise<number> {
    const rows = await this.query<{ n: string }>(`select count(*) as n from admin_unit u where ${where.join(' and ')}`, params);
    return Number(rows[0].n);
  }

  /**
   * Pages of children for many parents at once (one statement per batch): each key asks for
   * `limit` children of `parentId` from `offset`, by code.
   */
  async childPages(keys: readonly { parentId: string; limit: number; offset: number }[]): Promise<AdminUnit[][]> {
    const rows = await this.query<Record<string, unknown> & { key_index: string }>(
      `select k.key_index, c.*
         from unnest(?::text[], ?::int[], ?::int[]) with ordinality as k(parent, lim, off, key_index)
         cross join lateral (
           select ${columnsOf(this.em, AdminUnit, 'u')} from admin_unit u where u.parent_id = k.parent order by u.code limit k.lim offset k.off
         ) c`,
      [toPgArray(keys.map((k) => k.parentId)), toPgArray(keys.map((k) => k.limit)), toPgArray(keys.map((k) => k.offset))],
    );
    const pages: AdminUnit[][] = keys.map(() => []);
    const units = this.toUnits(rows, ['key_index']);
    rows.forEach((row, i) => pages[Number(row.key_index) - 1].push(units[i]));
    return pages;
  }

  /** Number of children of each unit (one statement for the whole batch). */
  async childCounts(parentIds: readonly string[]): Promise<Map<string, number>> {
    const rows = await this.query<{ parent_id: string; n: string }>(
      `select parent_id, count(*) as n from admin_unit where parent_id = any(?::text[]) group by parent_id`,
      [toPgArray(parentIds)],
    );
    return new Map(rows.map((r) => [r.parent_id, Number(r.n)]));
  }

  /**
   * Number of descendants of each unit, optionally of one level: one statement for the whole
   * batch, an index scan on the GIN-indexed ancestor array, whatever the size of the subtrees.
   */
  async descendantCounts(keys: readonly { id: string; level: AdminLevel | null }[]): Promise<number[]> {
    const rows = await this.query<{ ancestor: string; level: string; n: string }>(
      `select a.ancestor, u.level, count(*) as n
         from admin_unit u
         join unnest(?::text[]) as a(ancestor) on u.ancestor_ids @> array[a.ancestor]
        group by a.ancestor, u.level`,
      [toPgArray(keys.map((k) => k.id))],
    );
    const counts = new Map<string, number>();
    for (const row of rows) {
      counts.set(`${row.ancestor}|${row.level}`, Number(row.n));
      counts.set(`${row.ancestor}|*`, (counts.get(`${row.ancestor}|*`) ?? 0) + Number(row.n));
    }
    return keys.map((k) => counts.get(`${k.id}|${k.level ?? '*'}`) ?? 0);
  }
}
