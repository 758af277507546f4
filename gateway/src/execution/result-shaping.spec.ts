import {
  buildSchema,
  isCompositeType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  operationFromDocument,
  possibleRuntimeTypes,
  type CompositeType,
  type Operation,
  type SelectionSet,
  type Type,
} from '@apollo/federation-internals';
import { Rng } from '@ntm/kit';
import { parse } from 'graphql';
import { computeResponse } from './result-shaping';
import { SHAPING_MATCHES_GATEWAY_VERSION } from './install';

// Apollo's own, the reference this one must match (an internal module of the pinned version).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const apollo = require('@apollo/gateway/dist/resultShaping') as { computeResponse: typeof computeResponse };

const SDL = `
  scalar DateTime
  enum Status { DRAFT APPROVED }
  interface Unit { id: ID! code: String name: String }
  type Commune implements Unit { id: ID! code: String name: String group: Int values(year: Int): [Value!]! }
  type Province implements Unit { id: ID! code: String name: String communes: [Commune] area: Float }
  type Value { key: String! value: String status: Status! at: DateTime approved: Boolean scores: [[Int!]] }
  type Note { text: String! }
  union Item = Commune | Value | Note
  type Query {
    units(first: Int): [Unit!]!
    unit(id: ID!): Unit
    items: [Item]
    values: [Value!]
    count: Int!
  }
`;

const QUERIES: { query: string; variables?: Record<string, unknown> }[] = [
  { query: '{ count units { id code ... on Commune { group values(year: 2024) { key value status at approved scores } } } }' },
  { query: '{ units { __typename kind: __typename id ... on Province { area communes { id name values { key status } } } } }' },
  {
    query:
      '{ unit(id: "1") { id ...C ...P } } fragment C on Commune { group values { key ...V } } fragment P on Province { communes { ...C } } fragment V on Value { value status }',
  },
  { query: '{ items { __typename ... on Commune { id code } ... on Value { key value } ... on Note { text } ... on Unit { name } } }' },
  {
    query:
      'query Q($withValues: Boolean!, $skipCode: Boolean!) { units { id code @skip(if: $skipCode) ... on Commune { values @include(if: $withValues) { key } group @skip(if: true) } } }',
    variables: { withValues: true, skipCode: false },
  },
  {
    query:
      'query Q($withValues: Boolean!, $skipCode: Boolean!) { units { id code @skip(if: $skipCode) ... on Commune { values @include(if: $withValues) { key } } } }',
    variables: { withValues: false, skipCode: true },
  },
  { query: '{ a: units { id } b: units { code } values { key scores } first: unit(id: "2") { id } }' },
  { query: '{ units { id ... on Commune { values { key } } } units { ... on Commune { values { status at } } } }' },
  { query: '{ __typename count }' },
];

/**
 * Subgraph-like answers for an operation: mostly well-formed, with a share of faults — nulls in
 * non-null places, values of the wrong kind, unknown or missing __typename, missing fields.
 */
function answerFor(operation: Operation, rand: () => number, faultRate: number): Record<string, unknown> {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const junk = () => pick<unknown>([null, 42, 1.5, 'text', true, {}, [], undefined, Number.NaN]);

  const leaf = (type: Type): unknown => {
    if (isEnumType(type)) return pick(type.values.map((v) => v.name));
    switch ((type as { name: string }).name) {
      case 'Int':
        return Math.floor(rand() * 100) - 50;
      case 'Float':
        return rand() * 10;
      case 'Boolean':
        return rand() < 0.5;
      case 'ID':
        return pick(['1', 2, 'u-3']);
      default:
        return `s${Math.floor(rand() * 1000)}`;
    }
  };

  const value = (type: Type, selectionSet: SelectionSet | undefined, depth: number): unknown => {
    if (rand() < faultRate) return junk();
    if (isNonNullType(type)) return value(type.ofType, selectionSet, depth);
    if (rand() < 0.08) return null;
    if (isListType(type)) return Array.from({ length: Math.floor(rand() * 4) }, () => value(type.ofType, selectionSet, depth + 1));
    if (isCompositeType(type)) return object(type, selectionSet!, depth + 1);
    return leaf(type);
  };

  const object = (type: CompositeType, selectionSet: SelectionSet, depth: number): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    const runtime = possibleRuntimeTypes(type);
    const r = rand();
    if (r < faultRate) out.__typename = 'Bogus';
    else if (!isObjectType(type) || r < 0.5) out.__typename = pick(runtime).name;
    if (depth > 6) return out;
    const fill = (set: SelectionSet) => {
      for (const selection of set.selections()) {
        if (selection.kind === 'FieldSelection') {
          const field = selection.element;
          if (field.name === '__typename' || (rand() < faultRate && rand() < 0.5)) continue;
          out[field.responseName()] = value(field.definition.type!, selection.selectionSet, depth);
        } else fill(selection.selectionSet);
      }
    };
    fill(selectionSet);
    return out;
  };

  return object(operation.schema().schemaDefinition.rootType('query')!, operation.selectionSet, 0);
}

type Outcome = { data: string; errors: unknown[] } | { thrown: string };

function outcome(
  shape: typeof computeResponse,
  operation: Operation,
  variables: Record<string, unknown> | undefined,
  input: Record<string, unknown>,
): Outcome {
  try {
    const { data, errors } = shape({
      operation,
      variables,
      input: structuredClone(input),
      introspectionHandling: (f) => ({ introspected: f.element.name }),
    });
    // JSON text keeps key order, so the order of the output's fields is compared too.
    return { data: JSON.stringify(data), errors: errors.map((e) => ({ message: e.message, path: e.path, code: e.extensions.code })) };
  } catch (error) {
    return { thrown: (error as Error).message };
  }
}

describe("result shaping (the gateway's post-processing) answers exactly as @apollo/gateway's", () => {
  const schema = buildSchema(SDL);

  it('is compared against the gateway version it replaces', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(require('@apollo/gateway/package.json').version).toBe(SHAPING_MATCHES_GATEWAY_VERSION);
  });

  it.each(QUERIES.map((q, i) => [i, q] as const))(
    'query %i: the same data and errors on 400 generated answers, faulty ones included',
    (_i, { query, variables }) => {
      const operation = operationFromDocument(schema, parse(query), { validate: true });
      let faults = 0;
      let clean = 0;
      for (let seed = 1; seed <= 400; seed++) {
        // Seeded (kit's mulberry32), so a failure names its seed and replays.
        const rng = new Rng(seed * 7919);
        const rand = () => rng.next();
        const input = answerFor(operation, rand, seed % 4 === 0 ? 0 : 0.04);
        const expected = outcome(apollo.computeResponse, operation, variables, input);
        const actual = outcome(computeResponse, operation, variables, input);
        if (JSON.stringify(actual) !== JSON.stringify(expected)) {
          throw new Error(`seed ${seed}: ${JSON.stringify(actual)} !== ${JSON.stringify(expected)} for input ${JSON.stringify(input)}`);
        }
        if ('thrown' in expected || expected.errors.length > 0) faults++;
        else clean++;
      }
      // The generated answers did exercise both sides: clean answers and faulty ones.
      expect(clean).toBeGreaterThan(50);
      expect(faults).toBeGreaterThan(20);
    },
  );

  it('keeps null bubbling from a non-null field up to the nearest nullable parent', () => {
    const operation = operationFromDocument(schema, parse('{ unit(id: "1") { id ... on Commune { values { key status } } } }'));
    const input = {
      unit: {
        __typename: 'Commune',
        id: '1',
        values: [
          { key: 'a', status: 'DRAFT' },
          { key: null, status: 'APPROVED' },
        ],
      },
    };
    const { data, errors } = computeResponse({ operation, input, introspectionHandling: () => null });
    expect(JSON.parse(JSON.stringify(data))).toEqual({ unit: null });
    expect(errors.map((e) => [e.message, e.path])).toEqual([['Cannot return null for non-nullable field Value.key.', ['unit', 'values', 1, 'key']]]);
  });
});
