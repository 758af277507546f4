import { Field, InputType, Int } from 'type-graphql';

@InputType({ description: 'One stored value to approve or un-approve: the unit, the indicator and the year.' })
export class IndicatorValueKeyInput {
  @Field({ description: 'Official code of the unit (commune or district).' })
  unitCode!: string;

  @Field(() => Date, {
    nullable: true,
    description:
      'Date whose unit list `unitCode` refers to; default today. Years up to 2024 need a unit of the list in force until 2025-06-30 (e.g. asOf "2024-06-30").',
  })
  asOf?: string | null;

  @Field({ description: 'Indicator: "8.4" (in the standard national set of the unit’s level) or "<set>/<code>".' })
  indicatorCode!: string;

  @Field(() => Int, { description: 'Year reported.' })
  year!: number;
}
