import { adminUnitReferenceResolver } from '@ntm/admin-unit-contract';
import { buildFederatedSchema } from '@ntm/kit';
import type { GraphQLSchema } from 'graphql';
import { OcopRatingChangesResolver } from './changes/ocop-rating-changes';
import { OCOP_RESOLVERS } from './resolvers/ocop.resolver';
import { CooperativeGroup, OcopAdminUnit, Enterprise, Farm, HouseholdBusiness } from './resolvers/types/ocop.types';

export function buildOcopSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    { resolvers: [...OCOP_RESOLVERS, OcopRatingChangesResolver], orphanedTypes: [CooperativeGroup, Enterprise, Farm, HouseholdBusiness] },
    adminUnitReferenceResolver(OcopAdminUnit),
  );
}
