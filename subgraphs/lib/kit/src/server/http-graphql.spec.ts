import { ApolloServer } from '@apollo/server';
import { createLogger } from '../logger';
import { MAX_BODY_BYTES, serveGraphQL, type HttpGraphQLOptions, type RunningHttpServer } from './http-graphql';

interface TestContext {
  requestId: string;
}

const typeDefs = `type Query { echo(text: String): String, requestId: String }`;
const resolvers = {
  Query: {
    echo: (_: unknown, args: { text?: string }) => args.text ?? null,
    requestId: (_: unknown, _args: unknown, ctx: TestContext) => ctx.requestId,
  },
};

/** A real server on a free port, with a small schema and whatever options the test adds. */
async function start(extra: Partial<HttpGraphQLOptions<TestContext>> = {}): Promise<RunningHttpServer & { logged: string[] }> {
  const logged: string[] = [];
  const apollo = new ApolloServer<TestContext>({ typeDefs, resolvers, csrfPrevention: false });
  const running = await serveGraphQL<TestContext>({
    apollo,
    port: 0,
    logger: createLogger({ service: 'test' }, 'debug', (line) => logged.push(line)),
    context: async ({ requestId }) => ({ requestId }),
    ...extra,
  });
  return Object.assign(running, { logged });
}

const json = { 'content-type': 'application/json' };

describe('serveGraphQL', () => {
  let server: Awaited<ReturnType<typeof start>>;
  const base = () => server.url.replace(/\/graphql$/, '');
  const post = (body: string, headers: Record<string, string> = json) => fetch(server.url, { method: 'POST', headers, body });

  describe('without CORS', () => {
    let ready = true;
    let readyFails = false;
    beforeAll(async () => {
      server = await start({
        ready: async () => {
          if (readyFails) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
          return ready;
        },
        configure: (app) => {
          app.get('/boom', async () => {
            throw new Error('select * from admin_unit failed at postgres://10.0.0.7:5432/ntm');
          });
          app.post('/echo', async (request) => request.body);
        },
      });
    });
    afterAll(() => server.stop());

    it('answers GraphQL over POST and GET', async () => {
      const res = await post(JSON.stringify({ query: '{ echo(text: "xin chào") }' }));
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ data: { echo: 'xin chào' } });
      const get = await fetch(`${server.url}?query=${encodeURIComponent('{ echo(text: "a") }')}`);
      expect(await get.json()).toEqual({ data: { echo: 'a' } });
    });

    it('passes a sensible x-request-id to the context and replaces anything else by a UUID', async () => {
      const given = await post(JSON.stringify({ query: '{ requestId }' }), { ...json, 'x-request-id': 'abc-123' });
      expect(((await given.json()) as { data: { requestId: string } }).data.requestId).toBe('abc-123');
      const odd = await post(JSON.stringify({ query: '{ requestId }' }), { ...json, 'x-request-id': 'a b <script>' });
      expect(((await odd.json()) as { data: { requestId: string } }).data.requestId).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('answers /health always and /ready with 503 while not ready', async () => {
      expect(await (await fetch(`${base()}/health`)).json()).toEqual({ status: 'ok' });
      const yes = await fetch(`${base()}/ready`);
      expect([yes.status, await yes.json()]).toEqual([200, { status: 'ready' }]);
      ready = false;
      const no = await fetch(`${base()}/ready`);
      expect([no.status, await no.json()]).toEqual([503, { status: 'not ready' }]);
      ready = true;
      readyFails = true;
      const failing = await fetch(`${base()}/ready`);
      expect([failing.status, await failing.json()]).toEqual([503, { status: 'not ready' }]);
      readyFails = false;
    });

    it('refuses NUL characters in the body and the query string with 400', async () => {
      const escaped = await post(JSON.stringify({ query: '{ echo(text: $t) }', variables: { t: 'a\u0000b' } }));
      expect(escaped.status).toBe(400);
      expect(await escaped.json()).toEqual({
        errors: [{ message: 'strings may not contain the NUL character (\\u0000)', extensions: { code: 'BAD_REQUEST' } }],
      });
      const get = await fetch(`${server.url}?query=${encodeURIComponent('{ echo(text: "a\u0000") }')}`);
      expect(get.status).toBe(400);
    });

    it('answers bad JSON and an unparseable content type with 400', async () => {
      const bad = await post('{"query": ');
      expect(bad.status).toBe(400);
      expect(await bad.json()).toEqual({ errors: [{ message: 'request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
      const weird = await post('{}', { 'content-type': 'not a media type' });
      expect(weird.status).toBe(400);
      const text = await post('{ echo }', { 'content-type': 'text/plain' });
      expect(text.status).toBe(400);
    });

    it('answers bodies over 10 MB with 413 and a GraphQL-style error', async () => {
      const big = JSON.stringify({ query: '{ echo }', variables: { pad: 'x'.repeat(MAX_BODY_BYTES) } });
      const res = await post(big);
      expect(res.status).toBe(413);
      expect(await res.json()).toEqual({ errors: [{ message: 'request body too large', extensions: { code: 'BAD_REQUEST' } }] });
      const justUnder = await post(JSON.stringify({ query: '{ echo(text: "ok") }', variables: { pad: 'x'.repeat(MAX_BODY_BYTES - 100) } }));
      expect(justUnder.status).toBe(200);
    });

    it('answers unknown paths with 404 and sends no CORS headers', async () => {
      const res = await fetch(`${base()}/nope`, { headers: { origin: 'https://example.org' } });
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: 'not found; the API is at /graphql' });
      const health = await fetch(`${base()}/health`, { headers: { origin: 'https://example.org' } });
      expect(health.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('serves routes added by configure, with the default JSON parser, and hides internals of their failures', async () => {
      const echo = await fetch(`${base()}/echo`, { method: 'POST', headers: json, body: '{"a":1}' });
      expect(await echo.json()).toEqual({ a: 1 });
      const boom = await fetch(`${base()}/boom`);
      expect(boom.status).toBe(500);
      const text = await boom.text();
      expect(JSON.parse(text)).toEqual({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      expect(text).not.toMatch(/select|postgres|10\.0\.0\.7|at /);
      expect(server.logged.some((line) => line.includes('select * from admin_unit') && JSON.parse(line).level === 'error')).toBe(true);
      const badJson = await fetch(`${base()}/echo`, { method: 'POST', headers: json, body: '{' });
      expect(badJson.status).toBe(400);
      expect(((await badJson.json()) as { errors: unknown[] }).errors).toHaveLength(1);
    });
  });

  describe('with CORS', () => {
    beforeAll(async () => {
      server = await start({ corsOrigin: '*' });
    });
    afterAll(() => server.stop());

    it('answers preflights with 204 and the allowed methods and headers', async () => {
      const res = await fetch(server.url, {
        method: 'OPTIONS',
        headers: { origin: 'https://dashboard.example', 'access-control-request-method': 'POST' },
      });
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
      expect(res.headers.get('access-control-allow-headers')).toContain('x-request-id');
      expect(res.headers.get('access-control-max-age')).toBe('600');
      const bare = await fetch(server.url, { method: 'OPTIONS' });
      expect(bare.status).toBe(204);
    });

    it('adds the allowed origin to ordinary responses', async () => {
      const res = await post(JSON.stringify({ query: '{ echo(text: "x") }' }), { ...json, origin: 'https://dashboard.example' });
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
    });
  });

  it('accepts an Apollo Server started by the caller, and stops listening on stop()', async () => {
    const apollo = new ApolloServer<TestContext>({ typeDefs, resolvers });
    await apollo.start();
    const running = await serveGraphQL<TestContext>({ apollo, port: 0, context: async ({ requestId }) => ({ requestId }) });
    const res = await fetch(running.url, { method: 'POST', headers: json, body: JSON.stringify({ query: '{ echo(text: "y") }' }) });
    expect(await res.json()).toEqual({ data: { echo: 'y' } });
    await running.stop();
    await expect(fetch(running.url.replace(/graphql$/, 'health'))).rejects.toThrow();
  });

  it('stops Apollo and the HTTP server together when it started Apollo itself', async () => {
    const running = await start();
    expect(running.app.server.listening).toBe(true);
    await running.stop();
    expect(running.app.server.listening).toBe(false);
  });
});
