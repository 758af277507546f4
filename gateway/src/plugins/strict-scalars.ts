import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLScalarType, type GraphQLSchema } from 'graphql';
import { DateScalar } from '@ntm/kit';

/**
 * The gateway only sees custom scalars as names in the supergraph, so it would pass
 * `asOf: "yesterday"` on to a subgraph and answer 200 with a late error. This plugin gives the
 * gateway's own schema the real parsers of the graph's scalars, so a bad literal or variable
 * fails validation at the edge: HTTP 400, one clear message, before any subgraph is called.
 */
const STRICT: GraphQLScalarType[] = [DateScalar];

function tighten(schema: GraphQLSchema): void {
  for (const strict of STRICT) {
    const type = schema.getType(strict.name);
    if (type instanceof GraphQLScalarType) {
      type.parseLiteral = strict.parseLiteral;
      type.parseValue = strict.parseValue;
    }
  }
}

export const strictScalarsPlugin: ApolloServerPlugin = {
  async serverWillStart() {
    return {
      schemaDidLoadOrUpdate({ apiSchema }) {
        tighten(apiSchema);
      },
    };
  },
};
