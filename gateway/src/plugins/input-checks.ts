import { visit, type DocumentNode } from 'graphql';

/** Caps on the strings and variables of one request. */
export interface InputCaps {
  /** Longest string allowed, in a literal of the query or in a variable (characters). */
  maxStringLength: number;
  /** Largest variables object allowed, measured as the characters of its JSON text (approximately). */
  maxVariablesSize: number;
}

/** A problem with the request's input: the field (variable path or argument) and why. */
export interface InputProblem {
  field: string;
  reason: string;
}

const NUL = '\u0000';

/**
 * NUL characters and over-long strings in the literals of a document. PostgreSQL text cannot hold
 * NUL (it would fail as an internal error deep in a subgraph), so it is refused at the edge.
 */
export function checkDocumentStrings(document: DocumentNode, caps: InputCaps): InputProblem | null {
  let problem: InputProblem | null = null;
  let argument = '(literal)';
  visit(document, {
    Argument: { enter: (node) => void (argument = node.name.value) },
    ObjectField: { enter: (node) => void (argument = node.name.value) },
    StringValue(node) {
      if (problem) return false;
      if (node.value.includes(NUL)) problem = { field: argument, reason: 'contains a NUL character (\\u0000), which no text field accepts' };
      else if (node.value.length > caps.maxStringLength) {
        problem = { field: argument, reason: `string of ${node.value.length} characters is longer than the limit of ${caps.maxStringLength}` };
      }
      return undefined;
    },
  });
  return problem;
}

/**
 * NUL characters, over-long strings and an over-large total in the variables. Iterative (an
 * explicit stack), so deeply nested JSON cannot overflow the call stack; stops at the first problem.
 */
export function checkVariables(variables: Record<string, unknown> | undefined, caps: InputCaps): InputProblem | null {
  if (!variables) return null;
  let size = 0;
  const stack: [path: string, value: unknown][] = Object.entries(variables).map(([k, v]) => [`$${k}`, v]);
  while (stack.length > 0) {
    const [path, value] = stack.pop()!;
    if (typeof value === 'string') {
      size += value.length + 2;
      if (value.includes(NUL)) return { field: path, reason: 'contains a NUL character (\\u0000), which no text field accepts' };
      if (value.length > caps.maxStringLength)
        return { field: path, reason: `string of ${value.length} characters is longer than the limit of ${caps.maxStringLength}` };
    } else if (Array.isArray(value)) {
      size += 2 + value.length;
      value.forEach((v, i) => stack.push([`${path}[${i}]`, v]));
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value);
      size += 2 + entries.length;
      for (const [k, v] of entries) {
        size += k.length + 3;
        if (k.includes(NUL)) return { field: path, reason: 'a key contains a NUL character (\\u0000)' };
        stack.push([`${path}.${k}`, v]);
      }
    } else {
      size += 8;
    }
    if (size > caps.maxVariablesSize)
      return { field: 'variables', reason: `variables are larger than the limit of ${caps.maxVariablesSize} characters` };
  }
  return null;
}
