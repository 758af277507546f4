import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, visit, type DocumentNode } from 'graphql';

const NUL = '\u0000';

function nulInVariables(value: unknown, path: string): string | null {
  const stack: [string, unknown][] = [[path, value]];
  while (stack.length > 0) {
    const [at, v] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes(NUL)) return at;
    } else if (Array.isArray(v)) v.forEach((item, i) => stack.push([`${at}[${i}]`, item]));
    else if (v && typeof v === 'object') for (const [k, item] of Object.entries(v)) stack.push([`${at}.${k}`, item]);
  }
  return null;
}

function nulInDocument(document: DocumentNode): string | null {
  let found: string | null = null;
  let argument = '(literal)';
  visit(document, {
    Argument: { enter: (node) => void (argument = node.name.value) },
    ObjectField: { enter: (node) => void (argument = node.name.value) },
    StringValue(node) {
      if (!found && node.value.includes(NUL)) found = argument;
    },
  });
  return found;
}

/**
 * PostgreSQL text cannot hold a NUL character: written or compared, it fails as an internal error.
 * The gateway refuses NUL already; this is the subgraph's own check (defence in depth, and for
 * clients that call a subgraph directly): HTTP 400, BAD_USER_INPUT, naming the argument or variable.
 */
export const noNulPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, request }) {
        const field = nulInDocument(document) ?? (request.variables ? nulInVariables(request.variables, '$') : null);
        if (field) {
          throw new GraphQLError(`${field}: contains a NUL character (\\u0000), which no text field accepts`, {
            extensions: { code: 'BAD_USER_INPUT', field, http: { status: 400 } },
          });
        }
      },
    };
  },
};
