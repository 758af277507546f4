import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { RecognitionDecision } from '../entities/recognition-decision.entity';
import { RecognitionInput } from './inputs/recognition.input';
import { DECISION_ROLES } from '../domain/value-workflow';
import { authorizeWrite } from '../services/access';

@Resolver(() => RecognitionDecision)
export class RecognitionResolver {
  @Mutation(() => RecognitionDecision, {
    description:
      'Records a recognition decision (quyết định công nhận) for a unit and a criteria set. Needs an APPROVER (or ADMIN) whose units cover the unit. The same decision number for the same unit and set corrects it; a number already recorded for another unit, or by the generator, is refused.',
  })
  async recordRecognitionDecision(
    @Arg('input', () => RecognitionInput, { description: 'The decision.' }) input: RecognitionInput,
    @Ctx() ctx: Context,
  ): Promise<RecognitionDecision> {
    await authorizeWrite(ctx.em, ctx.user, DECISION_ROLES, 'recordRecognitionDecision', [
      { code: input.unitCode, asOf: input.asOf ?? input.decidedOn },
    ]);
    return ctx.services.recognitions.record(input);
  }
}
