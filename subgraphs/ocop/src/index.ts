/** @ntm/ocop: OCOP, cooperative and linkage domain rules, classification data and the generated national dataset. */
export * from './domain/dates';
export * from './domain/problems';
export * from './domain/classes';
export * from './domain/rating';
export * from './domain/cooperative';
export * from './domain/linkage';
export * from './domain/product-code';
export * from './domain/generate';
export { Rng, hashString } from './domain/random';
export { loadProductClasses, PRODUCT_CLASSES_FILE } from './product-classes';
export * from './domain/rollups';
export * from './domain/product';
