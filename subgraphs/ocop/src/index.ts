import 'reflect-metadata';
import { runAsProcess } from '@ntm/kit';
import { ocopSubgraph } from './module';

/** @ntm/ocop: the OCOP & cooperatives subgraph, its pure domain rules, classification data and generated dataset. */
export { ocopSubgraph as subgraph } from './module';
export { loadOcopDataset, DATASET_TODAY } from './services/dataset-load.service';
export { OcopWriteService } from './services/ocop-write.service';
export { DEFAULT_PROVINCES, DEFAULT_SCALE } from './seed/ocop.seed';
export * from './domain/dates';
export * from './domain/problems';
export * from './domain/classes';
export * from './domain/rating';
export * from './domain/cooperative';
export * from './domain/linkage';
export * from './domain/product-code';
export * from './domain/generate';
export { Rng, hashString } from '@ntm/kit';
export { loadProductClasses, PRODUCT_CLASSES_FILE } from './product-classes';
export * from './domain/rollups';
export * from './domain/product';

if (require.main === module) runAsProcess(ocopSubgraph);
