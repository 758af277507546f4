import { adminUnitReferenceResolver } from '@ntm/admin-unit-contract';
import { TemplateAdminUnit } from './resolvers/types/admin-unit.type';
import { buildFederatedSchema } from '@ntm/kit';
import type { GraphQLSchema } from 'graphql';
import { AdminUnitExamplesResolver, ExampleResolver } from './resolvers/example.resolver';

export function buildTemplateSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({ resolvers: [ExampleResolver, AdminUnitExamplesResolver] }, adminUnitReferenceResolver(TemplateAdminUnit));
}
