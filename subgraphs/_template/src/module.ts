import type { SubgraphModule } from '@ntm/kit';
import { Example } from './entities/example.entity';
import { createTemplateLoaders, type TemplateLoaders } from './loaders/example.loader';
import { migrations } from './migrations';
import { createTemplateServices, type TemplateServices } from './services';
import { buildTemplateSchema } from './schema';
import { seedTemplate } from './seed/example.seed';

/** TEMPLATE: rename (name, schema, port) when copying; see subgraphs/README.md. */
export const templateSubgraph: SubgraphModule<TemplateLoaders, TemplateServices> = {
  name: 'template',
  schema: 'template',
  defaultPort: 4099,
  entities: [Example],
  migrations,
  buildSchema: buildTemplateSchema,
  createServices: createTemplateServices,
  createLoaders: createTemplateLoaders,
  seed: seedTemplate,
};
