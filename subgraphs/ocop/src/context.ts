import type { SubgraphContext } from '@ntm/kit';
import type { OcopLoaders } from './loaders/ocop.loader';

/** What resolvers of this subgraph receive. */
export type Context = SubgraphContext<OcopLoaders>;
