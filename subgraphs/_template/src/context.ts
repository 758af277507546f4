import type { SubgraphContext } from '@ntm/kit';
import type { TemplateLoaders } from './loaders/example.loader';
import type { TemplateServices } from './services';

/** What resolvers of this subgraph receive. */
export type Context = SubgraphContext<TemplateLoaders, TemplateServices>;
