import type { EntityName } from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';

/** Multi-row INSERTs of `chunkSize` rows each inside the caller's transaction: set-based, never a row at a time. */
export async function insertRows(trx: Knex.Transaction, table: string, rows: object[], chunkSize = 2000): Promise<void> {
  for (let i = 0; i < rows.length; i += chunkSize) {
    await trx(table).insert(rows.slice(i, i + chunkSize));
  }
}

/**
 * Bulk insert of entity-shaped objects (property names) inside the caller's transaction: table and
 * column names come from the entity's metadata, then multi-row INSERTs as `insertRows`. For seeds
 * of tens of thousands of rows, where the unit of work would be too slow.
 */
export async function insertEntities<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  items: readonly Partial<T>[],
  chunkSize = 2000,
): Promise<void> {
  const meta = em.getMetadata(entity);
  const props = meta.props.filter((p) => p.persist !== false && p.fieldNames?.length === 1);
  const rows = items.map((item) => {
    const row: Record<string, unknown> = {};
    for (const p of props) if (p.name in item) row[p.fieldNames[0]] = (item as Record<string, unknown>)[p.name];
    return row;
  });
  const trx = em.getTransactionContext<Knex.Transaction>();
  if (!trx) throw new Error(`insertEntities(${meta.className}): call it inside a transaction (em.transactional)`);
  await insertRows(trx, meta.tableName, rows, chunkSize);
}
