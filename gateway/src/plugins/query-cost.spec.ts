import { parse, type OperationDefinitionNode } from 'graphql';
import { operationCost } from './query-cost';

function cost(query: string, variables?: Record<string, unknown>): number {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode;
  return operationCost(document, operation, variables);
}

describe('operation cost', () => {
  it('counts one per field', () => {
    expect(cost('{ a { b c } }')).toBe(3);
  });

  it('multiplies what is under a list argument, literal or variable', () => {
    expect(cost('{ a(first: 10) { b c } }')).toBe(1 + 10 * 2);
    expect(cost('query Q($n: Int) { a(first: $n) { b(first: $n) { c } } }', { n: 100 })).toBe(1 + 100 * (1 + 100 * 1));
    expect(cost('query Q($n: Int) { a(first: $n) { b } }', {})).toBe(2);
  });

  it('counts fragments where they are spread, and a fragment spread twice twice', () => {
    expect(cost('{ a { ...F ...F } } fragment F on T { b c }')).toBe(1 + 4);
    expect(cost('{ x(first: 5) { ... on T { y } } }')).toBe(1 + 5);
  });

  it('measures a doubling fragment chain quickly, and its cost doubles per level', () => {
    const levels = 60;
    let query = '{ ...F0 } fragment F0 on Query { a }';
    for (let i = 1; i <= levels; i++) query += ` fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`;
    query = query.replace('{ ...F0 }', `{ ...F${levels} }`);
    const started = performance.now();
    const c = cost(query);
    expect(performance.now() - started).toBeLessThan(50);
    expect(c).toBeGreaterThanOrEqual(2 ** 52);
  });
});
