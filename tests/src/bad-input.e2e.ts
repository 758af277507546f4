import { request as httpRequest } from 'node:http';
import { leaksNothing } from './testkit/graph';

/**
 * A generated corpus of bad input (deterministic: the same requests every run): malformed bodies,
 * huge strings, deep and wide queries, injection-shaped strings in every string argument of the
 * read API, overflowing numbers and cursors. Every answer must be a client error or a normal
 * answer (never 5xx, never a masked internal error), and must leak nothing: no stack trace, SQL,
 * file path or internal URL.
 */
const gatewayUrl = process.env.NTM_TEST_GATEWAY_URL!;

interface BadRequest {
  name: string;
  /**
   * A body over the size limit: sent on its own connection (the HTTP layer of today answers 413
   * without reading the rest, which leaves a kept-alive socket unusable for the client's next
   * request), and the server may close the connection instead of answering.
   */
  oversize?: boolean;
  body: string | Uint8Array;
  contentType?: string;
  method?: string;
}

const json = (name: string, payload: unknown): BadRequest => ({ name, body: JSON.stringify(payload) });
const gql = (name: string, query: string, variables?: Record<string, unknown>): BadRequest => json(name, { query, variables });
const b64 = (text: string) => Buffer.from(text).toString('base64url');

/** Strings shaped like injections, encodings and edge cases, put into every string argument. */
const NASTY = [
  "' OR 1=1 --",
  '"; drop table indicator_value; --',
  "40'); select pg_sleep(10); --",
  '%',
  '_',
  '\\',
  '\\\\x00',
  '$1',
  '?',
  '::text',
  '{"$gt": ""}',
  '${jndi:ldap://x}',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '\u202e\u200b\ufeff',
  '🙂'.repeat(50),
  'Xã ' + 'Hưng '.repeat(200),
  ' ',
  '',
  'a'.repeat(20_000),
  '\ud800',
  '0x7fffffff',
  '-1',
  'null',
  '[]',
];

/** Read operations with their string arguments, each a function of the injected text. */
const STRING_ARGS: ((s: string) => { query: string; variables: Record<string, unknown> })[] = [
  (s) => ({ query: 'query($v: String!) { adminUnit(code: $v) { code name } }', variables: { v: s } }),
  (s) => ({
    query: 'query($v: String) { adminUnits(filter: { search: $v }, first: 3) { totalCount edges { node { code } } } }',
    variables: { v: s },
  }),
  (s) => ({ query: 'query($v: String) { adminUnits(filter: { within: $v }, first: 3) { totalCount } }', variables: { v: s } }),
  (s) => ({ query: 'query($v: String) { adminUnits(first: 3, after: $v) { totalCount } }', variables: { v: s } }),
  (s) => ({ query: 'query($v: String!) { matchAdminUnits(inputs: [{ name: $v }]) { __typename } }', variables: { v: s } }),
  (s) => ({ query: 'query($v: String) { matchAdminUnits(inputs: [{ name: "Hưng Đông", within: $v }]) { __typename } }', variables: { v: s } }),
  (s) => ({ query: 'query($v: String!) { criteriaSet(code: $v) { code } }', variables: { v: s } }),
  (s) => ({ query: 'query($v: String!) { attainmentSummary(set: $v, year: 2024) { unitCount } }', variables: { v: s } }),
  (s) => ({
    query: 'query($v: String) { attainmentSummary(set: "COMMUNE_NTM_2021_2025", year: 2024, within: $v) { unitCount } }',
    variables: { v: s },
  }),
  (s) => ({
    query: 'query($v: String!) { unitsMissingIndicator(set: "COMMUNE_NTM_2021_2025", indicator: $v, year: 2024, first: 2) { totalCount } }',
    variables: { v: s },
  }),
  (s) => ({
    query:
      'query($v: String) { unitsMissingIndicator(set: "COMMUNE_NTM_2021_2025", indicator: "2.2", year: 2024, within: $v, first: 2) { totalCount } }',
    variables: { v: s },
  }),
  (s) => ({
    query: 'query($v: String!) { adminUnit(code: "17380", asOf: "2024-06-30") { assessment(set: $v, year: 2024) { status } } }',
    variables: { v: s },
  }),
  (s) => ({ query: 'query($v: Date) { adminUnit(code: "40", asOf: $v) { name } }', variables: { v: s } }),
];

const NUMBERS: unknown[] = [2147483648, -2147483649, 1e300, -1, 0, 3.5, '20', null, true, Number.MAX_SAFE_INTEGER, [1], { n: 1 }];

function corpus(): BadRequest[] {
  const requests: BadRequest[] = [];
  // Malformed bodies.
  const malformed = [
    '',
    '{',
    '}',
    'null',
    '[]',
    '[{}]',
    '"query"',
    '42',
    '{"query": 42}',
    '{"query": null}',
    '{"query": ""}',
    '{"query": "{"}',
    '{"query": "{ criteriaSets { code } }", "variables": "x"}',
    '{"query": "{ criteriaSets { code } }", "variables": [1]}',
    '{"query": "{ criteriaSets { code } }", "operationName": 7}',
    '{"query": "{ criteriaSets { code } }", "extensions": "x"}',
    '{"query": "query A { criteriaSets { code } } query B { criteriaSets { level } }"}',
    '{"query": "subscription { criteriaSets { code } }"}',
    '{"query": "mutation { __typename }"}',
    '{"query": "{ criteriaSets { code } }"',
    '{"query": "{ criteriaSets { code } }"}}}',
    '\u0000',
    '{"query": "\\u0000"}',
    `{"query": "${'{'.repeat(10_000)}"}`,
    '{"a":'.repeat(5000),
  ];
  malformed.forEach((body, i) => requests.push({ name: `malformed body #${i}`, body }));
  requests.push({ name: 'not JSON content type', body: '{ criteriaSets { code } }', contentType: 'text/plain' });
  requests.push({ name: 'form content type', body: 'query=%7B__typename%7D', contentType: 'application/x-www-form-urlencoded' });
  requests.push({ name: 'invalid UTF-8', body: new Uint8Array([0x7b, 0x22, 0x71, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]) });
  requests.push({
    name: 'body over the size limit',
    oversize: true,
    body: JSON.stringify({ query: '{ criteriaSets { code } }', variables: { x: 'y'.repeat(11 * 1024 * 1024) } }),
  });
  requests.push({ name: 'GET without a query', body: '', method: 'GET' });
  requests.push(json('batched request', [{ query: '{ criteriaSets { code } }' }, { query: '{ unitLists { code } }' }]));
  requests.push(json('APQ unknown hash', { extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }));
  requests.push(json('APQ hash not hex', { extensions: { persistedQuery: { version: 1, sha256Hash: "'; drop table x; --" } } }));

  // Huge strings, as literals and as variables.
  for (const size of [10_001, 100_000, 1_000_000]) {
    requests.push(gql(`literal of ${size} characters`, `{ adminUnit(code: "${'9'.repeat(size)}") { name } }`));
    requests.push(gql(`variable of ${size} characters`, 'query($c: String!) { adminUnit(code: $c) { name } }', { c: '9'.repeat(size) }));
  }
  requests.push(
    gql(
      'many variables',
      'query($c: String!) { adminUnit(code: $c) { name } }',
      Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`v${i}`, i])),
    ),
  );

  // Deep and wide queries.
  for (const depth of [16, 40, 200, 2000]) {
    requests.push(
      gql(`depth ${depth}`, `{ adminUnit(code: "00004", asOf: "2024-06-30") { ${'parent { '.repeat(depth)}code${' }'.repeat(depth)} } }`),
    );
  }
  for (const width of [500, 3000]) {
    requests.push(gql(`width ${width}`, `{ criteriaSets { ${'code '.repeat(width)} } }`));
    requests.push(gql(`${width} aliases`, `{ ${Array.from({ length: width }, (_, i) => `a${i}: adminUnit(code: "40") { name }`).join(' ')} }`));
  }
  requests.push(
    gql(
      'nested connections',
      `{ adminUnits(first: 500) { edges { node { children(first: 500) { edges { node { children(first: 500) { totalCount } } } } } } } }`,
    ),
  );
  requests.push(gql('unknown field', '{ secrets { password } }'));
  requests.push(
    gql(
      'introspection of everything, nested',
      `{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } }`,
    ),
  );

  // Injection-shaped strings in every string argument, and through literals as well.
  for (const make of STRING_ARGS) {
    for (const s of NASTY) {
      const { query, variables } = make(s);
      requests.push(gql(`${query.slice(0, 50)} with ${JSON.stringify(s.slice(0, 20))}`, query, variables));
    }
  }
  for (const s of NASTY.slice(0, 15)) requests.push(gql(`literal ${JSON.stringify(s)}`, `{ adminUnit(code: ${JSON.stringify(s)}) { name } }`));

  // Overflowing and odd numbers, in every Int argument.
  const intArgs = [
    (n: string) => `{ adminUnits(first: ${n}) { totalCount } }`,
    (n: string) => `{ attainmentSummary(set: "COMMUNE_NTM_2021_2025", year: ${n}) { unitCount } }`,
    (n: string) => `{ unitsMissingIndicator(set: "COMMUNE_NTM_2021_2025", indicator: "2.2", year: ${n}, first: 2) { totalCount } }`,
    (n: string) => `{ unitsMissingIndicator(set: "COMMUNE_NTM_2021_2025", indicator: "2.2", year: 2024, first: ${n}) { totalCount } }`,
    (n: string) => `{ adminUnit(code: "17380", asOf: "2024-06-30") { indicatorValues(year: ${n}) { value } } }`,
    (n: string) => `{ adminUnit(code: "17380", asOf: "2024-06-30") { assessment(set: "COMMUNE_NTM_2021_2025", year: ${n}) { status } } }`,
    (n: string) => `{ adminUnit(code: "40") { children(first: ${n}) { totalCount } } }`,
  ];
  for (const make of intArgs) {
    for (const literal of ['2147483648', '-2147483648', '-2147483649', '99999999999999999999', '1e300', '-1', '3.5', '"20"', 'null', '0x10']) {
      requests.push(gql(`${make('N').slice(0, 40)} N=${literal}`, make(literal)));
    }
    const withVariable = make('$n').replace(/^\{/, 'query($n: Int!) {');
    for (const n of NUMBERS) requests.push(gql(`${make('N').slice(0, 40)} $n=${JSON.stringify(n)}`, withVariable, { n }));
  }

  // Cursors: encoded oddities and raw garbage.
  const cursors = [
    b64('1e300'),
    b64('-1'),
    b64('NaN'),
    b64('Infinity'),
    b64(''),
    b64(' 7'),
    b64('0x10'),
    b64('1'.repeat(30)),
    b64('3.0'),
    '====',
    '!!',
    'a'.repeat(5000),
    b64("1' or '1'='1"),
    b64('\u0000'),
    'MA==',
    'MA',
  ];
  for (const after of cursors) {
    requests.push(
      gql(`cursor ${after.slice(0, 20)} on adminUnits`, 'query($a: String) { adminUnits(first: 2, after: $a) { totalCount } }', { a: after }),
    );
    requests.push(
      gql(
        `cursor ${after.slice(0, 20)} on children`,
        'query($a: String) { adminUnit(code: "40", asOf: "2024-06-30") { children(first: 2, after: $a) { totalCount } } }',
        { a: after },
      ),
    );
    requests.push(
      gql(
        `cursor ${after.slice(0, 20)} on unitsMissingIndicator`,
        'query($a: String) { unitsMissingIndicator(set: "COMMUNE_NTM_2021_2025", indicator: "2.2", year: 2024, first: 2, after: $a) { totalCount } }',
        { a: after },
      ),
    );
  }
  return requests;
}

/** One request on a fresh connection that is closed afterwards. */
function sendAlone(request: BadRequest): Promise<{ status: number; raw: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = httpRequest(
      gatewayUrl,
      { method: 'POST', agent: false, headers: { 'content-type': 'application/json', connection: 'close' } },
      (res) => {
        let raw = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (raw += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, raw, ms: performance.now() - started }));
        res.on('error', () => resolve({ status: res.statusCode ?? 0, raw, ms: performance.now() - started }));
      },
    );
    // The server may stop reading and close: that is a refusal, not a failure.
    req.on('error', () => resolve({ status: 413, raw: '', ms: performance.now() - started }));
    req.end(request.body);
  });
}

async function send(request: BadRequest): Promise<{ status: number; raw: string; ms: number }> {
  if (request.oversize) return sendAlone(request);
  const method = request.method ?? 'POST';
  const started = performance.now();
  try {
    const res = await fetch(gatewayUrl, {
      method,
      headers: { 'content-type': request.contentType ?? 'application/json', 'apollo-require-preflight': 'true' },
      body: method === 'GET' ? undefined : request.body,
    });
    return { status: res.status, raw: await res.text(), ms: performance.now() - started };
  } catch (error) {
    return {
      status: 599,
      raw: `no answer: ${(error as Error).message} ${String((error as { cause?: unknown }).cause)}`,
      ms: performance.now() - started,
    };
  }
}

describe('a generated corpus of bad input', () => {
  const requests = corpus();

  it('has at least 500 requests, all different', () => {
    expect(requests.length).toBeGreaterThanOrEqual(500);
    expect(
      new Set(
        requests.map((r) => `${r.method ?? ''}${r.contentType ?? ''}${typeof r.body === 'string' ? r.body : Buffer.from(r.body).toString('hex')}`),
      ).size,
    ).toBe(requests.length);
  });

  it('answers every one without a 5xx and without leaking internals', async () => {
    const failures: string[] = [];
    const timings: [number, string][] = [];
    const queue = [...requests];
    // A few at a time: bounded load on the shared machine, still quick.
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let request = queue.shift(); request; request = queue.shift()) {
          const { status, raw, ms } = await send(request);
          timings.push([ms, request.name]);
          if (status >= 500) failures.push(`${request.name}: HTTP ${status} ${raw.slice(0, 200)}`);
          else if (!leaksNothing(raw)) failures.push(`${request.name}: leaks ${raw.slice(0, 300)}`);
          // Bad input is the client's mistake: it is named as such, never masked as an internal error.
          else if (raw.includes('INTERNAL_SERVER_ERROR')) failures.push(`${request.name}: internal error ${raw.slice(0, 200)}`);
        }
      }),
    );
    // None may hold the gateway for long either.
    for (const [ms, name] of timings) if (ms > 20_000) failures.push(`${name}: took ${Math.round(ms)} ms`);
    expect(failures).toEqual([]);
  }, 170_000);
});
