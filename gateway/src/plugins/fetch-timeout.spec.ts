import { withTimeout } from './fetch-timeout';

type Fetcher = Parameters<typeof withTimeout>[0];

/** A fake fetcher whose response arrives after `headersMs` and whose body after `bodyMs` more; both honour the abort signal. */
function fakeFetcher(headersMs: number, bodyMs: number): Fetcher {
  const wait = (ms: number, signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      const t = setTimeout(resolve, ms);
      signal.addEventListener('abort', () => {
        clearTimeout(t);
        reject(signal.reason);
      });
    });
  return (async (_url: string, init?: { signal?: AbortSignal }) => {
    const signal = init!.signal!;
    await wait(headersMs, signal);
    return { text: async () => (await wait(bodyMs, signal), '{}'), json: async () => (await wait(bodyMs, signal), {}) };
  }) as unknown as Fetcher;
}

describe('subgraph fetch timeout', () => {
  it('lets a fetch that finishes in time through', async () => {
    const response = await withTimeout(fakeFetcher(5, 5), 200)('http://x', {});
    expect(await response.json()).toEqual({});
  });

  it('aborts a fetch whose response does not come in time', async () => {
    await expect(withTimeout(fakeFetcher(500, 0), 30)('http://x', {})).rejects.toThrow(/exceeded 30 ms/);
  });

  it('aborts a fetch whose body does not come in time', async () => {
    const response = await withTimeout(fakeFetcher(0, 500), 30)('http://x', {});
    await expect(response.text()).rejects.toThrow(/exceeded 30 ms/);
  });
});
