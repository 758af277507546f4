import { Field, InputType, Int } from 'type-graphql';
import { ValueStatus } from '../../entities/enums';

@InputType({
  description:
    'One reported value, as a spreadsheet row would give it (DHIS2 data-value style: the value is text, parsed against the indicator’s value type).',
})
export class IndicatorValueInput {
  @Field({ description: 'Official code of the unit (commune or district).' })
  unitCode!: string;

  @Field(() => Date, {
    nullable: true,
    description:
      'Date whose unit list `unitCode` refers to; default today. Years up to 2024 need a unit of the list in force until 2025-06-30 (e.g. asOf "2024-06-30").',
  })
  asOf?: string | null;

  @Field({
    description: 'Indicator: "8.4" (in the standard national set of the unit’s level) or "<set>/<code>", e.g. "COMMUNE_ADVANCED_2021_2025/15.2".',
  })
  indicatorCode!: string;

  @Field(() => Int, { description: 'Year reported.' })
  year!: number;

  @Field({ description: 'The value as text: "true"/"false"/"đạt" for BOOLEAN, 0–100 for PERCENTAGE, a number, or a category.' })
  value!: string;

  @Field(() => ValueStatus, { nullable: true, description: 'Workflow state to record; default DRAFT.' })
  status?: ValueStatus | null;

  @Field(() => String, { nullable: true, description: 'Where the value comes from (file name, form); default "api".' })
  source?: string | null;
}
