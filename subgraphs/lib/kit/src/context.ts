import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from './logger';
import type { User } from './auth/identity';

/**
 * What every resolver receives: a request-scoped EntityManager, the request's services (where
 * reads, writes and logic live), the request's DataLoaders (which only batch: each batch calls a
 * service), a logger, the signed-in user.
 */
export interface SubgraphContext<TLoaders, TServices = unknown> {
  em: EntityManager;
  services: TServices;
  loaders: TLoaders;
  requestId: string;
  logger: Logger;
  /** The user the gateway verified and forwarded (x-ntm-identity); null for an anonymous reader. */
  user: User | null;
}
