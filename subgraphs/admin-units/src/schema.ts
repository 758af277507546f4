import { buildFederatedSchema } from '@ntm/kit';
import type { GraphQLSchema } from 'graphql';
import { resolveAdminUnitReference } from './entities/admin-unit.reference';
import { AdminUnitResolver } from './resolvers/admin-unit.resolver';
import { CommuneGroupResolver } from './resolvers/commune-group.resolver';
import { LineageResolver } from './resolvers/lineage.resolver';
import { MatchResolver } from './resolvers/match.resolver';
import { ScopeResolver } from './resolvers/scope.resolver';

export function buildAdminUnitsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    { resolvers: [AdminUnitResolver, CommuneGroupResolver, LineageResolver, MatchResolver, ScopeResolver] },
    { AdminUnit: { __resolveReference: resolveAdminUnitReference } },
  );
}
