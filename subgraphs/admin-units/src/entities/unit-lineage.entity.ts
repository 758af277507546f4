import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { AdminUnit } from './admin-unit.entity';
import { LinkShare } from './unit-link';

/**
 * One lineage link across the 1 July 2025 reform: a post-reform unit (successor) was formed from
 * all or part of a pre-reform unit (predecessor), as read from the official predecessor text.
 */
@Entity({ tableName: 'unit_lineage' })
@Index({ name: 'unit_lineage_predecessor_index', properties: ['predecessorId'] })
export class UnitLineage {
  /** Id of the post-reform unit. */
  @ManyToOne(() => AdminUnit, {
    fieldName: 'successor_id',
    foreignKeyName: 'unit_lineage_successor_id_fkey',
    primary: true,
    mapToPk: true,
    deleteRule: 'cascade',
    updateRule: 'no action',
  })
  successorId!: string;

  /** Id of the pre-reform unit. */
  @ManyToOne(() => AdminUnit, {
    fieldName: 'predecessor_id',
    foreignKeyName: 'unit_lineage_predecessor_id_fkey',
    primary: true,
    mapToPk: true,
    deleteRule: 'cascade',
    updateRule: 'no action',
  })
  predecessorId!: string;

  /** WHOLE (toàn bộ) or PART (một phần) of the old unit. */
  @Enum({ items: () => LinkShare, columnType: 'text' })
  share!: LinkShare;

  /** The official predecessor text the link was read from. */
  @Property({ type: 'string', columnType: 'text' })
  sourceText!: string;
}
