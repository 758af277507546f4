export * from './cursor';
export * from './copy-text-to-ndjson';
export * from './migration-sql';
export * from './change-log.entity';
export * from './reader';
export * from './dataset-export';
export * from './change-feed';
