import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLError, parse } from 'graphql';
import gql from 'graphql-tag';
import { createJitExecutor, type ExecutorRequest } from './jit-executor';

const typeDefs = gql`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Unit @key(fields: "id") {
    id: ID!
    values(year: Int!): [Value!]!
  }
  type Value {
    key: String!
    value: Float
  }
  type Query {
    unit(id: ID!): Unit
    broken: String
    refused: String
    owner: Owner
  }
  interface Owner {
    name: String!
  }
  type Cooperative implements Owner {
    name: String!
    members: Int!
  }
`;

const resolved: string[] = [];
const schema = buildSubgraphSchema({
  typeDefs,
  resolvers: {
    Query: {
      owner: () => ({ typeName: 'Cooperative', name: 'HTX Quỳnh Lưu', members: 12 }),
      unit: (_: unknown, { id }: { id: string }) => ({ id }),
      broken: () => {
        throw new Error('select * from secret');
      },
      refused: () => {
        throw new GraphQLError('filter.within: no unit', { extensions: { code: 'BAD_USER_INPUT', field: 'filter.within' } });
      },
    },
    Owner: {
      // As type-graphql generates it for an @InterfaceType with a resolveType: async.
      __resolveType: async (value: { typeName: string }) => value.typeName,
    },
    Unit: {
      __resolveReference: (ref: { id: string }, ctx: { tag: string }) => ({ id: `${ref.id}${ctx.tag}` }),
      values: (unit: { id: string }, { year }: { year: number }) => {
        resolved.push(unit.id);
        return [{ key: `${unit.id}/${year}`, value: 1.5 }];
      },
    },
  },
});

const request = (source: string, variables?: Record<string, unknown>, context: unknown = { tag: '' }): ExecutorRequest => ({
  source,
  document: parse(source),
  operationName: null,
  context,
  request: { variables },
});

describe('createJitExecutor', () => {
  const run = createJitExecutor(schema, { maxCachedDocuments: 2 });

  it('answers federation _entities (union _Entity, scalar _Any) with the request context', async () => {
    const result = await run(
      request(
        `query ($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Unit { id values(year: 2024) { key value } } } }`,
        {
          r: [
            { __typename: 'Unit', id: '1' },
            { __typename: 'Unit', id: '2' },
          ],
        },
        { tag: '!' },
      ),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      _entities: [
        { __typename: 'Unit', id: '1!', values: [{ key: '1!/2024', value: 1.5 }] },
        { __typename: 'Unit', id: '2!', values: [{ key: '2!/2024', value: 1.5 }] },
      ],
    });
  });

  it('reuses the compiled document for the same text with other variables', async () => {
    const source = 'query ($id: ID!) { unit(id: $id) { values(year: 1) { key } } }';
    expect((await run(request(source, { id: 'a' }))).data).toEqual({ unit: { values: [{ key: 'a/1' }] } });
    expect((await run(request(source, { id: 'b' }))).data).toEqual({ unit: { values: [{ key: 'b/1' }] } });
  });

  it("answers bad variables with graphql-js's error (Apollo turns it into BAD_USER_INPUT), running no resolver", async () => {
    resolved.length = 0;
    const result = await run(request('query ($id: ID!) { unit(id: $id) { values(year: 1) { key } } }', {}));
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]).toBeInstanceOf(GraphQLError);
    expect(result.errors?.[0].message).toMatch(/^Variable "\$id" of required type "ID!" was not provided/);
    expect(result.errors?.[0].nodes?.[0].kind).toBe('VariableDefinition');
    expect(resolved).toEqual([]);
  });

  it('runs a document selecting an abstract type with an async resolveType (graphql-jit cannot) with graphql-js', async () => {
    const result = await run(request('{ owner { __typename name ... on Cooperative { members } } }'));
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ owner: { __typename: 'Cooperative', name: 'HTX Quỳnh Lưu', members: 12 } });
  });

  it('keeps the original error (for masking) and the extensions of client errors', async () => {
    const result = await run(request('{ broken refused }'));
    expect(result.data).toEqual({ broken: null, refused: null });
    const [broken, refused] = result.errors!;
    expect(broken.path).toEqual(['broken']);
    expect(broken.originalError?.message).toBe('select * from secret');
    expect(refused.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.within' });
  });
});
