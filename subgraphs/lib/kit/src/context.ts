import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from './logger';

/**
 * What every resolver receives: a request-scoped EntityManager, the request's services (where
 * reads, writes and logic live), the request's DataLoaders (which only batch: each batch calls a
 * service), a logger.
 */
export interface SubgraphContext<TLoaders, TServices = unknown> {
  em: EntityManager;
  services: TServices;
  loaders: TLoaders;
  requestId: string;
  logger: Logger;
}
