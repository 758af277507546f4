import type { EntityManager } from '@mikro-orm/postgresql';
import { inForceOn } from '@ntm/kit';
import { CURRENT_ON, scopeCte } from './scope';

/**
 * Roll-ups of an area (null: the country) on a date, each ONE SQL statement whatever the size of the
 * area: totals are computed from the records, never stored.
 */
export class OcopSummaryService {
  constructor(private readonly em: EntityManager) {}

  private run<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.em.getConnection().execute<T[]>(sql, params);
  }

  private productsInScope(unitId: string | null): string {
    return unitId === null ? 'true' : 'p.commune_id in (select unit_id from scope)';
  }

  /** Products by the stars of their current rating, and by the QĐ 26 sector of their product set (one statement). */
  async byStarsAndSector(unitId: string | null, asOf: string): Promise<{ stars: number; sectorCode: string | null; count: number }[]> {
    const scope = scopeCte(unitId);
    const rows = await this.run<{ stars: number; sector_code: string | null; count: string }>(
      `with ${scope.sql},
       cur as (select distinct on (r.product_id) r.product_id, r.stars from ocop_rating r
                 join ocop_product p on p.id = r.product_id
                where ${this.productsInScope(unitId)} and ${CURRENT_ON}
                order by r.product_id, r.decided_on desc, r.id desc)
       select cur.stars, pc.sector_code, count(*) as count
         from cur join ocop_product p on p.id = cur.product_id left join product_class pc on pc.code = p.product_set_code
        group by cur.stars, pc.sector_code`,
      [...scope.params, asOf, asOf, asOf],
    );
    return rows.map((r) => ({ stars: Number(r.stars), sectorCode: r.sector_code, count: Number(r.count) }));
  }

  /** Products whose current rating's last valid day is within `days` days after `asOf`. */
  async expiringCount(unitId: string | null, asOf: string, days: number): Promise<number> {
    const scope = scopeCte(unitId);
    const [row] = await this.run<{ count: string }>(
      `with ${scope.sql},
       cur as (select distinct on (r.product_id) r.product_id, r.valid_through from ocop_rating r
                 join ocop_product p on p.id = r.product_id
                where ${this.productsInScope(unitId)} and ${CURRENT_ON}
                order by r.product_id, r.decided_on desc, r.id desc)
       select count(*) as count from cur where cur.valid_through <= ?::date + ?::int`,
      [...scope.params, asOf, asOf, asOf, asOf, days],
    );
    return Number(row.count);
  }

  /**
   * The plan target "communes with a cooperative in a linkage model for a key product" (seed 003 §II.2.2),
   * as the pure rule `communesWithKeyProductLinkage` defines it: the area's communes in force on `asOf`;
   * a commune counts when a cooperative registered in it (or in a unit whose lineage leads into it), not
   * dissolved and founded by then, takes part in a linkage project for a key product running on `asOf`.
   */
  async linkedCommunes(unitId: string | null, asOf: string): Promise<{ linked: number; communes: number }> {
    const scope = unitId === null ? { sql: '', params: [] as unknown[] } : scopeCte(unitId);
    const areaCommunes = unitId === null ? 'true' : 'u.unit_id in (select unit_id from scope)';
    const [row] = await this.run<{ linked: string; communes: string }>(
      `with ${scope.sql ? scope.sql + ',' : ''}
       communes as (select u.unit_id from unit_profile u where u.level = 'COMMUNE' and ${inForceOn('u')} and ${areaCommunes}),
       linked_coops as (select distinct pp.cooperative_id as id from linkage_participant pp join linkage_project lp on lp.id = pp.project_id
                         where pp.cooperative_id is not null and lp.key_product is not null
                           and lp.start_date <= ?::date and (lp.end_date is null or lp.end_date >= ?::date)),
       coop_units as (select case when ${inForceOn('cu')} then array[cu.unit_id] else cu.successor_ids end as units
                        from cooperative c join linked_coops l on l.id = c.id join unit_profile cu on cu.unit_id = c.commune_id
                       where c.status <> 'DISSOLVED' and c.founded_on <= ?::date)
       select (select count(*) from communes) as communes,
              (select count(distinct x) from coop_units, unnest(units) as x where x in (select unit_id from communes)) as linked`,
      [...scope.params, asOf, asOf, asOf, asOf, asOf, asOf, asOf],
    );
    return { linked: Number(row.linked), communes: Number(row.communes) };
  }

  /** Linkage projects covering the area and running on `asOf`, and those with a raw-material zone using digital technology. */
  async digitalZones(unitId: string | null, asOf: string): Promise<{ digitalZone: number; projects: number }> {
    const scope = scopeCte(unitId);
    const [row] = await this.run<{ projects: string; digital_zone: string }>(
      `with ${scope.sql}
       select count(*) as projects,
              count(*) filter (where p.raw_material_area_ha is not null and cardinality(p.digital_technologies) > 0) as digital_zone
         from linkage_project p
        where p.start_date <= ?::date and (p.end_date is null or p.end_date >= ?::date)
          and ${unitId === null ? 'true' : 'exists (select 1 from linkage_commune lc where lc.project_id = p.id and lc.commune_id in (select unit_id from scope))'}`,
      [...scope.params, asOf, asOf],
    );
    return { digitalZone: Number(row.digital_zone), projects: Number(row.projects) };
  }

  /** Listings of the area's products by platform. */
  async listingsByPlatform(unitId: string | null): Promise<{ platform: string; count: number }[]> {
    const scope = scopeCte(unitId);
    const rows = await this.run<{ platform: string; count: string }>(
      `with ${scope.sql}
       select l.platform, count(*) as count from ecommerce_listing l join ocop_product p on p.id = l.product_id
        where ${this.productsInScope(unitId)} group by l.platform order by count(*) desc, l.platform`,
      scope.params,
    );
    return rows.map((r) => ({ platform: r.platform, count: Number(r.count) }));
  }
}
