/** Vietnamese administrative-unit names: folding, kind-prefix parsing, matching to official units (pure, no dependencies). */
export * from './parse';
export * from './csv';
export * from './similarity';
export * from './matcher';
