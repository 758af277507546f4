import { readFileSync } from 'node:fs';
import path from 'node:path';
import { subgraphUrlOverrides } from './env';
import { subgraphNamesOf } from './gateway';

const supergraph = readFileSync(path.resolve(__dirname, '..', '..', 'schema', 'supergraph.graphql'), 'utf8');

describe('subgraph URL overrides', () => {
  it('reads the subgraph names from the committed supergraph', () => {
    const names = subgraphNamesOf(supergraph);
    expect(names.length).toBeGreaterThanOrEqual(2);
    expect(names).toEqual(expect.arrayContaining(['admin-units', 'criteria']));
  });

  it('takes <NAME>_URL for any subgraph name and ignores empty values', () => {
    const env = { UNIT_LISTS_URL: 'http://10.0.0.5:9000/graphql', OTHER_URL: '', UNRELATED: 'x' };
    expect(subgraphUrlOverrides(['unit-lists', 'other', 'absent'], env)).toEqual({ 'unit-lists': 'http://10.0.0.5:9000/graphql' });
  });
});
