import { today } from '@ntm/kit';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { WRITE_ROLES, writeStatusProblem } from '../domain/value-workflow';
import { authorizeWrite } from '../services/access';
import type { Context } from '../context';
import { IndicatorValueInput } from './inputs/indicator-value.input';
import { SetIndicatorValuesResult } from './types/set-values.types';

@Resolver()
export class IndicatorValuesResolver {
  @Mutation(() => SetIndicatorValuesResult, {
    description:
      'Writes a batch of indicator values: every row is validated, then all rows are written in one transaction, or none. Each problem names its row, field and reason. Needs an EDITOR (or ADMIN) whose units cover every row; writes DRAFT or SUBMITTED (APPROVED only through approveIndicatorValues); APPROVED values cannot be changed. Every change is kept in the value’s history (indicatorValueHistory), recorded by the signed-in user.',
  })
  async setIndicatorValues(
    @Arg('input', () => [IndicatorValueInput], { description: 'The rows, e.g. one spreadsheet.' }) input: IndicatorValueInput[],
    @Ctx() ctx: Context,
  ): Promise<SetIndicatorValuesResult> {
    const user = await authorizeWrite(
      ctx.em,
      ctx.user,
      WRITE_ROLES,
      'setIndicatorValues',
      input.map((r) => ({ code: r.unitCode, asOf: r.asOf ?? today() })),
    );
    const statusErrors = input.flatMap((row, i) => {
      const problem = row.status ? writeStatusProblem(row.status) : null;
      return problem ? [{ row: i, field: 'status', reason: problem }] : [];
    });
    if (statusErrors.length > 0) return { accepted: false, writtenCount: 0, errors: statusErrors };
    const service = await ctx.services.values();
    const { written, errors } = await service.setValues(input, user.sub);
    return { accepted: errors.length === 0, writtenCount: written, errors };
  }
}
