import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A subgraph's replica of the unit facts it needs for roll-ups over thousands of units (level,
 * ancestors, validity, area attributes), pulled from the admin-units subgraph's public GraphQL API —
 * never from its tables. Per-unit fields take the same attributes live through federation (@requires).
 */
@Entity({ tableName: 'unit_profile' })
@Index({ name: 'unit_profile_level_list_index', properties: ['level', 'listId'] })
@Index({
  name: 'unit_profile_ancestor_ids_index',
  expression: 'create index "unit_profile_ancestor_ids_index" on "unit_profile" using gin ("ancestor_ids")',
})
@Index({
  name: 'unit_profile_successor_ids_index',
  expression: 'create index "unit_profile_successor_ids_index" on "unit_profile" using gin ("successor_ids")',
})
@Index({ name: 'unit_profile_scope_ids_index', expression: 'create index "unit_profile_scope_ids_index" on "unit_profile" using gin ("scope_ids")' })
export class UnitProfile {
  /** The federation key of AdminUnit, "<code>@<list>". */
  @PrimaryKey({ type: 'string', columnType: 'text' })
  unitId!: string;

  @Property({ type: 'string', columnType: 'text' })
  code!: string;

  @Property({ type: 'string', columnType: 'text' })
  listId!: string;

  @Property({ type: 'string', columnType: 'text' })
  level!: string;

  @Property({ type: 'string', columnType: 'text' })
  name!: string;

  /** Official kind (loại): Xã, Phường, Đặc khu…, Tỉnh… (a province's NTM share counts its Xã only). */
  @Property({ type: 'string', columnType: 'text', nullable: true })
  kind!: string | null;

  /** Ids of all ancestors, root first (GIN-indexed: a subtree is one index scan). */
  @Property({ type: 'string[]', columnType: 'text[]', defaultRaw: "'{}'" })
  ancestorIds!: string[];

  /**
   * The units whose scope contains this one (GIN-indexed): itself, its ancestors, and for a
   * pre-reform unit also the successors of it and of its ancestors, with their ancestors. A role
   * scoped to any of them covers it.
   */
  @Property({ type: 'string[]', columnType: 'text[]', defaultRaw: "'{}'" })
  scopeIds!: string[];

  @Property({ type: 'string', columnType: 'date', nullable: true })
  validFrom!: string | null;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  validTo!: string | null;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  region!: string | null;

  @Property({ type: 'boolean' })
  ethnicMinorityArea!: boolean;

  @Property({ type: 'boolean' })
  mountainous!: boolean;

  @Property({ type: 'boolean' })
  island!: boolean;

  /** Commune group (xã nhóm 1/2/3) of the 2026–2030 set; null for units without one (see AdminUnit.communeGroup). */
  @Property({ type: 'smallint', nullable: true })
  communeGroup!: number | null;

  /** For a pre-reform unit: the units of the list from 2025-07-01 it went into (its lineage), else empty. */
  @Property({ type: 'string[]', columnType: 'text[]', defaultRaw: "'{}'" })
  successorIds!: string[];

  /** When this row was pulled. */
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  syncedAt!: Date;
}
