import { Field, InputType } from 'type-graphql';
import { AdminLevel } from '@ntm/admin-unit-contract';

@InputType({ description: 'One name to match, as a spreadsheet row gives it.' })
export class MatchInput {
  @Field({ description: 'The name as written: "X. Hung Dong", "xã hưng đông", "P.Hưng Đông - TP Vinh", "Hung Dong ward"…' })
  name!: string;

  @Field(() => AdminLevel, { nullable: true, description: 'Only units of this level.' })
  level?: AdminLevel | null;

  @Field(() => String, { nullable: true, description: 'Only units inside this one: its official code, or its name in any spelling.' })
  within?: string | null;
}
