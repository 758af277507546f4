import type { EntityManager } from '@mikro-orm/postgresql';
import { PageInfo, userInputError } from '@ntm/kit';
import { Arg, Ctx, Directive, Field, Int, ObjectType, Query, Resolver, type ClassType } from 'type-graphql';
import { encodeCursor, advanceCursor, START_CURSOR, type ChangeCursor } from './cursor';
import { ExportRefusal, type DatasetExport, type ExportColumn } from './dataset-export';
import {
  changeWindowSql,
  dataVersion,
  knexQueryable,
  parseSince,
  readChangePage,
  subtreeUnitIds,
  textArraySql,
  UNIT_REF,
  MAX_CHANGES_PAGE,
  type ChangePage,
  type Queryable,
} from './reader';

/**
 * The change feed of a subgraph whose change log has the shared shape (migration-sql.ts) and logs
 * every write (no RESET covering a transaction): GraphQL pages for small syncs, and the streamed
 * export `GET /exports/<name>` — without `since`, the current state rebuilt from the log (the last
 * upsert of each record after the last RESET of its entity), with the cursor that continues after
 * it; with `since`, the changes after the cursor.
 */

@ObjectType({
  description:
    'One change in a change feed (nhật ký thay đổi): an upsert with the record after it, a tombstone, or a reset of every record of the entity.',
})
@Directive('@shareable')
export class RecordChange {
  @Field({
    description:
      'UPSERT (the record after the change), DELETE (tombstone: the record is gone) or RESET (every record of the entity was removed; a reload follows as UPSERTs).',
  })
  op!: string;

  @Field({
    description:
      'Position of the change in its feed (a sequence number; order is by transaction, then position — resume with cursors, not positions).',
  })
  position!: string;

  @Field({ description: 'What changed, e.g. PILOT, PILOT_STEP, OCOP_RATING.' })
  entity!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Key of the record within its entity (e.g. the pilot id; "<pilot id>|<step code>"); null for RESET.',
  })
  key!: string | null;

  @Field(() => String, { nullable: true, description: 'Id of the unit the record belongs to ("<code>@<list>"), when it has one.' })
  unitId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The record after an UPSERT, as JSON text (its stored columns, snake_case); null for DELETE and RESET.',
  })
  data!: string | null;

  @Field({ description: 'When the change was made (ISO 8601).' })
  changedAt!: string;
}

@ObjectType({ description: 'One change with the cursor to resume after it.' })
@Directive('@shareable')
export class RecordChangeEdge {
  @Field({ description: 'Opaque cursor: pass it as `since` to continue after this change.' })
  cursor!: string;

  @Field(() => RecordChange, { description: 'The change.' })
  node!: RecordChange;
}

@ObjectType({ description: 'A page of a change feed, oldest first; the same positions and cursors as the feed’s GET /exports/<name>?since=.' })
@Directive('@shareable')
export class RecordChangeConnection {
  @Field(() => [RecordChangeEdge], { description: 'Changes of this page, in feed order.' })
  edges!: RecordChangeEdge[];

  @Field(() => PageInfo, {
    description:
      'endCursor: pass it as `since` for the next pull (it moves forward even when a page is empty); hasNextPage: more changes are already available.',
  })
  pageInfo!: PageInfo;
}

interface RecordChangeRow {
  xid: string;
  position: string;
  op: string;
  entity: string;
  key: string | null;
  unitId: string | null;
  data: string | null;
  changedAt: Date | string;
}

/** A feed over some entities of a change log. */
export interface RecordFeed {
  /** Entities of the log this feed carries. */
  entities: string[];
}

const entityList = (entities: string[]) => {
  for (const e of entities) if (!/^[A-Z_]+$/.test(e)) throw new Error(`not an entity name: ${e}`);
  return entities.map((e) => `'${e}'`).join(', ');
};

/** `within` as unit ids (today's list, with the pre-reform units that went into it), or null. */
async function withinUnits(q: Queryable, within: string | null, field = 'within'): Promise<string[] | null> {
  if (within === null) return null;
  if (!UNIT_REF.test(within)) throw new ExportRefusal(400, field, `must be a unit code ("40") or id ("40@2025-03-01"), got "${within.slice(0, 40)}"`);
  const today = new Date().toISOString().slice(0, 10);
  const units = await subtreeUnitIds(q, [within], today, true);
  if (units.length === 0) throw new ExportRefusal(400, field, `no unit "${within}" in the unit list in force on ${today}`);
  return units;
}

function changeRowsSelect(feed: RecordFeed, window: string[], units: string[] | null, limit?: number): string {
  const where = [`c.entity in (${entityList(feed.entities)})`, ...window];
  if (units) where.push(`(c.op = 'RESET' or c.unit_id = any(${textArraySql(units)}))`);
  return `select c.xid::text as xid, c.position::text as position, c.op, c.entity, c.record_key as key, c.unit_id as "unitId",
                 c.data::text as data, c.changed_at as "changedAt"
            from change_log c where ${where.join(' and ')}
           order by c.xid, c.position${limit !== undefined ? ` limit ${Number(limit)}` : ''}`;
}

/**
 * Reads one page of a feed for GraphQL, in its own REPEATABLE READ, READ ONLY transaction (`run`
 * opens it: e.g. `(fn) => knex.transaction((trx) => fn(knexQueryable(trx)), { isolationLevel: 'repeatable read', readOnly: true })`).
 * A bad argument is a GraphQL BAD_USER_INPUT naming it.
 */
export async function readRecordChanges(
  run: <T>(fn: (q: Queryable) => Promise<T>) => Promise<T>,
  feed: RecordFeed,
  args: { since: string | null; within: string | null; first: number },
): Promise<RecordChangeConnection> {
  const since = parseSince(args.since);
  if (!since.ok) throw userInputError(`since: ${since.reason}`, { field: 'since' });
  let page: ChangePage<RecordChangeRow>;
  try {
    page = await run(async (q) => {
      const units = await withinUnits(q, args.within ?? null);
      return readChangePage<RecordChangeRow>(q, since.cursor, args.first, (window, limit) => changeRowsSelect(feed, window, units, limit));
    });
  } catch (error) {
    if (error instanceof ExportRefusal) throw userInputError(error.message, { field: error.field });
    if (error instanceof RangeError) throw userInputError(`first: ${error.message}`, { field: 'first' });
    throw error;
  }
  return {
    edges: page.changes.map((c) => ({
      cursor: c.cursor,
      node: {
        op: c.op,
        position: c.position,
        entity: c.entity,
        key: c.key,
        unitId: c.unitId,
        data: c.data,
        changedAt: new Date(c.changedAt).toISOString(),
      },
    })),
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: args.since !== null && args.since !== undefined,
      startCursor: page.changes[0]?.cursor ?? null,
      endCursor: page.endCursor,
    },
  };
}

/** The columns of a record feed's export, each described. */
export const RECORD_CHANGE_COLUMNS: ExportColumn[] = [
  {
    key: 'op',
    kind: 'string',
    description:
      'UPSERT: the record as it is (snapshot) or after the change; DELETE: tombstone, the record is gone; RESET: every record of the entity was removed (a reload follows as UPSERTs), other columns empty',
  },
  {
    key: 'position',
    kind: 'number',
    description:
      'position of the change in the feed (decimal); feed order is by committing transaction, then position; resume with the cursor (X-NTM-Cursor or the end line), not positions',
  },
  {
    key: 'entity',
    kind: 'string',
    description: 'what changed (PILOT, PILOT_STEP, FUNDING_LINE, VILLAGE_CHECKLIST_ITEM; OCOP_RATING, OCOP_REVOCATION)',
  },
  { key: 'key', kind: 'string', description: 'key of the record within its entity: the record id, or "<parent id>|<code>" for parts' },
  {
    key: 'unitId',
    kind: 'string',
    description: 'stable id "<code>@<list date>" of the unit the record belongs to (the AdminUnit federation key), when it has one',
  },
  {
    key: 'data',
    kind: 'json',
    description:
      'the record after an UPSERT: a JSON object of its stored columns (snake_case; dates ISO 8601; user ids left out); null for DELETE and RESET',
  },
  { key: 'changedAt', kind: 'timestamp', description: 'when the change committed (ISO 8601, UTC offset)' },
];

/**
 * The streamed export of a feed: `GET /exports/<name>` (the state rebuilt from the log) or
 * `?since=<cursor>` (the changes after it), `within=` a unit; open data (no sign-in needed).
 */
export function recordFeedExport(options: { name: string; description: string; feed: RecordFeed }): DatasetExport {
  const { feed } = options;
  return {
    name: options.name,
    description: options.description,
    access: 'open data: anyone, signed in or not (the same records the graph answers anonymous readers)',
    parameters: {
      since:
        'a cursor from a previous pull (X-NTM-Cursor, or the NDJSON end line), or 0 for the whole history; absent: the current state, one UPSERT per record',
      within: 'only records of units under this unit code (today’s list, with the pre-reform units that went into it) or unit id',
    },
    columns: RECORD_CHANGE_COLUMNS,
    async prepare(ctx) {
      const since = ctx.params.since === undefined ? null : parseSince(ctx.params.since);
      if (since && !since.ok) throw new ExportRefusal(400, 'since', since.reason);
      const units = await withinUnits(ctx.q, ctx.params.within ?? null);
      const version = await dataVersion(ctx.q, ctx.snapshot, ctx.horizon);
      const from: ChangeCursor = since && since.ok ? since.cursor : START_CURSOR;
      const window = changeWindowSql(from, ctx.horizon);
      const cursor = encodeCursor(advanceCursor(from, null, ctx.horizon));
      const columns = `c.op, c.position, c.entity, c.record_key as "key", c.unit_id as "unitId", c.data, c.changed_at as "changedAt"`;
      if (since) {
        const where = [`c.entity in (${entityList(feed.entities)})`, ...window];
        if (units) where.push(`(c.op = 'RESET' or c.unit_id = any(${textArraySql(units)}))`);
        return { select: `select ${columns} from change_log c where ${where.join(' and ')} order by c.xid, c.position`, version, cursor };
      }
      // The state: each record's last change below the horizon, after the last RESET of its entity, if an UPSERT.
      const where = [`c.entity in (${entityList(feed.entities)})`, ...window, `c.op <> 'RESET'`];
      const select = `
        with resets as (
          select c.entity, max(array[c.xid::text::numeric, c.position::numeric]) as at from change_log c
           where c.op = 'RESET' and ${window.join(' and ')} group by c.entity
        ), last as (
          select distinct on (c.entity, c.record_key) c.* from change_log c
           left join resets r on r.entity = c.entity
           where ${where.join(' and ')} and (r.at is null or array[c.xid::text::numeric, c.position::numeric] > r.at)
           order by c.entity, c.record_key, c.xid desc, c.position desc
        )
        select ${columns} from last c
         where c.op = 'UPSERT'${units ? ` and c.unit_id = any(${textArraySql(units)})` : ''}
         order by c.xid, c.position`;
      return { select, version, cursor };
    },
  };
}

/** Runs `fn` in one REPEATABLE READ, READ ONLY transaction of the request's entity manager. */
export const snapshotRunner =
  (em: EntityManager) =>
  <T>(fn: (q: Queryable) => Promise<T>): Promise<T> =>
    em.getKnex().transaction((trx) => fn(knexQueryable(trx)), { isolationLevel: 'repeatable read', readOnly: true });

/**
 * A resolver class with one query, `<query>(since, within, first): RecordChangeConnection`, over a
 * feed: each subgraph names its own (pilotChanges, ocopRatingChanges) with the same arguments and
 * cursor semantics as criteria's indicatorValueChanges.
 */
export function recordChangesResolver(options: { query: string; description: string; feed: RecordFeed }): ClassType {
  @Resolver()
  class RecordChangesResolver {
    @Query(() => RecordChangeConnection, { name: options.query, description: options.description })
    async changes(
      @Arg('since', () => String, {
        nullable: true,
        description: 'Cursor of the last pull (endCursor, or the X-NTM-Cursor of an export); absent: from the start.',
      })
      since: string | null,
      @Arg('within', () => String, {
        nullable: true,
        description: 'Only records of units under this unit code (today’s list, with the pre-reform units that went into it) or unit id.',
      })
      within: string | null,
      @Arg('first', () => Int, { defaultValue: 500, description: `Changes per page, 1–${MAX_CHANGES_PAGE}.` }) first: number,
      @Ctx() ctx: { em: EntityManager },
    ): Promise<RecordChangeConnection> {
      return readRecordChanges(snapshotRunner(ctx.em), options.feed, { since: since ?? null, within: within ?? null, first });
    }
  }
  return RecordChangesResolver;
}
