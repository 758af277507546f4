import { buildFederatedSchema } from '@ntm/kit';
import type { GraphQLSchema } from 'graphql';
import { resolveAdminUnitReference } from './entities/admin-unit.reference';
import { AdminUnitResolver } from './resolvers/admin-unit.resolver';

export function buildAdminUnitsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    { resolvers: [AdminUnitResolver] },
    { AdminUnit: { __resolveReference: resolveAdminUnitReference } },
  );
}
