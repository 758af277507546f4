import { parse, type OperationDefinitionNode } from 'graphql';
import { queryLimitsPlugin } from './query-limits';

async function check(query: string, limits = { maxDepth: 3, maxAliases: 2 }): Promise<string | null> {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode;
  const hooks = await queryLimitsPlugin(limits).requestDidStart!({} as never);
  try {
    await (hooks as { didResolveOperation: (ctx: unknown) => Promise<void> }).didResolveOperation({ document, operation });
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('query limits', () => {
  it('lets reasonable queries through', async () => {
    expect(await check('{ a { b { c } } }')).toBeNull();
  });

  it('rejects depth beyond the limit, fragments included', async () => {
    expect(await check('{ a { b { c { d } } } }')).toMatch(/depth 4 exceeds the limit of 3/);
    expect(await check('{ a { ...F } } fragment F on T { b { c { d } } }')).toMatch(/depth 4/);
  });

  it('rejects alias amplification', async () => {
    expect(await check('{ x: a y: a z: a }')).toMatch(/3 aliases/);
  });
});
