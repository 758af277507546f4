import 'reflect-metadata';
import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths';
import type { SubgraphModule } from '@ntm/kit';
import { SUBGRAPHS } from './subgraphs';

export interface Composition {
  supergraphSdl: string;
  subgraphs: { name: string; sdl: string }[];
}

/** Composes the supergraph from each subgraph's own SDL (no running servers needed). */
export async function composeSupergraph(modules: SubgraphModule<unknown>[] = SUBGRAPHS.map((s) => s.module)): Promise<Composition> {
  const subgraphs: Composition['subgraphs'] = [];
  for (const module of modules) {
    const schema = await module.buildSchema();
    subgraphs.push({ name: module.name, sdl: printSubgraphSchema(schema) });
  }
  const result = composeServices(
    subgraphs.map((s, i) => ({
      name: s.name,
      url: `http://localhost:${modules[i].defaultPort}/graphql`,
      typeDefs: parse(s.sdl),
    })),
  );
  if (result.errors) {
    throw new Error(`composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`);
  }
  return { supergraphSdl: result.supergraphSdl, subgraphs };
}

export const schemaDir = () => path.join(repoRoot(), 'schema');

/** `npm run compose`: writes schema/<subgraph>.graphql and schema/supergraph.graphql. */
async function main(): Promise<void> {
  const composition = await composeSupergraph();
  mkdirSync(schemaDir(), { recursive: true });
  for (const s of composition.subgraphs) writeFileSync(path.join(schemaDir(), `${s.name}.graphql`), s.sdl + '\n');
  writeFileSync(path.join(schemaDir(), 'supergraph.graphql'), composition.supergraphSdl);
  process.stdout.write(`composed ${composition.subgraphs.map((s) => s.name).join(', ')} into schema/supergraph.graphql\n`);
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  });
}
