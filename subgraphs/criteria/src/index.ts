import 'reflect-metadata';
import { mainOf } from '@ntm/kit';
import { readCriteriaEnv } from './env';
import { criteriaSubgraph } from './module';

export { criteriaSubgraph } from './module';
export { loadSyntheticDataset } from './services/synthetic-dataset';
export { SYNTHETIC_SOURCE } from './services/synthetic-load.service';

if (require.main === module) {
  const env = readCriteriaEnv();
  mainOf(criteriaSubgraph, { ...env, peers: env.adminUnitsUrl ? { 'admin-units': env.adminUnitsUrl } : {} });
}
