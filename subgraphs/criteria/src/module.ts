import { keepUnitProfilesCurrent, UnitProfile } from '@ntm/admin-unit-contract';
import type { SubgraphModule } from '@ntm/kit';
import { CriteriaSet } from './entities/criteria-set.entity';
import { Criterion } from './entities/criterion.entity';
import { Indicator } from './entities/indicator.entity';
import { IndicatorValueRecord } from './entities/indicator-value.entity';
import { ImportJob } from './entities/import-job.entity';
import { ImportMapping } from './entities/import-mapping.entity';
import { ImportRow } from './entities/import-row.entity';
import { importRoutes } from './services/import/import-routes';
import { RecognitionDecision } from './entities/recognition-decision.entity';
import { IndicatorValueChange } from './entities/indicator-value-change.entity';
import { ChangeLogEntry } from './entities/change-log.entity';
import { createCriteriaLoaders, type CriteriaLoaders } from './loaders/criteria.loader';
import { migrations } from './migrations';
import { createCriteriaServices, type CriteriaServices } from './services';
import { buildCriteriaSchema } from './schema';
import { seedCriteria } from './seed/criteria.seed';
import { registerExportRoutes } from './changes/export.routes';

/** The criteria & indicators subgraph (bộ tiêu chí, chỉ tiêu): sets, values, computed attainment. */
export const criteriaSubgraph: SubgraphModule<CriteriaLoaders, CriteriaServices> = {
  name: 'criteria',
  schema: 'criteria',
  defaultPort: 4002,
  pullsFrom: ['admin-units'],
  entities: [
    CriteriaSet,
    Criterion,
    Indicator,
    IndicatorValueRecord,
    RecognitionDecision,
    UnitProfile,
    IndicatorValueChange,
    ChangeLogEntry,
    ImportJob,
    ImportRow,
    ImportMapping,
  ],
  migrations,
  buildSchema: buildCriteriaSchema,
  createServices: createCriteriaServices,
  createLoaders: createCriteriaLoaders,
  seed: seedCriteria,
  background: keepUnitProfilesCurrent,
  // Internal HTTP routes the gateway forwards to: spreadsheet uploads, and streamed exports (which close their pool on stop).
  routes: async (app, deps) => {
    await importRoutes(app, deps);
    return registerExportRoutes(app, deps);
  },
};
