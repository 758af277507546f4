import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherResponse = Awaited<ReturnType<Fetcher>>;
type FetcherHeaders = FetcherResponse['headers'];

/** Response headers, read-mostly: names lower-cased as Node gives them. */
class ResponseHeaders implements FetcherHeaders {
  private readonly map = new Map<string, string>();
  constructor(raw: IncomingHttpHeaders) {
    for (const name in raw) {
      const value = raw[name];
      if (value !== undefined) this.map.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
  }
  append(name: string, value: string): void {
    const key = name.toLowerCase();
    const current = this.map.get(key);
    this.map.set(key, current === undefined ? value : `${current}, ${value}`);
  }
  delete(name: string): void {
    this.map.delete(name.toLowerCase());
  }
  get(name: string): string | null {
    return this.map.get(name.toLowerCase()) ?? null;
  }
  has(name: string): boolean {
    return this.map.has(name.toLowerCase());
  }
  set(name: string, value: string): void {
    this.map.set(name.toLowerCase(), value);
  }
  entries(): IterableIterator<[string, string]> {
    return this.map.entries();
  }
  keys(): IterableIterator<string> {
    return this.map.keys();
  }
  values(): IterableIterator<string> {
    return this.map.values();
  }
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.map.entries();
  }
}

/** A response whose body has been read already (the fetcher waits for all of it, under the timeout). */
class BufferedResponse implements FetcherResponse {
  readonly redirected = false;
  readonly headers: FetcherHeaders;
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  bodyUsed = false;
  constructor(
    readonly url: string,
    message: IncomingMessage,
    private readonly body: Buffer,
  ) {
    this.status = message.statusCode ?? 0;
    this.statusText = message.statusMessage ?? '';
    this.ok = this.status >= 200 && this.status < 300;
    this.headers = new ResponseHeaders(message.headers);
  }
  private use(): Buffer {
    if (this.bodyUsed) throw new TypeError('the response body has been read already');
    this.bodyUsed = true;
    return this.body;
  }
  async text(): Promise<string> {
    return this.use().toString('utf8');
  }
  async json(): Promise<unknown> {
    return JSON.parse(this.use().toString('utf8'));
  }
  async arrayBuffer(): Promise<ArrayBuffer> {
    const body = this.use();
    return body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer;
  }
  clone(): FetcherResponse {
    return Object.assign(Object.create(BufferedResponse.prototype) as BufferedResponse, this, { bodyUsed: false });
  }
}

export interface SubgraphFetcherOptions {
  /** Longest wait for one fetch, response and body together (ms); then it fails with "subgraph fetch exceeded … ms". */
  timeoutMs: number;
}

/**
 * The gateway's fetcher for subgraph calls: Node's own HTTP client over a keep-alive agent, the
 * whole body buffered under one timer. It replaces @apollo/gateway's default (make-fetch-happen),
 * an npm-registry client whose HTTP cache, retry and proxy layers (agent-base builds an Error per
 * request to read its stack) cost about a third of the gateway's CPU on a trivial operation.
 * Subgraph calls need none of that: a POST of JSON, a JSON answer, never cached or retried.
 *
 * The timeout bounds response and body together, so a hung subgraph costs one masked error in
 * the answer, not a held request; one timer per fetch, cleared when the body is in (not
 * `AbortSignal.timeout`, which keeps every timer alive for the whole timeout).
 */
export function subgraphFetcher(options: SubgraphFetcherOptions): Fetcher {
  const { timeoutMs } = options;
  const agentOptions = { keepAlive: true, scheduling: 'lifo' as const };
  const http = new HttpAgent(agentOptions);
  const https = new HttpsAgent(agentOptions);
  // The few subgraph URLs, parsed once each.
  const targets = new Map<string, { secure: boolean; hostname: string; port: string; path: string }>();
  const targetOf = (url: string) => {
    let target = targets.get(url);
    if (!target) {
      const parsed = new URL(url);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`subgraph URL must be http(s), got ${url}`);
      const secure = parsed.protocol === 'https:';
      target = {
        secure,
        hostname: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
        port: parsed.port || (secure ? '443' : '80'),
        path: parsed.pathname + parsed.search,
      };
      if (targets.size < 100) targets.set(url, target);
    }
    return target;
  };
  return (url, init = {}) =>
    new Promise<FetcherResponse>((resolve, reject) => {
      let target: ReturnType<typeof targetOf>;
      try {
        target = targetOf(url);
      } catch (error) {
        return reject(error instanceof Error ? error : new Error(String(error)));
      }
      const { secure, hostname, port, path } = target;
      const body = init.body;
      const headers: Record<string, string | number> = { ...init.headers };
      if (body !== undefined) headers['content-length'] = Buffer.byteLength(body);
      const options = { hostname, port, path, method: init.method ?? 'GET', headers, agent: secure ? https : http };
      const req = (secure ? httpsRequest : httpRequest)(options, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          clearTimeout(timer);
          resolve(new BufferedResponse(url, res, chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
        });
        res.on('error', fail);
      });
      const timer = setTimeout(() => req.destroy(new Error(`subgraph fetch exceeded ${timeoutMs} ms`)), timeoutMs);
      function fail(error: Error): void {
        clearTimeout(timer);
        reject(error);
      }
      req.on('error', fail);
      const signal = init.signal as AbortSignal | undefined;
      if (signal) {
        if (signal.aborted) req.destroy(signal.reason instanceof Error ? signal.reason : new Error('subgraph fetch aborted'));
        else
          signal.addEventListener('abort', () => req.destroy(signal.reason instanceof Error ? signal.reason : new Error('subgraph fetch aborted')), {
            once: true,
          });
      }
      req.end(body);
    });
}
