import 'reflect-metadata';
import { runAsProcess } from '@ntm/kit';
import { adminUnitsSubgraph } from './module';

/** The registry (infra) finds a subgraph by this export. */
export { adminUnitsSubgraph as subgraph } from './module';

if (require.main === module) runAsProcess(adminUnitsSubgraph);
