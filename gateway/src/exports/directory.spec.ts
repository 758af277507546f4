import { ExportDirectory, type IndexFetcher } from './directory';

describe('export directory', () => {
  const urls = { criteria: 'http://c/graphql', ocop: 'http://o/graphql', 'admin-units': 'http://a/graphql' };

  it('routes each export to the subgraph that lists it, and merges the lists', async () => {
    const fetchIndex: IndexFetcher = async (url) =>
      url === 'http://c/graphql'
        ? { licence: { name: 'L' }, exports: [{ name: 'indicator-values' }, { name: 'dictionary' }] }
        : url === 'http://o/graphql'
          ? { exports: [{ name: 'ocop-ratings', columns: { op: 'x' } }] }
          : null;
    const directory = new ExportDirectory(urls, fetchIndex);
    expect(await directory.resolve('ocop-ratings')).toEqual({ subgraph: 'ocop', url: 'http://o/graphql' });
    expect(await directory.resolve('indicator-values')).toEqual({ subgraph: 'criteria', url: 'http://c/graphql' });
    expect(await directory.resolve('nothing')).toBeNull();
    const index = await directory.index();
    expect(index.licence).toEqual({ name: 'L' });
    expect(index.exports.map((e) => [e.name, e.subgraph, e.path])).toEqual([
      ['dictionary', 'criteria', '/exports/dictionary'],
      ['indicator-values', 'criteria', '/exports/indicator-values'],
      ['ocop-ratings', 'ocop', '/exports/ocop-ratings'],
    ]);
    expect(index.exports.find((e) => e.name === 'ocop-ratings')).toMatchObject({ columns: { op: 'x' } });
  });

  it('reads again after a miss (not more than every few seconds) and keeps the routes of a subgraph that is down', async () => {
    let clock = 0;
    let ocopUp = false;
    let reads = 0;
    const fetchIndex: IndexFetcher = async (url) => {
      reads++;
      if (url === 'http://o/graphql') {
        if (!ocopUp) throw new Error('down');
        return { exports: [{ name: 'ocop-ratings' }] };
      }
      return url === 'http://c/graphql' ? { exports: [{ name: 'indicator-values' }] } : null;
    };
    const directory = new ExportDirectory(urls, fetchIndex, 60_000, 5_000, () => clock);
    expect(await directory.resolve('ocop-ratings')).toBeNull();
    expect((await directory.index()).unavailable).toEqual(['ocop']);
    const afterFirst = reads;
    ocopUp = true;
    clock = 1_000;
    expect(await directory.resolve('ocop-ratings')).toBeNull(); // too soon to read again
    expect(reads).toBe(afterFirst);
    clock = 6_000;
    expect(await directory.resolve('ocop-ratings')).toEqual({ subgraph: 'ocop', url: 'http://o/graphql' });
    ocopUp = false;
    clock = 70_000;
    expect(await directory.resolve('ocop-ratings')).toEqual({ subgraph: 'ocop', url: 'http://o/graphql' });
  });
});
