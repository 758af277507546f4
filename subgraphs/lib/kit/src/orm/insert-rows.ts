import type { Knex } from '@mikro-orm/postgresql';

/** Multi-row INSERTs of `chunkSize` rows each inside the caller's transaction: set-based, never a row at a time. */
export async function insertRows(trx: Knex.Transaction, table: string, rows: object[], chunkSize = 2000): Promise<void> {
  for (let i = 0; i < rows.length; i += chunkSize) {
    await trx(table).insert(rows.slice(i, i + chunkSize));
  }
}
