import { serviceIdentityHeaders } from './auth/internal-token';

/**
 * A minimal GraphQL-over-HTTP client for subgraphs that pull reference data from another
 * subgraph's public API (never from its tables).
 */
export async function graphqlRequest<T>(url: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    // Signed as this service with the internal secret: subgraphs answer only the gateway and each other.
    headers: { 'content-type': 'application/json', ...(await serviceIdentityHeaders()) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (!res.ok || body.errors?.length || !body.data) {
    throw new Error(`GraphQL request failed (HTTP ${res.status}): ${body.errors?.map((e) => e.message).join('; ') ?? 'no data'}`);
  }
  return body.data;
}
