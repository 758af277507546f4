import { Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode, type ValueNode } from 'graphql';

/**
 * Estimated cost of an operation, where a list argument multiplies the cost of what is under it:
 * `adminUnits(first: 500) { edges { node { children(first: 500) { … } } } }` costs 500 × 500 ×
 * (the cost of a child). Every field costs 1; a field with `first`/`last` (literal or variable)
 * multiplies the cost of its sub-selection by that number.
 *
 * Why our own rule and not GraphQL Armor's cost limit: Armor's multiplies only by a literal
 * `first` (a variable `first: $n` counts as 1, so the same attack passes with a variable), and it
 * adds a per-depth factor that makes a ceiling hard to relate to rows. This estimate needs the
 * request's variables, so it runs per request after validation (Apollo caches validation per
 * document, without variables).
 *
 * Each fragment is costed ONCE and memoised: a document whose fragments each spread the previous
 * one twice is measured in time linear in its size, while its cost (rightly) doubles per level.
 */
export function operationCost(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const memo = new Map<string, number>();
  const inProgress = new Set<string>();

  const multiplier = (value: ValueNode): number => {
    let raw: unknown;
    if (value.kind === Kind.INT) raw = Number(value.value);
    else if (value.kind === Kind.VARIABLE) raw = variables?.[value.name.value];
    return typeof raw === 'number' && Number.isFinite(raw) && raw > 1 ? raw : 1;
  };

  const costOf = (selectionSet: SelectionSetNode | undefined): number => {
    if (!selectionSet) return 0;
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        let factor = 1;
        for (const arg of selection.arguments ?? []) {
          if (arg.name.value === 'first' || arg.name.value === 'last') factor = Math.max(factor, multiplier(arg.value));
        }
        total += 1 + factor * costOf(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        total += costOf(selection.selectionSet);
      } else {
        const name = selection.name.value;
        let cost = memo.get(name);
        if (cost === undefined) {
          // A cycle is a validation error already; guard anyway so this can never recurse forever.
          if (inProgress.has(name)) continue;
          inProgress.add(name);
          cost = costOf(fragments.get(name)?.selectionSet);
          inProgress.delete(name);
          memo.set(name, cost);
        }
        total += cost;
      }
      // Past this the answer is "too costly" whatever the rest adds; stop early (and never reach Infinity).
      if (total > Number.MAX_SAFE_INTEGER) return Number.MAX_SAFE_INTEGER;
    }
    return total;
  };
  return costOf(operation.selectionSet);
}
