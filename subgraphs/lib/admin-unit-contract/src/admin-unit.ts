import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { AdminLevel } from './admin-level';
import { ADMIN_UNIT_DESCRIPTIONS as D } from './descriptions';

/** The description every extending subgraph gives AdminUnit (the composed schema shows one). */
export const EXTENDED_ADMIN_UNIT_DESCRIPTION = `${D.type} Owned by the admin-units subgraph.`;

/**
 * AdminUnit as a subgraph other than admin-units sees it: the entity key only. A subgraph that
 * needs the unit's area attributes uses `AdminUnitWithAreaAttributes` instead (a subgraph declares
 * one AdminUnit type).
 *
 * Never attach resolvers to these classes: declare the subgraph's own subclass, decorated
 * `@ObjectType('AdminUnit', { description: EXTENDED_ADMIN_UNIT_DESCRIPTION })` and
 * `@Directive('@key(fields: "id")')`, and write `@Resolver(() => ThatSubclass)`. type-graphql keeps
 * field resolvers per class, globally: fields attached to a shared class would appear in every
 * subgraph built in the same process (composition, the tests). A subclass inherits the key and the
 * @external fields and keeps its own fields to itself.
 */
@ObjectType('AdminUnit', { description: EXTENDED_ADMIN_UNIT_DESCRIPTION })
@Directive('@key(fields: "id")')
export class AdminUnitRef {
  @Field(() => ID, { description: D.id })
  id!: string;
}

/**
 * AdminUnit with the attributes thresholds depend on, declared @external: the gateway fetches them
 * from admin-units and hands them to the fields that `@requires(fields: AREA_ATTRIBUTES)`.
 * Federation 2 refuses an @external field nothing requires, so only a subgraph that requires
 * them uses this class.
 */
@ObjectType('AdminUnit', { description: EXTENDED_ADMIN_UNIT_DESCRIPTION })
@Directive('@key(fields: "id")')
export class AdminUnitWithAreaAttributes extends AdminUnitRef {
  @Directive('@external')
  @Field(() => AdminLevel, { description: D.level })
  level?: AdminLevel;

  @Directive('@external')
  @Field(() => String, { nullable: true, description: D.region })
  region?: string | null;

  @Directive('@external')
  @Field({ description: D.ethnicMinorityArea })
  ethnicMinorityArea?: boolean;

  @Directive('@external')
  @Field({ description: D.mountainous })
  mountainous?: boolean;

  @Directive('@external')
  @Field({ description: D.island })
  island?: boolean;

  @Directive('@external')
  @Field(() => Int, { nullable: true, description: D.communeGroup })
  communeGroup?: number | null;
}

/** The @requires field set for fields that evaluate thresholds depending on a unit's area. */
export const AREA_ATTRIBUTES = 'level region ethnicMinorityArea mountainous island communeGroup';

/** The unit's area attributes as a field that `@requires(AREA_ATTRIBUTES)` receives them. */
export type AreaAttributes = Required<Omit<AdminUnitWithAreaAttributes, 'id'>>;

/**
 * The reference resolver for AdminUnit in an extending subgraph: any reference is answerable, its
 * fields resolve from the id (and the @requires fields the gateway sends along).
 */
export function adminUnitReferenceResolver<T extends AdminUnitRef>(type: new () => T) {
  return {
    AdminUnit: {
      __resolveReference: (reference: Partial<T> & { id: string }): T => Object.assign(new type(), reference),
    },
  };
}
