import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from './logger';

/** What every resolver receives: a request-scoped EntityManager, the request's DataLoaders, a logger. */
export interface SubgraphContext<TLoaders> {
  em: EntityManager;
  loaders: TLoaders;
  requestId: string;
  logger: Logger;
}
