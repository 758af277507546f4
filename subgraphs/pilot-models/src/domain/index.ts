/** Pure domain of pilot models: no database, no GraphQL. */
export * from './types';
export * from './catalogue';
export * from './kinds';
export * from './lifecycle';
export * from './funding';
export * from './eligibility';
export * from './smart-village';
export * from './pilot';
export * from './generate';
export * from './facts';
