export * from './settings';
export * from './verify';
