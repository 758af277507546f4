import type { SubgraphContext } from '@ntm/kit';
import type { CriteriaLoaders } from './loaders/criteria.loader';

/** What resolvers of this subgraph receive. */
export type Context = SubgraphContext<CriteriaLoaders>;
