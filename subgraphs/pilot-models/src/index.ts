/**
 * @ntm/pilot-models — pilot models (mô hình thí điểm): for now the pure domain and its data files.
 * The subgraph (entities, resolvers, services) is built around these.
 */
export * from './domain';
export * from './data-files';
