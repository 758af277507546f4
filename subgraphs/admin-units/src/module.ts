import type { SubgraphModule } from '@ntm/kit';
import { AdminUnit } from './entities/admin-unit.entity';
import { CommuneGroupCorrection } from './entities/commune-group-correction.entity';
import { UnitLineage } from './entities/unit-lineage.entity';
import { UnitList } from './entities/unit-list.entity';
import { createAdminUnitLoaders, type AdminUnitLoaders } from './loaders/admin-unit.loader';
import { migrations } from './migrations';
import { createAdminUnitServices, type AdminUnitServices } from './services';
import { buildAdminUnitsSchema } from './schema';
import { seedUnits } from './seed/units.seed';

/** The administrative-units subgraph (đơn vị hành chính): both official lists, the hierarchy, search. */
export const adminUnitsSubgraph: SubgraphModule<AdminUnitLoaders, AdminUnitServices> = {
  name: 'admin-units',
  schema: 'admin_units',
  defaultPort: 4001,
  entities: [AdminUnit, UnitList, UnitLineage, CommuneGroupCorrection],
  migrations,
  buildSchema: buildAdminUnitsSchema,
  createServices: createAdminUnitServices,
  createLoaders: createAdminUnitLoaders,
  seed: seedUnits,
};
