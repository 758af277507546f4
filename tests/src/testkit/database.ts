import { Client } from 'pg';

/** A direct connection to the test database, on the criteria subgraph's schema (for tests that hold transactions open). */
export async function connectCriteriaDb(): Promise<Client> {
  const url = process.env.NTM_TEST_DATABASE_URL;
  if (!url) throw new Error('NTM_TEST_DATABASE_URL is not set: the global setup starts the graph');
  const client = new Client({ connectionString: url, options: '-c search_path=criteria,public' });
  await client.connect();
  return client;
}

/** The gateway's base URL (without /graphql). */
export function gatewayBase(): string {
  const url = process.env.NTM_TEST_GATEWAY_URL;
  if (!url) throw new Error('NTM_TEST_GATEWAY_URL is not set');
  return url.replace(/\/graphql$/, '');
}
