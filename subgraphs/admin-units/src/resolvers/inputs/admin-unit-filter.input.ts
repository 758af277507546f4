import { Field, InputType } from 'type-graphql';
import { AdminLevel } from '@ntm/admin-unit-contract';

@InputType({ description: 'Which units to list.' })
export class AdminUnitFilter {
  @Field(() => String, {
    nullable: true,
    description:
      'Name to look for. Ignores diacritics, case, spacing, punctuation and the kind prefix ("Tinh Nghe An", "NGHỆ AN" and "nghe an" are equal; so are hóa and hoá).',
  })
  search?: string | null;

  @Field(() => AdminLevel, { nullable: true, description: 'Only units of this level.' })
  level?: AdminLevel | null;

  @Field(() => String, { nullable: true, description: 'Only units inside this one, given by its official code (as of `asOf`).' })
  within?: string | null;

  @Field(() => Date, { nullable: true, description: 'The date whose list applies; default today.' })
  asOf?: string | null;
}
