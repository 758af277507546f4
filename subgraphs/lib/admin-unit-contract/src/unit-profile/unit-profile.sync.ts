import type { MikroORM } from '@mikro-orm/postgresql';
import { graphqlRequest, insertRows, seedOnce, type Logger, type PeerUrls } from '@ntm/kit';
import { UnitProfile } from './unit-profile.entity';

/**
 * Keeps a subgraph's unit-profile replica in step with admin-units: pulled page by page from its
 * public GraphQL API whenever `adminUnitsDataVersion` changes, replaced in one transaction.
 */
const PAGE = 500;
/** Bump when the replica's columns change, so every subgraph pulls again. */
const REPLICA_SHAPE = 'replica-v3'; // v3: scope_ids
const LEVELS = ['PROVINCE', 'DISTRICT', 'COMMUNE'];
/** One representative date per official list: the lists the values of each year belong to. */
export const LIST_DATES = ['2024-06-30', '2025-07-01'];

const UNITS_QUERY = `
  query UnitProfiles($filter: AdminUnitFilter, $first: Int!, $after: String) {
    adminUnits(filter: $filter, first: $first, after: $after) {
      edges { node { id code level name validFrom validTo list { id } ancestors { id } successors { unit { id } } scopeIds region ethnicMinorityArea mountainous island } }
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
  successors: { unit: { id: string } }[];
  scopeIds: string[];
  region: string | null;
  ethnicMinorityArea: boolean;
  mountainous: boolean;
  island: boolean;
}

/** The admin-units URL from a subgraph's peers (set by the stack, or ADMIN_UNITS_URL for a lone process). */
export function adminUnitsUrlOf(peers: PeerUrls): string {
  const url = peers['admin-units'];
  if (!url) throw new Error('this subgraph pulls unit profiles from admin-units: set ADMIN_UNITS_URL');
  return url;
}

export async function fetchAdminUnitsVersion(url: string): Promise<string> {
  const data = await graphqlRequest<{ adminUnitsDataVersion: string }>(url, `{ adminUnitsDataVersion }`);
  return data.adminUnitsDataVersion;
}

/** Every province, district and commune of both lists, as replica rows. */
export async function pullUnitProfiles(url: string): Promise<Partial<UnitProfile>[]> {
  const rows: Partial<UnitProfile>[] = [];
  for (const asOf of LIST_DATES) {
    for (const level of LEVELS) {
      let after: string | null = null;
      do {
        const data: { adminUnits: { edges: { node: UnitNode }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } =
          await graphqlRequest(url, UNITS_QUERY, { filter: { level, asOf }, first: PAGE, after });
        for (const { node } of data.adminUnits.edges) {
          rows.push({
            unitId: node.id,
            code: node.code,
            listId: node.list.id,
            level: node.level,
            name: node.name,
            ancestorIds: node.ancestors.map((a) => a.id),
            successorIds: node.successors.map((s) => s.unit.id),
            scopeIds: node.scopeIds,
            validFrom: node.validFrom,
            validTo: node.validTo,
            region: node.region,
            ethnicMinorityArea: node.ethnicMinorityArea,
            mountainous: node.mountainous,
            island: node.island,
          });
        }
        after = data.adminUnits.pageInfo.hasNextPage ? data.adminUnits.pageInfo.endCursor : null;
      } while (after);
    }
  }
  return rows;
}

/**
 * The seed step that keeps the replica current; returns the admin-units data version it holds
 * (a fingerprint input for seeds built on it). When admin-units does not answer, a replica pulled
 * earlier is kept (with a warning); an empty one is an error that says what to do.
 */
export async function syncUnitProfiles(orm: MikroORM, peers: PeerUrls, logger: Logger): Promise<{ version: string; pulled: number | null }> {
  const url = adminUnitsUrlOf(peers);
  const em = orm.em.fork();
  let version: string;
  try {
    version = await fetchAdminUnitsVersion(url);
  } catch (error) {
    const kept = await em.count(UnitProfile, {});
    if (kept === 0) {
      throw new Error(
        `this subgraph pulls unit profiles from admin-units on its first start, and admin-units did not answer (${(error as Error).message}); start admin-units first or set ADMIN_UNITS_URL`,
        { cause: error },
      );
    }
    logger.warn('admin-units unreachable; keeping the unit profiles already pulled', { units: kept, error: (error as Error).message });
    const [state] = await em.getConnection().execute<{ fingerprint: string }[]>(`select fingerprint from seed_state where step = 'unit-profiles'`);
    return { version: state?.fingerprint.replace(`${REPLICA_SHAPE}:`, '') ?? 'unknown', pulled: null };
  }
  const result = await seedOnce(em, 'unit-profiles', `${REPLICA_SHAPE}:${version}`, async (tx) => {
    const rows = await pullUnitProfiles(url);
    const trx = tx.getTransactionContext();
    await trx.raw('truncate unit_profile');
    await insertRows(
      trx,
      'unit_profile',
      rows.map((row) => toColumns(orm, row)),
    );
    logger.info('unit profiles pulled from admin-units', { units: rows.length });
    return { units: rows.length };
  });
  return { version, pulled: result.ran ? (result.counts?.units ?? 0) : null };
}

/** An entity-shaped row as column → value, through the entity metadata (the one description of the table). */
function toColumns(orm: MikroORM, row: Partial<UnitProfile>): Record<string, unknown> {
  const meta = orm.getMetadata().get(UnitProfile.name);
  const out: Record<string, unknown> = {};
  for (const [property, value] of Object.entries(row)) out[meta.properties[property as keyof UnitProfile].fieldNames[0]] = value;
  return out;
}
