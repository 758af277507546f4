import type { Knex } from '@mikro-orm/postgresql';
import type { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type CopyValue = string | number | boolean | null;

/** One value in COPY text format: NULL as \N, backslash and control characters escaped. */
export function copyText(value: CopyValue): string {
  if (value === null) return '\\N';
  const text = String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : text;
}

/**
 * Streams rows into a table with COPY FROM STDIN on the caller's transaction connection: the
 * fastest set-based load PostgreSQL offers, atomic with the rest of the transaction. `rows` yields
 * one array of values per row, in `columns` order.
 */
export async function copyRows(trx: Knex.Transaction, table: string, columns: string[], rows: Iterable<CopyValue[]>): Promise<number> {
  const client = await (trx as unknown as { client: { acquireConnection(): Promise<Client> } }).client.acquireConnection();
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  let count = 0;
  let buffer = '';
  for (const row of rows) {
    buffer += row.map(copyText).join('\t') + '\n';
    count++;
    if (buffer.length > 1 << 20) {
      if (!stream.write(buffer)) await new Promise((resolve) => stream.once('drain', resolve));
      buffer = '';
    }
  }
  if (buffer) stream.write(buffer);
  stream.end();
  await done;
  return count;
}
