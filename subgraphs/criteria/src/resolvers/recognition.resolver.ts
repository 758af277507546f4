import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { RecognitionDecision } from '../entities/recognition-decision.entity';
import { RecognitionInput } from './inputs/recognition.input';

@Resolver(() => RecognitionDecision)
export class RecognitionResolver {
  @Mutation(() => RecognitionDecision, {
    description: 'Records a recognition decision (quyết định công nhận) for a unit and a criteria set. The same decision number for the same unit and set updates it.',
  })
  async recordRecognitionDecision(@Arg('input', () => RecognitionInput, { description: 'The decision.' }) input: RecognitionInput, @Ctx() ctx: Context): Promise<RecognitionDecision> {
    return ctx.services.recognitions.record(input);
  }
}
