import type { EntityManager } from '@mikro-orm/postgresql';
import { graphqlRequest, insertRows, type Logger } from '@ntm/kit';

/**
 * This subgraph's replica of the unit facts it needs for roll-ups (level, ancestors, and the
 * area attributes thresholds depend on), pulled page by page from the admin-units subgraph's
 * public GraphQL API — never from its tables. Per-unit assessments take the same attributes
 * live through federation (@requires); roll-ups over thousands of units read this replica.
 */
const PAGE = 500;

const UNITS_QUERY = `
  query UnitProfiles($filter: AdminUnitFilter, $first: Int!, $after: String) {
    adminUnits(filter: $filter, first: $first, after: $after) {
      edges { node { id code level name validFrom validTo list { id } ancestors { id } region ethnicMinorityArea mountainous island } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

interface UnitNode {
  id: string;
  code: string;
  level: string;
  name: string;
  validFrom: string | null;
  validTo: string | null;
  list: { id: string };
  ancestors: { id: string }[];
  region: string | null;
  ethnicMinorityArea: boolean;
  mountainous: boolean;
  island: boolean;
}

/** One representative date per official list: the lists the values of each year belong to. */
export const LIST_DATES = ['2024-06-30', '2025-07-01'];

export async function fetchAdminUnitsVersion(url: string): Promise<string> {
  const data = await graphqlRequest<{ adminUnitsDataVersion: string }>(url, `{ adminUnitsDataVersion }`);
  return data.adminUnitsDataVersion;
}

export async function pullUnitProfiles(url: string, logger: Logger): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for (const asOf of LIST_DATES) {
    for (const level of ['PROVINCE', 'DISTRICT', 'COMMUNE']) {
      let after: string | null = null;
      do {
        const data: { adminUnits: { edges: { node: UnitNode }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } =
          await graphqlRequest(url, UNITS_QUERY, { filter: { level, asOf }, first: PAGE, after });
        for (const { node } of data.adminUnits.edges) {
          rows.push({
            unit_id: node.id,
            code: node.code,
            list_id: node.list.id,
            level: node.level,
            name: node.name,
            ancestor_ids: node.ancestors.map((a) => a.id),
            valid_from: node.validFrom,
            valid_to: node.validTo,
            region: node.region,
            ethnic_minority_area: node.ethnicMinorityArea,
            mountainous: node.mountainous,
            island: node.island,
          });
        }
        after = data.adminUnits.pageInfo.hasNextPage ? data.adminUnits.pageInfo.endCursor : null;
      } while (after);
    }
  }
  logger.info('unit profiles pulled from admin-units', { units: rows.length });
  return rows;
}

/** Replaces the replica inside the caller's transaction. */
export async function replaceUnitProfiles(em: EntityManager, rows: Record<string, unknown>[]): Promise<void> {
  const trx = em.getTransactionContext();
  await trx.raw('truncate unit_profile');
  await insertRows(trx, 'unit_profile', rows);
}
