export interface GraphResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: (string | number)[]; locations?: { line: number; column: number }[] }[];
  raw: string;
}

export interface TestGraph {
  /** POSTs one operation to the gateway. */
  query<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphResponse<T>>;
  /** Like query, but fails the test on any error and returns `data`. */
  ok<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** Runs `fn` and returns how many SQL statements a subgraph sent meanwhile. */
  countStatements<T>(subgraph: string, fn: () => Promise<T>): Promise<{ statements: number; result: T }>;
}

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the global setup starts the graph`);
  return value;
}

/** A client of the graph the global setup started (real gateway, subgraphs and PostgreSQL). */
export function connectGraph(): TestGraph {
  const gatewayUrl = env('NTM_TEST_GATEWAY_URL');
  const controlUrl = env('NTM_TEST_CONTROL_URL');
  const query = async <T>(text: string, variables?: Record<string, unknown>): Promise<GraphResponse<T>> => {
    const res = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: text, variables }),
    });
    const raw = await res.text();
    const body = JSON.parse(raw) as { data?: T; errors?: GraphResponse['errors'] };
    return { status: res.status, data: body.data, errors: body.errors, raw };
  };
  const statementsOf = async (subgraph: string): Promise<number> => {
    const res = await fetch(`${controlUrl}/?subgraph=${subgraph}`);
    return ((await res.json()) as { statements: number }).statements;
  };
  return {
    query,
    ok: async <T>(text: string, variables?: Record<string, unknown>) => {
      const response = await query<T>(text, variables);
      if (response.errors?.length || response.status !== 200) {
        throw new Error(`query failed (HTTP ${response.status}): ${JSON.stringify(response.errors)}`);
      }
      return response.data as T;
    },
    countStatements: async (subgraph, fn) => {
      const before = await statementsOf(subgraph);
      const result = await fn();
      return { statements: (await statementsOf(subgraph)) - before, result };
    },
  };
}

/** Asserts a response leaks nothing internal: no stack trace, SQL, internal URL or file path. */
export function leaksNothing(raw: string): boolean {
  return !/(\bat .+\.[jt]s:\d+|stacktrace|select .* from|insert into|127\.0\.0\.1|localhost:\d+|postgres:\/\/|file:\/\/|node_modules|\/(work|home|tmp|usr|opt|var|root|srv)\/|[A-Za-z]:\\\\|\.(js|ts):\d+:\d+)/i.test(raw);
}
