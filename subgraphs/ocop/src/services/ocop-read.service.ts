import type { EntityManager } from '@mikro-orm/postgresql';
import { toPgArray } from '@ntm/kit';
import { foldText } from '@ntm/names';
import type {
  Cooperative,
  EcommerceListing,
  LinkageParticipant,
  LinkageProject,
  LinkageSupportItem,
  OcopOwner,
  OcopProduct,
  OcopRating,
} from '../resolvers/types/ocop.types';
import { CURRENT_ON, scopeCte } from './scope';

export interface ProductFilter {
  search?: string | null;
  productSet?: string | null;
  minStars?: number | null;
  stars?: number | null;
  expiresWithinDays?: number | null;
  keyProduct?: boolean | null;
}

const PRODUCT_COLUMNS = `p.id::text as id, p.code, p.name, p.key_product as "keyProduct", p.traceable, p.generated,
  p.product_set_code as "productSetCode", p.owner_id as "ownerId", p.commune_id as "communeId"`;
const RATING_COLUMNS = `r.id::text as id, r.product_id as "productId", r.stars, r.score::float8 as score, r.part_a::float8 as "partA",
  r.part_b::float8 as "partB", r.part_c::float8 as "partC", r.decision_number as "decisionNumber", r.decided_on::text as "decidedOn",
  r.authority_name as authority, r.authority_level as "authorityLevel", r.authority_unit_code as "authorityUnitCode",
  r.valid_until::text as "validUntil", r.valid_through::text as "validThrough", r.class_system as "classSystem",
  r.product_set_code as "productSetCode", r.generated,
  (select json_build_object('revokedOn', v.revoked_on::text, 'ground', v.ground, 'reason', v.reason, 'decisionNumber', v.decision_number)
     from ocop_revocation v where v.rating_id = r.id) as revocation`;
const COOPERATIVE_COLUMNS = `c.id::text as id, c.name, c.commune_id as "communeId", c.generated, c.registration_number as "registrationNumber",
  c.legal_form as "legalForm", c.members, c.founded_on::text as "foundedOn", c.main_sector as "mainSector", c.status`;

/** Turns a folded search text into LIKE patterns matching a word start anywhere in the folded name. */
export function searchPatterns(search: string): [string, string] {
  const q = foldText(search).replace(/[%_\\]/g, (m) => `\\${m}`);
  return [`${q}%`, `% ${q}%`];
}

/** Reads of products, ratings, owners, cooperatives and linkage projects: each method one SQL statement. */
export class OcopReadService {
  constructor(private readonly em: EntityManager) {}

  private run<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.em.getConnection().execute<T[]>(sql, params);
  }

  /** One page of an area's products (null: the country) with its total, filtered on their current rating on `asOf`. */
  async productPage(
    unitId: string | null,
    filter: ProductFilter,
    asOf: string,
    offset: number,
    first: number,
  ): Promise<{ rows: OcopProduct[]; total: number }> {
    const scope = scopeCte(unitId);
    const where: string[] = [unitId === null ? 'true' : 'p.commune_id in (select unit_id from scope)'];
    const params: unknown[] = [...scope.params, asOf, asOf, asOf];
    if (filter.search) {
      const [a, b] = searchPatterns(filter.search);
      where.push(`(p.name_key like ? or p.name_key like ?)`);
      params.push(a, b);
    }
    if (filter.productSet) {
      where.push(`p.product_set_code = ?`);
      params.push(filter.productSet);
    }
    if (filter.keyProduct != null) {
      where.push(`p.key_product = ?`);
      params.push(filter.keyProduct);
    }
    if (filter.minStars != null) {
      where.push(`cur.stars >= ?`);
      params.push(filter.minStars);
    }
    if (filter.stars != null) {
      where.push(`cur.stars = ?`);
      params.push(filter.stars);
    }
    if (filter.expiresWithinDays != null) {
      where.push(`cur.valid_through <= ?::date + ?::int`);
      params.push(asOf, filter.expiresWithinDays);
    }
    const rows = await this.run<OcopProduct & { total: string }>(
      `with ${scope.sql}
       select ${PRODUCT_COLUMNS}, count(*) over () as total
         from ocop_product p
         left join lateral (select r.stars, r.valid_through from ocop_rating r where r.product_id = p.id and ${CURRENT_ON}
                             order by r.decided_on desc, r.id desc limit 1) cur on true
        where ${where.join(' and ')}
        order by p.id limit ? offset ?`,
      [...params, first + 1, offset],
    );
    return { rows, total: rows.length ? Number(rows[0].total) : offset > 0 ? await this.countProducts(unitId, filter, asOf) : 0 };
  }

  /** The total alone (when a page past the end has no row to carry it). */
  private async countProducts(unitId: string | null, filter: ProductFilter, asOf: string): Promise<number> {
    const { total } = await this.productPage(unitId, filter, asOf, 0, 0);
    return total;
  }

  productsByCode(codes: readonly string[]): Promise<OcopProduct[]> {
    return this.run(`select ${PRODUCT_COLUMNS} from ocop_product p where p.code = any(?::text[])`, [toPgArray(codes)]);
  }

  /** Current ratings of products on a date (`productId|date` keys), one statement. */
  currentRatings(keys: readonly { productId: number; asOf: string }[]): Promise<(OcopRating & { asOf: string })[]> {
    return this.run(
      `select distinct on (k.pid, k.d) ${RATING_COLUMNS}, k.d::text as "asOf"
         from unnest(?::int[], ?::date[]) as k(pid, d)
         join ocop_rating r on r.product_id = k.pid
        where r.decided_on <= k.d and r.valid_through >= k.d
          and not exists (select 1 from ocop_revocation v where v.rating_id = r.id and v.revoked_on <= k.d)
        order by k.pid, k.d, r.decided_on desc, r.id desc`,
      [toPgArray(keys.map((k) => k.productId)), toPgArray(keys.map((k) => k.asOf))],
    );
  }

  ratingsOf(productIds: readonly number[]): Promise<OcopRating[]> {
    return this.run(`select ${RATING_COLUMNS} from ocop_rating r where r.product_id = any(?::int[]) order by r.decided_on, r.id`, [
      toPgArray(productIds),
    ]);
  }

  listingsOf(productIds: readonly number[]): Promise<EcommerceListing[]> {
    return this.run(
      `select product_id as "productId", platform, url, since::text as since, generated from ecommerce_listing where product_id = any(?::int[]) order by since, id`,
      [toPgArray(productIds)],
    );
  }

  /** Owners by id, as their GraphQL type (cooperatives and groups from the cooperative register). */
  async owners(ids: readonly number[]): Promise<(OcopOwner & { ownerId: number })[]> {
    const rows = await this.run<Record<string, unknown>>(
      `select o.id as "ownerId", o.owner_type as "ownerType", o.id::text as id, o.name, o.commune_id as "communeId", o.generated,
              o.established_on::text as "establishedOn", c.id::text as "coopId", c.name as "coopName", c.commune_id as "coopCommuneId",
              c.registration_number as "registrationNumber", c.legal_form as "legalForm", c.members, c.founded_on::text as "foundedOn",
              c.main_sector as "mainSector", c.status
         from ocop_owner o left join cooperative c on c.id = o.cooperative_id
        where o.id = any(?::int[])`,
      [toPgArray(ids)],
    );
    return rows.map((r) => ownerView(r));
  }

  async cooperativePage(
    unitId: string | null,
    filter: { search?: string | null; legalForm?: string | null; status?: string | null },
    offset: number,
    first: number,
  ) {
    const scope = scopeCte(unitId);
    const where: string[] = [unitId === null ? 'true' : 'c.commune_id in (select unit_id from scope)'];
    const params: unknown[] = [...scope.params];
    if (filter.search) {
      const [a, b] = searchPatterns(filter.search);
      where.push(`(c.name_key like ? or c.name_key like ?)`);
      params.push(a, b);
    }
    if (filter.legalForm) {
      where.push('c.legal_form = ?');
      params.push(filter.legalForm);
    }
    if (filter.status) {
      where.push('c.status = ?');
      params.push(filter.status);
    }
    const rows = await this.run<Record<string, unknown>>(
      `with ${scope.sql} select ${COOPERATIVE_COLUMNS}, count(*) over () as total from cooperative c where ${where.join(' and ')} order by c.id limit ? offset ?`,
      [...params, first + 1, offset],
    );
    return { rows: rows.map((r) => cooperativeView(r)), total: rows.length ? Number(rows[0].total) : 0 };
  }

  async projectPage(unitId: string | null, offset: number, first: number): Promise<{ rows: LinkageProject[]; total: number }> {
    const scope = scopeCte(unitId);
    const rows = await this.run<LinkageProject & { total: string }>(
      `with ${scope.sql}
       select p.id::text as id, p.name, p.lead_kind as "leadKind", p.lead_ref as "leadRef", p.key_product as "keyProduct",
              p.raw_material_area_ha::float8 as "rawMaterialAreaHa", p.growing_area_codes as "growingAreaCodes", p.start_date::text as "startDate",
              p.end_date::text as "endDate", p.contract_refs as "contractRefs", p.digital_technologies as "digitalTechnologies",
              p.approval_decision_number as "approvalDecisionNumber", p.approval_decision_date::text as "approvalDecisionDate", p.generated,
              count(*) over () as total
         from linkage_project p
        where ${unitId === null ? 'true' : 'exists (select 1 from linkage_commune lc where lc.project_id = p.id and lc.commune_id in (select unit_id from scope))'}
        order by p.id limit ? offset ?`,
      [...scope.params, first + 1, offset],
    );
    return { rows, total: rows.length ? Number(rows[0].total) : 0 };
  }

  participantsOf(projectIds: readonly number[]): Promise<LinkageParticipant[]> {
    return this.run(
      `select project_id as "projectId", kind, role, ref, cooperative_id as "cooperativeId" from linkage_participant where project_id = any(?::int[]) order by id`,
      [toPgArray(projectIds)],
    );
  }

  supportItemsOf(projectIds: readonly number[]): Promise<LinkageSupportItem[]> {
    return this.run(
      `select project_id as "projectId", kind, share_percent::float8 as "sharePercent", cap_vnd::text as "capVnd", amount_vnd::text as "amountVnd" from linkage_support_item where project_id = any(?::int[]) order by id`,
      [toPgArray(projectIds)],
    );
  }

  communesOf(projectIds: readonly number[]): Promise<{ projectId: number; communeId: string }[]> {
    return this.run(
      `select project_id as "projectId", commune_id as "communeId" from linkage_commune where project_id = any(?::int[]) order by commune_id`,
      [toPgArray(projectIds)],
    );
  }

  async cooperativesById(ids: readonly number[]): Promise<Cooperative[]> {
    const rows = await this.run<Record<string, unknown>>(`select ${COOPERATIVE_COLUMNS} from cooperative c where c.id = any(?::int[])`, [
      toPgArray(ids),
    ]);
    return rows.map((r) => cooperativeView(r));
  }
}

function cooperativeView(r: Record<string, unknown>): Cooperative {
  return {
    typeName: r.legalForm === 'COOPERATIVE_GROUP' ? 'CooperativeGroup' : 'Cooperative',
    id: r.id as string,
    name: r.name as string,
    commune: { id: r.communeId as string },
    generated: r.generated as boolean,
    registrationNumber: r.registrationNumber as string,
    legalForm: r.legalForm as string,
    members: r.members as number,
    foundedOn: r.foundedOn as string,
    mainSector: r.mainSector as string,
    status: r.status as string,
  };
}

const TYPE_NAMES: Record<string, string> = { ENTERPRISE: 'Enterprise', FARM: 'Farm', HOUSEHOLD_BUSINESS: 'HouseholdBusiness' };

function ownerView(r: Record<string, unknown>): OcopOwner & { ownerId: number } {
  if (r.coopId) {
    return {
      ...cooperativeView({ ...r, id: r.coopId, name: r.coopName, communeId: r.coopCommuneId }),
      ownerId: r.ownerId as number,
    };
  }
  const typeName = TYPE_NAMES[r.ownerType as string] ?? (r.ownerType === 'COOPERATIVE_GROUP' ? 'Enterprise' : 'Enterprise');
  return {
    typeName,
    ownerId: r.ownerId as number,
    id: r.id as string,
    name: r.name as string,
    commune: { id: r.communeId as string },
    generated: r.generated as boolean,
    establishedOn: (r.establishedOn as string | null) ?? null,
  } as OcopOwner & { ownerId: number };
}
