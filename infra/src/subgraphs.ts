import { isSubgraphModule, portVariableOf, urlVariableOf, type SubgraphModule } from '@ntm/kit';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** A registered subgraph, with the ports and variables derived from its name. */
export interface SubgraphEntry {
  module: SubgraphModule<any>;
  /** Default port (npm start). */
  port: number;
  /** Variable that overrides the port, e.g. ADMIN_UNITS_PORT. */
  portVariable: string;
  /** Variable that tells the gateway and peers the subgraph's URL, e.g. ADMIN_UNITS_URL. */
  urlVariable: string;
  /** Package whose dist/index.js runs the subgraph as a process. */
  packageName: string;
}

/**
 * The graph's subgraphs. The one list is this package's `dependencies`: every dependency whose
 * package exports a `subgraph` (a kit SubgraphModule) is part of the graph, so adding a subgraph
 * is one line in infra/package.json (which also makes Turborepo build it before infra). Ordered so
 * that each starts after the subgraphs it pulls from, then by name.
 */
export function registeredSubgraphs(manifestPath = path.join(__dirname, '..', 'package.json')): SubgraphEntry[] {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { dependencies?: Record<string, string> };
  const found: SubgraphEntry[] = [];
  for (const packageName of Object.keys(manifest.dependencies ?? {}).sort()) {
    if (!packageName.startsWith('@ntm/')) continue;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = (require(packageName) as { subgraph?: unknown }).subgraph;
    if (!isSubgraphModule(exported)) continue;
    found.push({
      module: exported,
      port: exported.defaultPort,
      portVariable: portVariableOf(exported.name),
      urlVariable: urlVariableOf(exported.name),
      packageName,
    });
  }
  return inStartOrder(found);
}

/** Topological order over `pullsFrom`; a cycle or an unknown peer is a configuration error. */
export function inStartOrder<T extends { module: Pick<SubgraphModule, 'name' | 'pullsFrom'> }>(entries: T[]): T[] {
  const byName = new Map(entries.map((e) => [e.module.name, e]));
  const ordered: T[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (entry: T, trail: string[]) => {
    const name = entry.module.name;
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') throw new Error(`subgraphs pull from each other in a cycle: ${[...trail, name].join(' → ')}`);
    state.set(name, 'visiting');
    for (const peer of entry.module.pullsFrom ?? []) {
      const dependency = byName.get(peer);
      if (!dependency) throw new Error(`subgraph ${name} pulls from "${peer}", which is not registered`);
      visit(dependency, [...trail, name]);
    }
    state.set(name, 'done');
    ordered.push(entry);
  };
  for (const entry of entries) visit(entry, []);
  return ordered;
}

/** The registered subgraphs, in start order. */
export const SUBGRAPHS: SubgraphEntry[] = registeredSubgraphs();
