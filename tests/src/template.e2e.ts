import { composeSupergraph, SUBGRAPHS } from '@ntm/infra';
import { runSubgraph, signInternalIdentity, type RunningSubgraph } from '@ntm/kit';
import { internalSecret } from './testkit/graph';
import { subgraph as template } from '@ntm/subgraph-template';

/**
 * The folder new subgraphs are copied from works as one: it composes with the graph's subgraphs,
 * migrates and seeds its own schema, and answers fields it adds to AdminUnit.
 */
describe('subgraph template', () => {
  let running: RunningSubgraph | undefined;
  afterAll(async () => running?.stop());

  it('composes with the registered subgraphs', async () => {
    const { subgraphs } = await composeSupergraph([...SUBGRAPHS.map((s) => s.module), template]);
    expect(subgraphs.map((s) => s.name)).toContain('template');
  });

  it('migrates, seeds and answers the fields it adds to AdminUnit', async () => {
    running = await runSubgraph(template, { databaseUrl: process.env.NTM_TEST_DATABASE_URL!, port: 0, internalAuthSecret: internalSecret() });
    const res = await fetch(running.server.url, {
      method: 'POST',
      // Subgraphs answer only requests carrying an identity signed with the gateway's secret.
      headers: { 'content-type': 'application/json', 'x-ntm-identity': await signInternalIdentity(internalSecret(), null) },
      body: JSON.stringify({
        query: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on AdminUnit { id examples { title unit { id } } } } }`,
        variables: { r: [{ __typename: 'AdminUnit', id: '40@2025-07-01' }] },
      }),
    });
    const body = (await res.json()) as { data: { _entities: { id: string; examples: { title: string; unit: { id: string } }[] }[] } };
    expect(body.data._entities).toEqual([
      { id: '40@2025-07-01', examples: [{ title: 'Example in Tỉnh Nghệ An (generated)', unit: { id: '40@2025-07-01' } }] },
    ]);
  });

  it('describes each of its tables once: after its migrations the database is what its entities say', async () => {
    const diff = await running!.orm.schema.getUpdateSchemaSQL({ wrap: false, schema: template.schema });
    expect(diff.trim()).toBe('');
  });
});
