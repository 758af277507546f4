import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { IndicatorValueInput } from './inputs/indicator-value.input';
import { SetIndicatorValuesResult } from './types/set-values.types';

@Resolver()
export class IndicatorValuesResolver {
  @Mutation(() => SetIndicatorValuesResult, {
    description: 'Writes a batch of indicator values: every row is validated, then all rows are written in one transaction, or none. Each problem names its row, field and reason. APPROVED values cannot be changed.',
  })
  async setIndicatorValues(
    @Arg('input', () => [IndicatorValueInput], { description: 'The rows, e.g. one spreadsheet.' }) input: IndicatorValueInput[],
    @Ctx() ctx: Context,
  ): Promise<SetIndicatorValuesResult> {
    const service = await ctx.services.values();
    const { written, errors } = await service.setValues(input, 'api');
    return { accepted: errors.length === 0, writtenCount: written, errors };
  }
}
