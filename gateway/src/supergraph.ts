import { Kind, parse, type EnumTypeDefinitionNode } from 'graphql';
import { readFileSync } from 'node:fs';

/** A subgraph as the composed supergraph declares it (its `join__Graph` enum value). */
export interface DeclaredSubgraph {
  name: string;
  url: string;
}

export function readSupergraph(path: string): string {
  return readFileSync(path, 'utf8');
}

/** The subgraphs a composed supergraph declares, with the URLs composed into it. */
export function declaredSubgraphs(supergraphSdl: string): DeclaredSubgraph[] {
  const joinGraph = parse(supergraphSdl).definitions.find(
    (d): d is EnumTypeDefinitionNode => d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === 'join__Graph',
  );
  return (joinGraph?.values ?? []).flatMap((value) => {
    const graph = value.directives?.find((d) => d.name.value === 'join__graph');
    const args = new Map((graph?.arguments ?? []).map((a) => [a.name.value, a.value]));
    const name = args.get('name');
    const url = args.get('url');
    return name?.kind === Kind.STRING && url?.kind === Kind.STRING ? [{ name: name.value, url: url.value }] : [];
  });
}

/** The subgraph names a composed supergraph declares. */
export const subgraphNamesOf = (supergraphSdl: string): string[] => declaredSubgraphs(supergraphSdl).map((s) => s.name);

/** The URL composed into the supergraph for one subgraph, if it declares it. */
export const declaredSubgraphUrl = (supergraphSdl: string, name: string): string | undefined =>
  declaredSubgraphs(supergraphSdl).find((s) => s.name === name)?.url;
