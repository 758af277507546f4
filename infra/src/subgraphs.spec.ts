import { inStartOrder, SUBGRAPHS } from './subgraphs';

const entry = (name: string, pullsFrom?: string[]) => ({ module: { name, pullsFrom } });

describe('subgraph registry', () => {
  it('starts a subgraph after those it pulls from, whatever the listed order', () => {
    const order = inStartOrder([entry('pilot-models', ['criteria', 'admin-units']), entry('criteria', ['admin-units']), entry('admin-units')]);
    expect(order.map((e) => e.module.name)).toEqual(['admin-units', 'criteria', 'pilot-models']);
  });

  it('names a cycle and an unregistered peer', () => {
    expect(() => inStartOrder([entry('a', ['b']), entry('b', ['a'])])).toThrow('a → b → a');
    expect(() => inStartOrder([entry('a', ['ghost'])])).toThrow('subgraph a pulls from "ghost", which is not registered');
  });

  it('finds the graph in infra/package.json with ports and variables derived from each name', () => {
    const admin = SUBGRAPHS.find((s) => s.module.name === 'admin-units');
    expect(admin).toMatchObject({ packageName: '@ntm/admin-units', portVariable: 'ADMIN_UNITS_PORT', urlVariable: 'ADMIN_UNITS_URL', port: 4001 });
    const names = SUBGRAPHS.map((s) => s.module.name);
    expect(names.indexOf('admin-units')).toBeLessThan(names.indexOf('criteria'));
  });
});
