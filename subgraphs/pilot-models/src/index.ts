/**
 * @ntm/pilot-models — the pilot-models subgraph (mô hình thí điểm), and its pure domain and data files.
 */
import 'reflect-metadata';
import { runAsProcess } from '@ntm/kit';
import { pilotModelsSubgraph } from './module';

export * from './domain';
export * from './data-files';
/** The registry (infra) finds a subgraph by this export. */
export { pilotModelsSubgraph as subgraph } from './module';

if (require.main === module) runAsProcess(pilotModelsSubgraph);
/** The write service (checks and transactions), for tests that exercise validation below authorization. */
export { PilotWriteService } from './services/pilot-write.service';
