import { today, userInputError } from '@ntm/kit';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { APPROVE_ROLES } from '../domain/value-workflow';
import { authorizeWrite } from '../services/access';
import { IndicatorValueKeyInput } from './inputs/indicator-value-key.input';
import { SetIndicatorValuesResult } from './types/set-values.types';

/** The signed-in APPROVER whose units cover every row of `input` (else UNAUTHENTICATED / FORBIDDEN naming the units). */
function approverOf(ctx: Context, operation: string, input: IndicatorValueKeyInput[]) {
  return authorizeWrite(
    ctx.em,
    ctx.user,
    APPROVE_ROLES,
    operation,
    input.map((r) => ({ code: r.unitCode, asOf: r.asOf ?? today() })),
  );
}

@Resolver()
export class ValueApprovalResolver {
  @Mutation(() => SetIndicatorValuesResult, {
    description:
      'Approves stored SUBMITTED values (phê duyệt): by an APPROVER whose units cover every row, who did not submit the value. All rows in one transaction, or none; each problem names its row. Each change is kept in the value’s history.',
  })
  async approveIndicatorValues(
    @Arg('input', () => [IndicatorValueKeyInput], { description: 'The values to approve.' }) input: IndicatorValueKeyInput[],
    @Ctx() ctx: Context,
  ): Promise<SetIndicatorValuesResult> {
    const user = await approverOf(ctx, 'approveIndicatorValues', input);
    const { written, errors } = await (await ctx.services.approvals()).approve(input, user);
    return { accepted: errors.length === 0, writtenCount: written, errors };
  }

  @Mutation(() => SetIndicatorValuesResult, {
    description:
      'Returns APPROVED values to SUBMITTED (hủy phê duyệt), with a reason kept in each value’s history: by an APPROVER whose units cover every row. All rows in one transaction, or none.',
  })
  async unapproveIndicatorValues(
    @Arg('input', () => [IndicatorValueKeyInput], { description: 'The values to return to SUBMITTED.' }) input: IndicatorValueKeyInput[],
    @Arg('reason', () => String, { description: 'Why they are returned; required, kept in the history.' }) reason: string,
    @Ctx() ctx: Context,
  ): Promise<SetIndicatorValuesResult> {
    const user = await approverOf(ctx, 'unapproveIndicatorValues', input);
    if (!reason.trim()) throw userInputError('reason: must not be empty; say why the values are returned', { field: 'reason' });
    const { written, errors } = await (await ctx.services.approvals()).unapprove(input, user, reason.trim());
    return { accepted: errors.length === 0, writtenCount: written, errors };
  }
}
