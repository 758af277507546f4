import type { SubgraphContext } from '@ntm/kit';
import type { CriteriaLoaders } from './loaders/criteria.loader';
import type { CriteriaServices } from './services';

/** What resolvers of this subgraph receive. */
export type Context = SubgraphContext<CriteriaLoaders, CriteriaServices>;
