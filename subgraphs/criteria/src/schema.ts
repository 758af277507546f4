import { buildFederatedSchema } from '@ntm/kit';
import type { GraphQLSchema } from 'graphql';
import { adminUnitReferenceResolver } from '@ntm/admin-unit-contract';
import { CriteriaAdminUnit } from './resolvers/types/admin-unit.type';
import { AdminUnitCriteriaResolver } from './resolvers/admin-unit.resolver';
import { AttainmentSummaryResolver } from './resolvers/attainment-summary.resolver';
import { CriteriaSetResolver, CriterionResolver } from './resolvers/criteria-set.resolver';
import { ImportResolver } from './resolvers/import/import.resolver';
import { IndicatorValuesResolver } from './resolvers/indicator-values.resolver';
import { AdminUnitPilotFactsResolver } from './resolvers/pilot-facts.resolver';
import { ProvinceCompletionResolver } from './resolvers/province-completion.resolver';
import { RecognitionResolver } from './resolvers/recognition.resolver';
import { ChangeFeedResolver } from './changes/change-feed.resolver';
import { ValueApprovalResolver } from './resolvers/value-approval.resolver';
import { ValueHistoryResolver } from './resolvers/value-history.resolver';

export function buildCriteriaSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        CriteriaSetResolver,
        CriterionResolver,
        AdminUnitCriteriaResolver,
        AttainmentSummaryResolver,
        IndicatorValuesResolver,
        RecognitionResolver,
        ValueApprovalResolver,
        ValueHistoryResolver,
        AdminUnitPilotFactsResolver,
        ImportResolver,
        ChangeFeedResolver,
        ProvinceCompletionResolver,
      ],
    },
    adminUnitReferenceResolver(CriteriaAdminUnit),
  );
}
