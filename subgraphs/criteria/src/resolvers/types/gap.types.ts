import { connectionTypes } from '@ntm/kit';
import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { CriteriaAdminUnit as AdminUnit } from './admin-unit.type';
import { AttainmentStatus } from '../../entities/enums';

export enum GapOrder {
  GAP_DESC = 'GAP_DESC',
  GAP_ASC = 'GAP_ASC',
  CODE = 'CODE',
}
registerEnumType(GapOrder, {
  name: 'GapOrder',
  description: 'Order of units missing an indicator.',
  valuesConfig: {
    GAP_DESC: { description: 'Furthest from the target first (units without data last).' },
    GAP_ASC: { description: 'Closest to the target first (units without data last).' },
    CODE: { description: 'By unit id.' },
  },
});

@ObjectType({ description: 'A unit that does not meet an indicator (or has no data for it), and by how much.' })
export class IndicatorGap {
  @Field(() => AdminUnit, { description: 'The unit (all its fields come from admin-units through the gateway).' })
  unit!: AdminUnit;

  @Field(() => AttainmentStatus, { description: 'NOT_MET, or NO_DATA when asked for.' })
  status!: AttainmentStatus;

  @Field(() => String, { nullable: true, description: 'The reported value; null when missing.' })
  value!: string | null;

  @Field(() => String, { nullable: true, description: 'The threshold that applied to this unit, e.g. "≥ 80%".' })
  threshold!: string | null;

  @Field(() => Float, { nullable: true, description: 'How far from the target (numeric indicators); null for true/false and without a value.' })
  gap!: number | null;
}

export const { ConnectionType: IndicatorGapConnection } = connectionTypes(IndicatorGap, 'IndicatorGap', 'unit missing an indicator');
