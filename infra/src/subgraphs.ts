import { adminUnitsSubgraph } from '@ntm/admin-units';
import { criteriaSubgraph } from '@ntm/criteria';
import type { SubgraphModule } from '@ntm/kit';

/** The subgraphs of the graph, with the ports and variables they use. */
export interface SubgraphEntry {
  module: SubgraphModule<any>;
  /** Default port (npm start). */
  port: number;
  /** Variable that overrides the port. */
  portVariable: string;
  /** Variable that tells the gateway the subgraph's URL. */
  urlVariable: string;
  /** Package whose dist/index.js runs the subgraph as a process. */
  packageName: string;
}

export const SUBGRAPHS: SubgraphEntry[] = [
  { module: adminUnitsSubgraph, port: 4001, portVariable: 'ADMIN_UNITS_PORT', urlVariable: 'ADMIN_UNITS_URL', packageName: '@ntm/admin-units' },
  { module: criteriaSubgraph, port: 4002, portVariable: 'CRITERIA_PORT', urlVariable: 'CRITERIA_URL', packageName: '@ntm/criteria' },
];
