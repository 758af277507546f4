import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Why one row of a batch was refused.' })
export class RowError {
  @Field(() => Int, { description: 'Position of the row in the input list, from 0.' })
  row!: number;

  @Field({ description: 'The input field at fault, e.g. "value", "unitCode".' })
  field!: string;

  @Field({ description: 'What is wrong, in words.' })
  reason!: string;
}

@ObjectType({ description: 'Outcome of a batch: written whole, or not at all.' })
export class SetIndicatorValuesResult {
  @Field({ description: 'True when every row was valid and all were written in one transaction; false when nothing was written.' })
  accepted!: boolean;

  @Field(() => Int, { description: 'Rows written (0 when refused).' })
  writtenCount!: number;

  @Field(() => [RowError], { description: 'One entry per problem, naming the row, the field and the reason. Empty when accepted.' })
  errors!: RowError[];
}
