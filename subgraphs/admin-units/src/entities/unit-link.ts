import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { AdminUnit } from './admin-unit.entity';

/** How much of a unit went into another across the reform. */
export enum LinkShare {
  WHOLE = 'WHOLE',
  PART = 'PART',
}
registerEnumType(LinkShare, {
  name: 'LinkShare',
  description: 'How much of the old unit went into the new one.',
  valuesConfig: {
    WHOLE: { description: 'All of its area and population (toàn bộ).' },
    PART: { description: 'Part of it (một phần diện tích, quy mô dân số; phần còn lại).' },
  },
});

@ObjectType({ description: 'A lineage link across the 1 July 2025 reform: a unit, and whether all or part of the old unit is involved.' })
export class UnitLink {
  @Field(() => LinkShare, { description: 'WHOLE or PART of the old unit.' })
  share!: LinkShare;

  @Field(() => AdminUnit, { description: 'The unit at the other end of the link.' })
  unit!: AdminUnit;

  @Field({ description: 'The official predecessor text the link was read from.' })
  sourceText!: string;
}
