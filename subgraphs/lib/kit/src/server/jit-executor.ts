import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import {
  execute,
  getNamedType,
  isAbstractType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/** Apollo Server's gateway interface (the one way Apollo Server 5 accepts a custom executor). */
type GatewayInterface = ApolloServerOptionsWithGateway<BaseContext>['gateway'];

/** The part of Apollo's per-request context the executor reads. */
export interface ExecutorRequest {
  source: string;
  document: DocumentNode;
  operationName: string | null;
  context: unknown;
  request: { variables?: Record<string, unknown> };
}

export interface JitExecutorOptions {
  /** Most compiled documents kept (least recently used dropped first). */
  maxCachedDocuments?: number;
}

/**
 * Executes documents with graphql-jit (each document compiled once into JavaScript, kept in an
 * LRU by its text and operation name) instead of graphql-js's per-field interpreter: a province
 * pull resolves ~100,000 fields in one `_entities` request. Falls back to graphql-js `execute`
 * when a document cannot be compiled, and when graphql-jit rejects the variables (it then runs
 * nothing), so that variable errors keep graphql-js's wording, which Apollo recognises as
 * BAD_USER_INPUT.
 *
 * graphql-jit calls `resolveType` synchronously: an abstract type whose resolveType is async (every
 * type-graphql `@InterfaceType`/`createUnionType` with a resolveType) cannot be resolved by it, so a
 * document selecting a field of such a type runs with graphql-js.
 */
export function createJitExecutor(schema: GraphQLSchema, options: JitExecutorOptions = {}) {
  const max = options.maxCachedDocuments ?? 500;
  // null: graphql-jit could not compile the document; graphql-js runs it.
  const cache = new Map<string, CompiledQuery | null>();
  const asyncAbstract = asyncAbstractTypes(schema);

  const compiled = (request: ExecutorRequest): CompiledQuery | null => {
    const key = `${request.operationName ?? ''}\u0000${request.source}`;
    if (cache.has(key)) {
      const hit = cache.get(key)!;
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    let result: CompiledQuery | null;
    try {
      if (selectsAny(schema, request.document, asyncAbstract)) throw new Error('async resolveType');
      const attempt = compileQuery(schema, request.document, request.operationName ?? undefined);
      result = isCompiledQuery(attempt) ? attempt : null;
    } catch {
      result = null;
    }
    cache.set(key, result);
    if (cache.size > max) cache.delete(cache.keys().next().value!);
    return result;
  };

  const withGraphqlJs = (request: ExecutorRequest) =>
    execute({
      schema,
      document: request.document,
      contextValue: request.context,
      variableValues: request.request.variables,
      operationName: request.operationName,
    });

  return async (request: ExecutorRequest): Promise<ExecutionResult> => {
    const query = compiled(request);
    if (!query) return withGraphqlJs(request);
    const result = await query.query(undefined, request.context, request.request.variables ?? {});
    // No data at all: the variables were refused before any resolver ran.
    if (result.errors?.length && result.data === undefined) return withGraphqlJs(request);
    return result;
  };
}

/** Names of the abstract types whose resolveType is an async function. */
export function asyncAbstractTypes(schema: GraphQLSchema): Set<string> {
  const names = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (isAbstractType(type) && type.resolveType?.constructor.name === 'AsyncFunction') names.add(type.name);
  }
  return names;
}

/** Whether a document selects a field whose (unwrapped) type is one of `names`. */
function selectsAny(schema: GraphQLSchema, document: DocumentNode, names: Set<string>): boolean {
  if (names.size === 0) return false;
  const typeInfo = new TypeInfo(schema);
  let found = false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const type = typeInfo.getType();
        if (type && names.has(getNamedType(type).name)) found = true;
      },
    }),
  );
  return found;
}

/** A static "gateway" handing Apollo Server the schema and the jit executor. */
export function jitGateway(schema: GraphQLSchema, options?: JitExecutorOptions): GatewayInterface {
  const executor = createJitExecutor(schema, options);
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    async load() {
      return { executor: executor as unknown as Awaited<ReturnType<GatewayInterface['load']>>['executor'] };
    },
    async stop() {},
  };
}
