import 'reflect-metadata';
import { runAsProcess } from '@ntm/kit';
import { templateSubgraph } from './module';

/** The registry (infra) finds a subgraph by this export. */
export { templateSubgraph as subgraph } from './module';

if (require.main === module) runAsProcess(templateSubgraph);
