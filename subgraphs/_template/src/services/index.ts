import type { EntityManager } from '@mikro-orm/postgresql';
import { ExampleService } from './example.service';

/** TEMPLATE: the services of one request, on its EntityManager; resolvers and loaders call them. */
export function createTemplateServices({ em }: { em: EntityManager }) {
  return { examples: new ExampleService(em) };
}

export type TemplateServices = ReturnType<typeof createTemplateServices>;
