import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { graphqlRequest, insertRows, SeedState, seedOnce, toPgArray, type Logger, type PeerUrls } from '@ntm/kit';
import { UnitProfile } from './unit-profile.entity';

/**
 * Keeps a subgraph's unit-profile replica in step with admin-units: pulled page by page from its
 * public GraphQL API whenever `adminUnitsDataVersion` changes, replaced in one transaction.
 */
const PAGE = 500;
/** Bump when the replica's columns change, so every subgraph pulls again. */
const REPLICA_SHAPE = 'replica-v4'; // v3: scope_ids; v4: commune_group, kind
const LEVELS = ['PROVINCE', 'DISTRICT', 'COMMUNE'];
/** One representative date per official list: the lists the values of each year belong to. */
export const LIST_DATES = ['2024-06-30', '2025-07-01'];
/** The list commune groups belong to (the 2026–2030 set applies to it). */
const COMMUNE_GROUP_LIST_DATE = '2025-07-01';

const UNITS_QUERY = `
  query UnitProfiles($filter: AdminUnitFilter, $first: Int!, $after: String) {
    adminUnits(filter: $filter, first: $first, after: $after) {
      edges { node { id code level name kind validFrom validTo list { id } ancestors { id } successors { unit { id } } scopeIds region ethnicMinorityArea mountainous island communeGroup } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

interface UnitNode {
  id: string;
  code: string;
  level: string;
  name: string;
  kind: string;
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
  communeGroup: number | null;
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
            kind: node.kind,
            ancestorIds: node.ancestors.map((a) => a.id),
            successorIds: node.successors.map((s) => s.unit.id),
            scopeIds: node.scopeIds,
            validFrom: node.validFrom,
            validTo: node.validTo,
            region: node.region,
            ethnicMinorityArea: node.ethnicMinorityArea,
            mountainous: node.mountainous,
            island: node.island,
            communeGroup: node.communeGroup,
          });
        }
        after = data.adminUnits.pageInfo.hasNextPage ? data.adminUnits.pageInfo.endCursor : null;
      } while (after);
    }
  }
  return rows;
}

const GROUPS_QUERY = `
  query CommuneGroups($first: Int!, $after: String) {
    adminUnits(filter: { level: COMMUNE, asOf: "${COMMUNE_GROUP_LIST_DATE}" }, first: $first, after: $after) {
      edges { node { id communeGroup } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

/** The commune groups of the current list's communes (what an ADMIN correction changes). */
async function pullCommuneGroups(url: string): Promise<{ id: string; communeGroup: number | null }[]> {
  const out: { id: string; communeGroup: number | null }[] = [];
  let after: string | null = null;
  do {
    const data: {
      adminUnits: { edges: { node: { id: string; communeGroup: number | null } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    } = await graphqlRequest(url, GROUPS_QUERY, { first: PAGE, after });
    out.push(...data.adminUnits.edges.map((e) => e.node));
    after = data.adminUnits.pageInfo.hasNextPage ? data.adminUnits.pageInfo.endCursor : null;
  } while (after);
  return out;
}

/**
 * admin-units' data version (`adminUnitsDataVersion`): the seeded lists' fingerprint, and after a
 * commune-group correction also "+c<id of the latest correction>", so replicas pull again after either.
 */
export function unitsDataVersion(listsFingerprint: string, latestCorrectionId: number | null): string {
  return latestCorrectionId ? `${listsFingerprint}+c${latestCorrectionId}` : listsFingerprint;
}

/**
 * The lists part of an admin-units data version (`unitsDataVersion`): without the corrections.
 * Seeds built on the units fingerprint this, so a correction re-pulls the replica but never
 * regenerates a subgraph's seeded data.
 */
export function listsVersionOf(version: string): string {
  return version.split('+c')[0];
}

/**
 * The seed step that keeps the replica current; returns the version of the unit lists it holds
 * (`listsVersionOf`: a fingerprint input for seeds built on them). When admin-units does not answer, a replica pulled
 * earlier is kept (with a warning); an empty one is an error that says what to do.
 */
export async function syncUnitProfiles(
  orm: MikroORM,
  peers: PeerUrls,
  logger: Logger,
  /** The version admin-units just answered, when the caller asked already. */
  currentVersion?: string,
): Promise<{ version: string; pulled: number | null }> {
  const url = adminUnitsUrlOf(peers);
  const em = orm.em.fork();
  let version: string;
  try {
    version = currentVersion ?? (await fetchAdminUnitsVersion(url));
  } catch (error) {
    const kept = await em.count(UnitProfile, {});
    if (kept === 0) {
      throw new Error(
        `this subgraph pulls unit profiles from admin-units on its first start, and admin-units did not answer (${(error as Error).message}); start admin-units first or set ADMIN_UNITS_URL`,
        { cause: error },
      );
    }
    logger.warn('admin-units unreachable; keeping the unit profiles already pulled', { units: kept, error: (error as Error).message });
    const state = await em.findOne(SeedState, { step: 'unit-profiles' });
    return { version: listsVersionOf(state?.fingerprint.replace(`${REPLICA_SHAPE}:`, '') ?? 'unknown'), pulled: null };
  }
  const fingerprint = `${REPLICA_SHAPE}:${version}`;
  const state = await em.findOne(SeedState, { step: 'unit-profiles' });
  if (state?.fingerprint === fingerprint) return { version: listsVersionOf(version), pulled: null };
  if (state && listsVersionOf(state.fingerprint) === listsVersionOf(fingerprint)) {
    // Same lists, other corrections: only commune groups can have changed; pull just those.
    const groups = await pullCommuneGroups(url);
    await seedOnce(em, 'unit-profiles', fingerprint, async (tx) => {
      const changed = await tx.getTransactionContext().raw(
        `update unit_profile p set commune_group = g.commune_group from unnest(?::text[], ?::smallint[]) as g(unit_id, commune_group)
            where p.unit_id = g.unit_id and p.commune_group is distinct from g.commune_group`,
        [toPgArray(groups.map((g) => g.id)), toPgArray(groups.map((g) => g.communeGroup))],
      );
      logger.info('commune groups pulled from admin-units', { units: groups.length, changed: changed.rowCount ?? 0 });
    });
    return { version: listsVersionOf(version), pulled: groups.length };
  }
  // Pulled before any transaction opens: the replica stays readable, unlocked, meanwhile.
  const rows = await pullUnitProfiles(url);
  const result = await seedOnce(em, 'unit-profiles', fingerprint, async (tx) => {
    const changed = await mergeUnitProfiles(tx, orm, rows);
    logger.info('unit profiles pulled from admin-units', { units: rows.length, ...changed });
    return { units: rows.length };
  });
  return { version: listsVersionOf(version), pulled: result.ran ? (result.counts?.units ?? 0) : null };
}

/**
 * Makes the replica equal to `rows` in the caller's transaction, touching only what differs: rows
 * go to a temporary table, then one upsert changes the rows whose facts changed and one delete
 * removes units no longer listed. Readers are never blocked by a table lock (a re-pull after a
 * commune-group correction changes one row), unlike a truncate and reload.
 */
async function mergeUnitProfiles(tx: EntityManager, orm: MikroORM, rows: Partial<UnitProfile>[]): Promise<{ changed: number; removed: number }> {
  const trx = tx.getTransactionContext();
  await trx.raw('create temp table unit_profile_incoming (like unit_profile including defaults) on commit drop');
  await insertRows(
    trx,
    'unit_profile_incoming',
    rows.map((row) => toColumns(orm, row)),
  );
  const meta = orm.getMetadata().get(UnitProfile.name);
  const column = (property: keyof UnitProfile) => `"${meta.properties[property].fieldNames[0]}"`;
  const facts = Object.keys(meta.properties)
    .filter((p) => p !== 'unitId' && p !== 'syncedAt')
    .map((p) => column(p as keyof UnitProfile));
  const all = [column('unitId'), ...facts];
  const upserted = await trx.raw(
    `insert into unit_profile as p (${all.join(', ')}) select ${all.join(', ')} from unit_profile_incoming
     on conflict (${column('unitId')}) do update set ${facts.map((c) => `${c} = excluded.${c}`).join(', ')}, ${column('syncedAt')} = now()
      where (${facts.map((c) => `p.${c}`).join(', ')}) is distinct from (${facts.map((c) => `excluded.${c}`).join(', ')})`,
  );
  const removed = await trx.raw(
    `delete from unit_profile p where not exists (select 1 from unit_profile_incoming i where i.${column('unitId')} = p.${column('unitId')})`,
  );
  return { changed: upserted.rowCount ?? 0, removed: removed.rowCount ?? 0 };
}

/** An entity-shaped row as column → value, through the entity metadata (the one description of the table). */
function toColumns(orm: MikroORM, row: Partial<UnitProfile>): Record<string, unknown> {
  const meta = orm.getMetadata().get(UnitProfile.name);
  const out: Record<string, unknown> = {};
  for (const [property, value] of Object.entries(row)) out[meta.properties[property as keyof UnitProfile].fieldNames[0]] = value;
  return out;
}

/** Seconds between two checks of admin-units' data version (UNIT_PROFILE_REFRESH_SECONDS, default 30). */
export function unitProfileRefreshSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.UNIT_PROFILE_REFRESH_SECONDS;
  if (text === undefined || text === '') return 30;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new Error(`UNIT_PROFILE_REFRESH_SECONDS: expected a positive number of seconds, got "${text}"`);
  return seconds;
}

/**
 * A subgraph's background task (SubgraphModule.background) that keeps the replica current while it
 * runs: every UNIT_PROFILE_REFRESH_SECONDS it asks admin-units for `adminUnitsDataVersion` and pulls
 * again when it changed (an ADMIN corrected a commune group, the lists were reloaded). Roll-ups thus
 * follow a correction within that interval; per-unit fields see it at once (federation). A failed
 * check is logged and retried at the next tick.
 */
export function keepUnitProfilesCurrent({ orm, peers, logger }: { orm: MikroORM; peers: PeerUrls; logger: Logger }): () => Promise<void> {
  const intervalMs = unitProfileRefreshSeconds() * 1000;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const url = adminUnitsUrlOf(peers);
  let known: string | null = null;
  // A tick is one small HTTP request; SQL runs only when the version moved.
  const check = async () => {
    const version = await fetchAdminUnitsVersion(url);
    if (version === known) return;
    await syncUnitProfiles(orm, peers, logger, version);
    known = version;
  };
  const tick = () => {
    running = check()
      .catch((error: Error) => logger.warn('unit profile refresh failed; retrying at the next check', { error: error.message }))
      .finally(() => {
        if (!stopped) schedule();
      });
  };
  const schedule = () => {
    timer = setTimeout(tick, intervalMs);
    timer.unref();
  };
  schedule();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running;
  };
}
