import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { Pilot } from '../entities/pilot.entity';
import { authorize } from '../services/authorization';
import { ApprovalInput, ChecklistItemInput, CreatePilotInput, FundingInput, StepMoveInput } from './inputs/pilot.inputs';

/** The pilot as stored after a write (the request's identity map is cleared first). */
async function reload(ctx: Context, id: string): Promise<Pilot> {
  ctx.em.clear();
  return (await ctx.em.findOne(Pilot, { id }))!;
}

/**
 * Writes. Each: the pilot (or unit) is looked up, `authorize` decides (EDITOR of the unit; APPROVER for
 * approval) before anything is written, the pure domain checks the whole input (every refusal names its
 * field, and its row for lists), then one transaction writes it with who and when (pilot_change).
 */
@Resolver()
export class PilotMutationResolver {
  @Mutation(() => Pilot, {
    description:
      'Records a new pilot (status PROPOSED) with its 14 steps and, optionally, planned dates and a funding plan. Needs an EDITOR of the unit.',
  })
  async createPilot(
    @Arg('input', () => CreatePilotInput, { description: 'The pilot.' }) input: CreatePilotInput,
    @Ctx() ctx: Context,
  ): Promise<Pilot> {
    const write = ctx.loaders.write;
    const unit = await write.unitFacts(input.unitId);
    const { actor } = await authorize(ctx, 'EDITOR', [unit?.areaUnitId ?? input.unitId]);
    const checked = await write.checkCreate(input);
    const id = await write.create(input, checked, actor);
    return reload(ctx, id);
  }

  @Mutation(() => Pilot, {
    description:
      'Plans, starts or completes one step, refused when a step it depends on is not completed, the date is in the future or before a dependency, or required evidence is missing. Needs an EDITOR of the unit.',
  })
  async movePilotStep(
    @Arg('pilotId', () => ID, { description: 'Pilot id.' }) pilotId: string,
    @Arg('input', () => StepMoveInput, { description: 'The move.' }) input: StepMoveInput,
    @Ctx() ctx: Context,
  ): Promise<Pilot> {
    const write = ctx.loaders.write;
    const pilot = await write.pilotOrRefuse(pilotId);
    const { actor } = await authorize(ctx, 'EDITOR', [pilot.areaUnitId]);
    await write.moveStep(pilot, input, actor);
    return reload(ctx, pilotId);
  }

  @Mutation(() => Pilot, {
    description: 'Replaces the funding plan as a whole; refused, naming each line and field, when it does not add up. Needs an EDITOR of the unit.',
  })
  async setPilotFunding(
    @Arg('pilotId', () => ID, { description: 'Pilot id.' }) pilotId: string,
    @Arg('input', () => FundingInput, { description: 'The plan.' }) input: FundingInput,
    @Ctx() ctx: Context,
  ): Promise<Pilot> {
    const write = ctx.loaders.write;
    const pilot = await write.pilotOrRefuse(pilotId);
    const { actor } = await authorize(ctx, 'EDITOR', [pilot.areaUnitId]);
    await write.setFunding(pilot, input, actor);
    return reload(ctx, pilotId);
  }

  @Mutation(() => Pilot, { description: 'Records the approving decision; the pilot becomes APPROVED. Needs an APPROVER of the unit.' })
  async approvePilot(
    @Arg('pilotId', () => ID, { description: 'Pilot id.' }) pilotId: string,
    @Arg('approval', () => ApprovalInput, { description: 'The decision.' }) approval: ApprovalInput,
    @Ctx() ctx: Context,
  ): Promise<Pilot> {
    const write = ctx.loaders.write;
    const pilot = await write.pilotOrRefuse(pilotId);
    const { actor } = await authorize(ctx, 'APPROVER', [pilot.areaUnitId]);
    await write.approve(pilot, approval, actor);
    return reload(ctx, pilotId);
  }

  @Mutation(() => Pilot, {
    description: 'Replaces a smart-village pilot’s checklist values (seed 003 §III.5), all or none. Needs an EDITOR of the unit.',
  })
  async setVillageChecklist(
    @Arg('pilotId', () => ID, { description: 'Pilot id.' }) pilotId: string,
    @Arg('items', () => [ChecklistItemInput], { description: 'Values by requirement code.' }) items: ChecklistItemInput[],
    @Ctx() ctx: Context,
  ): Promise<Pilot> {
    const write = ctx.loaders.write;
    const pilot = await write.pilotOrRefuse(pilotId);
    const { actor } = await authorize(ctx, 'EDITOR', [pilot.areaUnitId]);
    await write.setChecklist(pilot, { items }, actor);
    return reload(ctx, pilotId);
  }
}
