import type { SubgraphContext } from '@ntm/kit';
import type { AdminUnitLoaders } from './loaders/admin-unit.loader';

/** What resolvers of this subgraph receive. */
export type Context = SubgraphContext<AdminUnitLoaders>;
