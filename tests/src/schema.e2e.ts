import { composeSupergraph, schemaDir } from '@ntm/infra';
import { readFileSync } from 'node:fs';
import path from 'node:path';

describe('committed supergraph', () => {
  it('is what `npm run compose` produces from the subgraphs today (run it if this fails)', async () => {
    const { supergraphSdl, subgraphs } = await composeSupergraph();
    expect(readFileSync(path.join(schemaDir(), 'supergraph.graphql'), 'utf8')).toBe(supergraphSdl);
    for (const s of subgraphs) {
      expect(readFileSync(path.join(schemaDir(), `${s.name}.graphql`), 'utf8')).toBe(s.sdl + '\n');
    }
  });
});
