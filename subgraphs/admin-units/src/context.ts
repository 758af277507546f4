import type { SubgraphContext } from '@ntm/kit';
import type { AdminUnitLoaders } from './loaders/admin-unit.loader';
import type { AdminUnitServices } from './services';

/** What resolvers of this subgraph receive. */
export type Context = SubgraphContext<AdminUnitLoaders, AdminUnitServices>;
