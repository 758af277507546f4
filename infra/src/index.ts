export * from './database';
export * from './paths';
export * from './compose';
export * from './stack';
export * from './subgraphs';
export * from './auth-keys';
export * from './processes';
export * from './supervisor';
