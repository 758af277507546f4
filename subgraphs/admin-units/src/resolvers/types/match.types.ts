import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { AdminUnit } from '../../entities/admin-unit.entity';

export enum MatchStatus {
  EXACT = 'EXACT',
  MATCHED = 'MATCHED',
  AMBIGUOUS = 'AMBIGUOUS',
  UNMATCHED = 'UNMATCHED',
}
registerEnumType(MatchStatus, {
  name: 'MatchStatus',
  description: 'How a name matched.',
  valuesConfig: {
    EXACT: { description: 'The official name, or the same name spelt differently (diacritics, case, kind prefix), and only one unit has it.' },
    MATCHED: { description: 'One unit is clearly best, but not identical (typo, conflicting kind): check `score`.' },
    AMBIGUOUS: { description: 'Several units are equally good: `best` is null and `candidates` lists them; add `within` or a hint.' },
    UNMATCHED: { description: 'No unit is close enough.' },
  },
});

@ObjectType({ description: 'A unit a name may stand for, with its score.' })
export class MatchCandidate {
  @Field(() => Float, { description: 'From 0 to 1.' })
  score!: number;

  @Field(() => AdminUnit, { description: 'The unit.' })
  unit!: AdminUnit;
}

@ObjectType({ description: 'The outcome of matching one name, in input order.' })
export class MatchOutcome {
  @Field({ description: 'The name as given.' })
  input!: string;

  @Field(() => MatchStatus, { description: 'EXACT, MATCHED, AMBIGUOUS or UNMATCHED.' })
  status!: MatchStatus;

  @Field(() => Float, { description: 'Score of the best candidate, from 0 to 1 (0 when there is none).' })
  score!: number;

  @Field(() => AdminUnit, { nullable: true, description: 'The unit the name stands for; null when AMBIGUOUS or UNMATCHED.' })
  best!: AdminUnit | null;

  @Field(() => [MatchCandidate], { description: 'The other candidates worth showing, best first (for AMBIGUOUS: all the tied ones).' })
  candidates!: MatchCandidate[];
}
