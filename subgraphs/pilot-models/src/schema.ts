import { adminUnitReferenceResolver } from '@ntm/admin-unit-contract';
import { buildFederatedSchema } from '@ntm/kit';
import type { GraphQLSchema } from 'graphql';
import { PilotChangesResolver } from './changes/pilot-changes';
import { AdminUnitPilotResolver } from './resolvers/admin-unit.resolver';
import { PilotMutationResolver } from './resolvers/pilot-mutation.resolver';
import { PilotResolver } from './resolvers/pilot.resolver';
import { PilotAdminUnit } from './resolvers/types/pilot.types';

export function buildPilotModelsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    { resolvers: [PilotResolver, AdminUnitPilotResolver, PilotMutationResolver, PilotChangesResolver] },
    adminUnitReferenceResolver(PilotAdminUnit),
  );
}
