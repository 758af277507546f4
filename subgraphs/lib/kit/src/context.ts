import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from './logger';
import type { User } from './auth/identity';

/** What every resolver receives: a request-scoped EntityManager, the request's DataLoaders, a logger, the signed-in user. */
export interface SubgraphContext<TLoaders> {
  em: EntityManager;
  loaders: TLoaders;
  requestId: string;
  logger: Logger;
  /** The user the gateway verified and forwarded (x-ntm-identity); null for an anonymous reader. */
  user: User | null;
}
