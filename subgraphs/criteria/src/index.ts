import 'reflect-metadata';
import { runAsProcess } from '@ntm/kit';
import { criteriaSubgraph } from './module';

/** The registry (infra) finds a subgraph by this export. */
export { criteriaSubgraph as subgraph } from './module';
export { loadSyntheticDataset } from './services/synthetic-dataset';
export { SYNTHETIC_SOURCE } from './services/synthetic-load.service';

if (require.main === module) runAsProcess(criteriaSubgraph);
