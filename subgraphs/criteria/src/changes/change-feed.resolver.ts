import { PageInfo, userInputError } from '@ntm/kit';
import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { exportAccess, type ExportCaller } from '../domain/changes/export-access';
import { readChanges } from './change-feed.service';

@ObjectType({
  description: 'One change of a reported value in the change feed (nhật ký thay đổi): an upsert with the value after it, a tombstone, or a reset.',
})
export class IndicatorValueChangeEntry {
  @Field({
    description:
      'UPSERT (the value after the change), DELETE (tombstone: the value is gone, or for published pulls no longer approved) or RESET (every value was removed; the reload follows as UPSERTs).',
  })
  op!: string;

  @Field({
    description:
      'Position of the change in the feed (a sequence number; order is by transaction, then position — use cursors, not positions, to resume).',
  })
  position!: string;

  @Field(() => String, { nullable: true, description: 'Id of the unit ("<code>@<list>"); null for RESET.' })
  unitId!: string | null;

  @Field(() => String, { nullable: true, description: 'Official code of the unit.' })
  unitCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Indicator key "<set>/<code>".' })
  indicatorKey!: string | null;

  @Field(() => Int, { nullable: true, description: 'Year of the value.' })
  year!: number | null;

  @Field(() => String, { nullable: true, description: 'The value after the change (canonical text); null for DELETE and RESET.' })
  value!: string | null;

  @Field(() => String, { nullable: true, description: 'Status after the change (DRAFT, SUBMITTED, APPROVED); null for DELETE and RESET.' })
  status!: string | null;

  @Field({ description: 'When the change was made (ISO 8601).' })
  changedAt!: string;
}

@ObjectType({ description: 'One change with the cursor to resume after it.' })
export class ChangeEdge {
  @Field({ description: 'Opaque cursor: pass it as `since` to continue after this change.' })
  cursor!: string;

  @Field(() => IndicatorValueChangeEntry, { description: 'The change.' })
  node!: IndicatorValueChangeEntry;
}

@ObjectType({
  description: 'A page of the change feed of indicator values, oldest first; the same positions and cursors as GET /exports/indicator-values?since=.',
})
export class ChangeConnection {
  @Field(() => [ChangeEdge], { description: 'Changes of this page, in feed order.' })
  edges!: ChangeEdge[];

  @Field(() => PageInfo, {
    description:
      'endCursor: pass it as `since` for the next pull (it moves forward even when a page is empty); hasNextPage: more changes are already available.',
  })
  pageInfo!: PageInfo;
}

/** The caller the feed sees: the signed-in user the gateway forwarded, or null for an anonymous reader. */
export function callerOf(ctx: Context): ExportCaller | null {
  return ctx.user ?? null;
}

@Resolver()
export class ChangeFeedResolver {
  @Query(() => ChangeConnection, {
    description:
      'Changes of indicator values since a cursor (nhật ký thay đổi), for small syncs: upserts, tombstones and resets in commit-safe order. Anonymous readers and callers without a data role see published (approved) values only; the ministry sees everything; editors and approvers their own units.',
  })
  async indicatorValueChanges(
    @Arg('since', () => String, {
      nullable: true,
      description: 'Cursor of the last pull (endCursor, or the X-NTM-Cursor of an export); absent: from the start.',
    })
    since: string | null,
    @Arg('within', () => String, {
      nullable: true,
      description: 'Only units under this unit code (today’s list, with the pre-reform units that went into it) or unit id.',
    })
    within: string | null,
    @Arg('first', () => Int, { defaultValue: 500, description: 'Changes per page, 1–1000.' }) first: number,
    @Ctx() ctx: Context,
  ): Promise<ChangeConnection> {
    // Arguments left out arrive as undefined.
    since = since ?? null;
    within = within ?? null;
    if (within !== null && !/^[0-9A-Za-z]{1,10}(@\d{4}-\d{2}-\d{2})?$/.test(within)) {
      throw userInputError(`within: must be a unit code ("40") or id ("40@2025-03-01")`, { field: 'within' });
    }
    const page = await readChanges(ctx.em, since, within, first, exportAccess(callerOf(ctx), false));
    return {
      edges: page.changes.map((c) => ({
        cursor: c.cursor,
        node: {
          op: c.op,
          position: String(c.position),
          unitId: c.unitId,
          unitCode: c.unitCode,
          indicatorKey: c.indicatorKey,
          year: c.year,
          value: c.value,
          status: c.status,
          changedAt: new Date(c.changedAt).toISOString(),
        },
      })),
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: since !== null,
        startCursor: page.changes[0]?.cursor ?? null,
        endCursor: page.endCursor,
      },
    };
  }
}
