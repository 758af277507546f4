import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** This subgraph's replica of a unit's facts needed for roll-ups, pulled from admin-units over GraphQL. */
@Entity({ tableName: 'unit_profile' })
export class UnitProfile {
  @PrimaryKey({ type: 'string' })
  unitId!: string;

  @Property({ type: 'string' })
  code!: string;

  @Property({ type: 'string' })
  listId!: string;

  @Property({ type: 'string' })
  level!: string;

  @Property({ type: 'string' })
  name!: string;

  @Property({ type: 'string[]', columnType: 'text[]' })
  ancestorIds!: string[];

  @Property({ type: 'string', columnType: 'date', nullable: true })
  validFrom!: string | null;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  validTo!: string | null;

  @Property({ type: 'string', nullable: true })
  region!: string | null;

  @Property({ type: 'boolean' })
  ethnicMinorityArea!: boolean;

  @Property({ type: 'boolean' })
  mountainous!: boolean;

  @Property({ type: 'boolean' })
  island!: boolean;
}
