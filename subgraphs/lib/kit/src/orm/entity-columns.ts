import type { EntityName } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The columns of an entity's table, read from its metadata (the one description of the table),
 * optionally qualified by a table alias: for set-based raw SQL whose rows are then turned into
 * entities with `em.map(Entity, row)`. Properties without a column (persist: false) are left out.
 */
export function columnsOf<T extends object>(em: EntityManager, entity: EntityName<T>, alias?: string): string {
  const meta = em.getMetadata(entity);
  return meta.props
    .filter((p) => p.persist !== false && (p.fieldNames?.length ?? 0) > 0)
    .flatMap((p) => p.fieldNames)
    .map((field) => (alias ? `${alias}.${field}` : field))
    .join(', ');
}
