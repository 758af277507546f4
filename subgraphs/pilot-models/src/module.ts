import { keepUnitProfilesCurrent, UnitProfile } from '@ntm/admin-unit-contract';
import type { SubgraphModule } from '@ntm/kit';
import { CentralPlanStepRow, LifecycleStepRow, VillageProfile } from './entities/catalogue.entity';
import { Pilot } from './entities/pilot.entity';
import { FundingLineRow, PilotChange, PilotStepRow, VillageChecklistItemRow } from './entities/pilot-parts.entity';
import { createPilotLoaders, type PilotLoaders } from './loaders/pilot.loader';
import { migrations } from './migrations';
import { buildPilotModelsSchema } from './schema';
import { seedPilotModels } from './seed/pilot.seed';

/** The pilot-models subgraph (mô hình thí điểm): pilots, their lifecycle, funding, eligibility (issue 11). */
export const pilotModelsSubgraph: SubgraphModule<PilotLoaders> = {
  name: 'pilot-models',
  schema: 'pilot_models',
  defaultPort: 4003,
  pullsFrom: ['admin-units', 'criteria'],
  entities: [
    Pilot,
    PilotStepRow,
    FundingLineRow,
    VillageChecklistItemRow,
    PilotChange,
    LifecycleStepRow,
    CentralPlanStepRow,
    VillageProfile,
    UnitProfile,
  ],
  migrations,
  buildSchema: buildPilotModelsSchema,
  createLoaders: createPilotLoaders,
  seed: seedPilotModels,
  background: keepUnitProfilesCurrent,
};
