import { exportRoutes, recordChangesResolver, recordFeedExport, type RecordFeed } from '@ntm/change-log';

/** The pilots' change feed: pilots and their parts (Migration20261201210000_change_log says what each entity holds). */
export const PILOT_FEED: RecordFeed = { entities: ['PILOT', 'PILOT_STEP', 'FUNDING_LINE', 'VILLAGE_CHECKLIST_ITEM'] };

/** `pilotChanges(since, within, first)`: the feed in pages, for small syncs. */
export const PilotChangesResolver = recordChangesResolver({
  query: 'pilotChanges',
  description:
    'Changes of pilot models since a cursor (nhật ký thay đổi mô hình thí điểm), for small syncs: pilots, lifecycle steps, funding lines and village checklist items as upserts (the record after the change) and tombstones, in commit-safe order. Open to every reader, as pilotModels is; GET /exports/pilots?since= streams the same feed.',
  feed: PILOT_FEED,
});

/** `GET /exports/pilots` (the state, or `?since=` the changes), served at /internal/exports/pilots for the gateway. */
export const registerPilotExports = exportRoutes({
  datasets: [
    recordFeedExport({
      name: 'pilots',
      description:
        'pilot models (mô hình thí điểm) and their lifecycle steps, funding lines and village checklist items: the current state or the changes since a cursor',
      feed: PILOT_FEED,
    }),
  ],
});
