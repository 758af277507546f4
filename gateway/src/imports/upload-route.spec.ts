import { readFileSync } from 'node:fs';
import path from 'node:path';
import { declaredSubgraphUrl } from '../supergraph';
import { importsUrlOf } from './upload-route';

describe('import upload routing', () => {
  it('derives the criteria upload URL from its GraphQL URL', () => {
    expect(importsUrlOf('http://127.0.0.1:4002/graphql')).toBe('http://127.0.0.1:4002/imports');
    expect(importsUrlOf('https://criteria.internal/api/graphql?x=1')).toBe('https://criteria.internal/api/imports');
  });

  it('reads a subgraph URL from the committed supergraph', () => {
    const sdl = readFileSync(path.resolve(__dirname, '..', '..', '..', 'schema', 'supergraph.graphql'), 'utf8');
    expect(declaredSubgraphUrl(sdl, 'criteria')).toMatch(/^http:\/\/.+\/graphql$/);
    expect(declaredSubgraphUrl(sdl, 'no-such-subgraph')).toBeUndefined();
  });
});
