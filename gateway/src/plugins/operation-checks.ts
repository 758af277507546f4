import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind } from 'graphql';

const badRequest = (message: string, code: string) => new GraphQLError(message, { extensions: { code, http: { status: 400 } } });

/**
 * Client mistakes the query planner would otherwise meet as internal errors (HTTP 500): an
 * operationName that names no operation, several operations without one, and subscriptions,
 * which this graph does not serve. Each is answered with HTTP 400 and a plain message.
 */
export const operationChecksPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, document, request }) {
        if (!operation) {
          const names = document.definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? [d.name?.value ?? '(anonymous)'] : []));
          throw badRequest(
            request.operationName
              ? `operationName: the document has no operation named "${request.operationName}" (it has ${names.join(', ')})`
              : `operationName: the document has ${names.length} operations (${names.join(', ')}); say which one to run`,
            'OPERATION_RESOLUTION_FAILURE',
          );
        }
        if (operation.operation === 'subscription') throw badRequest('subscriptions are not served by this graph; use a query', 'BAD_REQUEST');
      },
    };
  },
};
