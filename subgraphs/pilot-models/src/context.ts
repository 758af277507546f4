import type { SubgraphContext } from '@ntm/kit';
import type { PilotLoaders } from './loaders/pilot.loader';

/** What resolvers of this subgraph receive. */
export type Context = SubgraphContext<PilotLoaders>;
