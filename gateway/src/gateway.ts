import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { createLogger, IDENTITY_HEADER, maskErrors, serveGraphQL, type Logger, type RunningHttpServer, type User } from '@ntm/kit';
import { Kind, parse, type EnumTypeDefinitionNode } from 'graphql';
import { readFileSync } from 'node:fs';
import { operationChecksPlugin } from './plugins/operation-checks';
import { queryLimitsPlugin } from './plugins/query-limits';
import { strictScalarsPlugin } from './plugins/strict-scalars';
import { registerExportProxy, subgraphUrlOf } from './exports/proxy';
import { createAuthenticator, type GatewayAuthSettings } from './auth';

export interface GatewayOptions {
  /** The composed supergraph SDL (schema/supergraph.graphql). */
  supergraphSdl: string;
  /** Subgraph name → URL, overriding the URLs written in the supergraph. */
  subgraphUrls?: Record<string, string>;
  port: number;
  host?: string;
  /** Browser origin allowed by CORS; default "*" (a public, read-mostly graph). */
  corsOrigin?: string;
  logger?: Logger;
  /** Sign-in: token verification and the secret the forwarded identity is signed with. */
  auth: GatewayAuthSettings;
}

// @apollo/gateway reports usage to Apollo's cloud and probes cloud metadata addresses
// (169.254.169.254) unless told not to. A national data platform sends nothing anywhere by default.
process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';

interface GatewayContext {
  requestId: string;
  /** The verified user; null for an anonymous reader. */
  user: User | null;
  /** The identity forwarded to every subgraph (x-ntm-identity), signed with the internal secret. */
  identity: string;
}

/**
 * The one endpoint clients use: Apollo Gateway over the committed supergraph, with error
 * masking, strict scalars and query limits, forwarding a request id to every subgraph.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningHttpServer> {
  const logger = options.logger ?? createLogger({ service: 'gateway' });
  const auth = createAuthenticator(options.auth);
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource<GatewayContext>({
        url: options.subgraphUrls?.[name] ?? url,
        willSendRequest({ request, context }) {
          if (context.requestId) request.http?.headers.set('x-request-id', context.requestId);
          if (context.identity) request.http?.headers.set(IDENTITY_HEADER, context.identity);
        },
      }),
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: maskErrors(logger),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    plugins: [strictScalarsPlugin, operationChecksPlugin, queryLimitsPlugin()],
  });
  // serveGraphQL starts Apollo (after adding Fastify's drain plugin) and passes the request id.
  const running = await serveGraphQL({
    apollo,
    port: options.port,
    host: options.host,
    corsOrigin: options.corsOrigin ?? '*',
    logger,
    configure: (app) => {
      // The embedded issuer's public keys, for clients and for anyone checking a token.
      if (auth.publicJwks) app.get('/.well-known/jwks.json', async () => auth.publicJwks);
      // Bulk pulls and open data: GET /exports/* streamed from the subgraph that owns the data, with the verified identity.
      const criteriaUrl = options.subgraphUrls?.criteria ?? subgraphUrlOf(options.supergraphSdl, 'criteria');
      if (criteriaUrl) {
        registerExportProxy(app, {
          subgraphGraphqlUrl: criteriaUrl,
          identityHeaders: async (request) => ({ [IDENTITY_HEADER]: await auth.forward(await auth.authenticate(request.headers.authorization)) }),
        });
      }
    },
    context: async ({ req, requestId }) => {
      const user = await auth.authenticate(req.headers.authorization);
      return { requestId, user, identity: await auth.forward(user) };
    },
  });
  logger.info('gateway listening', { url: running.url });
  return running;
}

export function readSupergraph(path: string): string {
  return readFileSync(path, 'utf8');
}

/** The subgraph names a composed supergraph declares (its `join__Graph` enum). */
export function subgraphNamesOf(supergraphSdl: string): string[] {
  const joinGraph = parse(supergraphSdl).definitions.find(
    (d): d is EnumTypeDefinitionNode => d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === 'join__Graph',
  );
  return (joinGraph?.values ?? []).flatMap((value) => {
    const graph = value.directives?.find((d) => d.name.value === 'join__graph');
    const name = graph?.arguments?.find((a) => a.name.value === 'name')?.value;
    return name?.kind === Kind.STRING ? [name.value] : [];
  });
}
