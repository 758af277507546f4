import { AdminUnitRef, EXTENDED_ADMIN_UNIT_DESCRIPTION } from '@ntm/admin-unit-contract';
import { Directive, ObjectType } from 'type-graphql';

/**
 * TEMPLATE: AdminUnit as this subgraph declares it: its own subclass of the contract's key stub
 * (rename it with the subgraph), so the fields it adds stay in this subgraph. Extend
 * `AdminUnitWithAreaAttributes` instead when a field `@requires` the area attributes.
 */
@ObjectType('AdminUnit', { description: EXTENDED_ADMIN_UNIT_DESCRIPTION })
@Directive('@key(fields: "id")')
export class TemplateAdminUnit extends AdminUnitRef {}
