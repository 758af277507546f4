import { exportRoutes, recordChangesResolver, recordFeedExport, type RecordFeed } from '@ntm/change-log';

/** The OCOP ratings' change feed: ratings and their revocations (Migration20261201210000_change_log). */
export const OCOP_RATING_FEED: RecordFeed = { entities: ['OCOP_RATING', 'OCOP_REVOCATION'] };

/** `ocopRatingChanges(since, within, first)`: the feed in pages, for small syncs. */
export const OcopRatingChangesResolver = recordChangesResolver({
  query: 'ocopRatingChanges',
  description:
    'Changes of OCOP ratings since a cursor (nhật ký thay đổi kết quả đánh giá, phân hạng OCOP), for small syncs: ratings and revocations as upserts (the record after the change) and tombstones, in commit-safe order, under the commune of the rated product. Open to every reader, as the OCOP queries are; GET /exports/ocop-ratings?since= streams the same feed.',
  feed: OCOP_RATING_FEED,
});

/** `GET /exports/ocop-ratings` (the state, or `?since=` the changes), served at /internal/exports/ocop-ratings for the gateway. */
export const registerOcopExports = exportRoutes({
  datasets: [
    recordFeedExport({
      name: 'ocop-ratings',
      description: 'OCOP ratings (kết quả đánh giá, phân hạng sản phẩm OCOP) and their revocations: the current state or the changes since a cursor',
      feed: OCOP_RATING_FEED,
    }),
  ],
});
