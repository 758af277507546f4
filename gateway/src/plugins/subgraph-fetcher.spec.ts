import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { subgraphFetcher } from './subgraph-fetcher';

/** A local server: /fast echoes the request; /slow-headers and /slow-body stall before the headers or midway through the body. */
let server: Server;
let base = '';
const timers = new Set<NodeJS.Timeout>();
let connections = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const later = (ms: number, fn: () => void) => timers.add(setTimeout(fn, ms));
      if (req.url === '/fast') {
        res.writeHead(200, { 'content-type': 'application/json', 'x-echo': req.headers['x-ntm-identity'] ?? '' });
        res.end(JSON.stringify({ method: req.method, body, contentLength: req.headers['content-length'] }));
      } else if (req.url === '/slow-headers') {
        later(500, () => res.end('{}'));
      } else if (req.url === '/slow-body') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"a":');
        later(500, () => res.end('1}'));
      } else {
        res.writeHead(503, 'Service Unavailable', { 'content-type': 'text/plain' });
        res.end('down');
      }
    });
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const t of timers) clearTimeout(t);
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('subgraph fetcher', () => {
  const fetcher = subgraphFetcher({ timeoutMs: 100 });

  it('posts the body with its headers and returns status, headers and JSON', async () => {
    const body = JSON.stringify({ query: '{ ok }', note: 'Hà Nội' });
    const response = await fetcher(`${base}/fast`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-ntm-identity': 'abc' },
      body,
    });
    expect(response.ok).toBe(true);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(response.headers.get('x-echo')).toBe('abc');
    expect(await response.json()).toEqual({ method: 'POST', body, contentLength: String(Buffer.byteLength(body)) });
  });

  it('reuses one connection for consecutive fetches (keep-alive)', async () => {
    const before = connections;
    for (let i = 0; i < 3; i++) await (await fetcher(`${base}/fast`, { method: 'POST', body: '{}' })).text();
    expect(connections - before).toBeLessThanOrEqual(1);
  });

  it('answers a failed status as a response, not an exception', async () => {
    const response = await fetcher(`${base}/down`, { method: 'POST', body: '{}' });
    expect(response.ok).toBe(false);
    expect(response.status).toBe(503);
    expect(response.statusText).toBe('Service Unavailable');
    expect(await response.text()).toBe('down');
  });

  it('fails a fetch whose response does not come in time', async () => {
    await expect(fetcher(`${base}/slow-headers`, { method: 'POST', body: '{}' })).rejects.toThrow('subgraph fetch exceeded 100 ms');
  });

  it('fails a fetch whose body does not come in time', async () => {
    await expect(fetcher(`${base}/slow-body`, { method: 'POST', body: '{}' })).rejects.toThrow('subgraph fetch exceeded 100 ms');
  });

  it('fails when nothing listens', async () => {
    await expect(fetcher('http://127.0.0.1:1/graphql', { method: 'POST', body: '{}' })).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe('subgraph fetcher URLs', () => {
  it('refuses a URL that is not http(s), naming it', async () => {
    await expect(subgraphFetcher({ timeoutMs: 100 })('ftp://127.0.0.1/graphql')).rejects.toThrow(
      'subgraph URL must be http(s), got ftp://127.0.0.1/graphql',
    );
  });
});
