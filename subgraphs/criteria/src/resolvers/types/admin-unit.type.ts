import { AdminUnitWithAreaAttributes, EXTENDED_ADMIN_UNIT_DESCRIPTION } from '@ntm/admin-unit-contract';
import { Directive, ObjectType } from 'type-graphql';

/**
 * AdminUnit as the criteria subgraph declares it: its own subclass of the contract's type (the key
 * and the area attributes, @external), so the fields criteria adds stay in this subgraph.
 */
@ObjectType('AdminUnit', { description: EXTENDED_ADMIN_UNIT_DESCRIPTION })
@Directive('@key(fields: "id")')
export class CriteriaAdminUnit extends AdminUnitWithAreaAttributes {}
