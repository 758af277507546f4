import { composeSupergraph, schemaDir, SUBGRAPHS } from '@ntm/infra';
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

describe('each table is described once', () => {
  it.each(SUBGRAPHS.map((s) => s.module.name))('%s: after all migrations the database is exactly what its entities describe', async (name) => {
    const res = await fetch(`${process.env.NTM_TEST_CONTROL_URL}/schema-diff?subgraph=${name}`);
    const body = (await res.json()) as { sql?: string; error?: string };
    expect(body.error).toBeUndefined();
    expect(body.sql?.trim()).toBe('');
  });
});
