import 'reflect-metadata';
import { mainOf } from '@ntm/kit';
import { readAdminUnitsEnv } from './env';
import { adminUnitsSubgraph } from './module';

export { adminUnitsSubgraph } from './module';

if (require.main === module) mainOf(adminUnitsSubgraph, readAdminUnitsEnv());
