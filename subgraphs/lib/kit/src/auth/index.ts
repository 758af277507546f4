export * from './identity';
export * from './internal-token';
export * from './expiring-cache';
