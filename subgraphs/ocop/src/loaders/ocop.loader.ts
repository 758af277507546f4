import type { EntityManager } from '@mikro-orm/postgresql';
import { groupedLoader, keyedLoader, toPgArray } from '@ntm/kit';
import DataLoader from 'dataloader';
import { OcopReadService } from '../services/ocop-read.service';
import { OcopSummaryService } from '../services/summary.service';
import type { OcopRating } from '../resolvers/types/ocop.types';

/** Per-request services and loaders: a loader only batches, the service runs one statement per batch. */
export function createOcopLoaders({ em }: { em: EntityManager }) {
  const read = new OcopReadService(em);
  return {
    em,
    read,
    summary: new OcopSummaryService(em),
    currentRating: new DataLoader<{ productId: number; asOf: string }, OcopRating | null, string>(
      async (keys) => {
        const rows = await read.currentRatings(keys);
        const byKey = new Map(rows.map((r) => [`${r.productId}|${r.asOf}`, r]));
        return keys.map((k) => byKey.get(`${k.productId}|${k.asOf}`) ?? null);
      },
      { cacheKeyFn: (k) => `${k.productId}|${k.asOf}` },
    ),
    ratings: groupedLoader(
      (ids: readonly number[]) => read.ratingsOf(ids),
      (r) => r.productId,
    ),
    listings: groupedLoader(
      (ids: readonly number[]) => read.listingsOf(ids),
      (l) => l.productId,
    ),
    owners: keyedLoader(
      (ids: readonly number[]) => read.owners(ids),
      (o) => o.ownerId,
    ),
    participants: groupedLoader(
      (ids: readonly number[]) => read.participantsOf(ids),
      (p) => p.projectId,
    ),
    supportItems: groupedLoader(
      (ids: readonly number[]) => read.supportItemsOf(ids),
      (s) => s.projectId,
    ),
    /** Today's units a registered unit went into (itself when it is on the current list), from the replica. */
    unitsToday: keyedLoader(
      (ids: readonly string[]) =>
        em
          .getConnection()
          .execute<{ unitId: string; today: string[] }[]>(
            `select unit_id as "unitId", case when valid_to is null then array[unit_id] else successor_ids end as today from unit_profile where unit_id = any(?::text[])`,
            [toPgArray(ids)],
          ),
      (r) => r.unitId,
    ),
    projectCommunes: groupedLoader(
      (ids: readonly number[]) => read.communesOf(ids),
      (c) => c.projectId,
    ),
  };
}

export type OcopLoaders = ReturnType<typeof createOcopLoaders>;
