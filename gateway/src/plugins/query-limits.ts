import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type DefinitionNode, type SelectionSetNode } from 'graphql';

export interface QueryLimits {
  /** Deepest allowed nesting of fields. */
  maxDepth: number;
  /** Most aliases allowed in one operation (stops alias-amplification). */
  maxAliases: number;
}

export const DEFAULT_LIMITS: QueryLimits = { maxDepth: 15, maxAliases: 50 };

function measure(selectionSet: SelectionSetNode | undefined, fragments: Map<string, SelectionSetNode>, seen: Set<string>): { depth: number; aliases: number } {
  if (!selectionSet) return { depth: 0, aliases: 0 };
  let depth = 0;
  let aliases = 0;
  for (const selection of selectionSet.selections) {
    let inner: { depth: number; aliases: number };
    if (selection.kind === Kind.FIELD) {
      inner = measure(selection.selectionSet, fragments, seen);
      inner = { depth: inner.depth + 1, aliases: inner.aliases + (selection.alias ? 1 : 0) };
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      inner = measure(selection.selectionSet, fragments, seen);
    } else {
      const name = selection.name.value;
      if (seen.has(name)) continue;
      inner = measure(fragments.get(name), fragments, new Set([...seen, name]));
    }
    depth = Math.max(depth, inner.depth);
    aliases += inner.aliases;
  }
  return { depth, aliases };
}

/** Rejects operations nested deeper or aliased more than the limits allow, before planning (HTTP 400). */
export function queryLimitsPlugin(limits: QueryLimits = DEFAULT_LIMITS): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation }) {
          if (!operation) return;
          const fragments = new Map<string, SelectionSetNode>();
          document.definitions.forEach((d: DefinitionNode) => {
            if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d.selectionSet);
          });
          const { depth, aliases } = measure(operation.selectionSet, fragments, new Set());
          const problem =
            depth > limits.maxDepth
              ? `query depth ${depth} exceeds the limit of ${limits.maxDepth}`
              : aliases > limits.maxAliases
                ? `query uses ${aliases} aliases, more than the limit of ${limits.maxAliases}`
                : null;
          if (problem) {
            throw new GraphQLError(problem, { extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } } });
          }
        },
      };
    },
  };
}
