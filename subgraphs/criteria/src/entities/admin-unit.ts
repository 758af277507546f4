import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { AdminLevel } from './enums';

/**
 * The admin-units subgraph's AdminUnit, extended here with assessments, values and
 * recognitions. The attributes thresholds depend on are @external: the gateway fetches them
 * from admin-units and hands them to `assessment` (@requires); this subgraph never reads
 * admin-units' tables.
 */
@ObjectType({ description: 'An administrative unit (đơn vị hành chính); owned by the admin-units subgraph.' })
@Directive('@key(fields: "id")')
export class AdminUnit {
  @Field(() => ID, { description: 'Stable identity "<code>@<list>", e.g. "17380@2025-03-01".' })
  id!: string;

  @Directive('@external')
  @Field(() => AdminLevel, { description: 'Level in the hierarchy.' })
  level?: AdminLevel;

  @Directive('@external')
  @Field(() => String, { nullable: true, description: 'Socio-economic region.' })
  region?: string | null;

  @Directive('@external')
  @Field({ description: 'In an ethnic-minority area.' })
  ethnicMinorityArea?: boolean;

  @Directive('@external')
  @Field({ description: 'In a mountainous area.' })
  mountainous?: boolean;

  @Directive('@external')
  @Field({ description: 'An island unit.' })
  island?: boolean;
}

/** The fields `assessment` needs from admin-units. */
export const ASSESSMENT_REQUIRES = 'level region ethnicMinorityArea mountainous island';
