import { checkPageSize, decodeOffsetCursor, offsetConnection, connectionTypes, type Connection } from '@ntm/kit';
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { evaluateVillageChecklist, scheduleOf, summariseFunding, type Schedule } from '../domain';
import { Pilot } from '../entities/pilot.entity';
import { catalogue, todayIso } from '../services/catalogue';
import { toFundingPlan, toStepRecord } from '../services/mapping';
import { PilotFilter } from './inputs/pilot.inputs';
import { PilotStageEnum, ScheduleStatusEnum } from './types/enums';
import {
  ApprovalDecisionType,
  ChecklistItemType,
  FieldProblem,
  FundingLineType,
  FundingTotal,
  PilotAdminUnit,
  PilotStep,
  PilotSummaryRow,
} from './types/pilot.types';

export const { ConnectionType: PilotModelConnection } = connectionTypes(Pilot, 'PilotModel', 'pilot model');

async function stepsOf(pilot: Pilot, ctx: Context) {
  const rows = await ctx.loaders.steps.load(pilot.id);
  return catalogue()
    .lifecycle.map((d) => rows.find((r) => r.code === d.code))
    .filter((r) => r !== undefined)
    .map(toStepRecord);
}

async function scheduleFor(pilot: Pilot, ctx: Context): Promise<Schedule> {
  return scheduleOf(await stepsOf(pilot, ctx), catalogue(), todayIso());
}

async function fundingSummary(pilot: Pilot, ctx: Context) {
  const plan = toFundingPlan(pilot, await ctx.loaders.funding.load(pilot.id));
  return plan ? summariseFunding(plan) : null;
}

@Resolver(() => Pilot)
export class PilotResolver {
  @Query(() => PilotModelConnection, {
    description:
      'Pilot models, filtered by area, kind, status, stage; cursor-paginated, ordered by id (real first batch, generated, then recorded through the API).',
  })
  async pilotModels(
    @Arg('filter', () => PilotFilter, { nullable: true, description: 'Filters; all pilots when omitted.' }) filter: PilotFilter | null,
    @Arg('first', () => Int, { defaultValue: 50, description: 'Page size, at most 500.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last item of the previous page.' }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<Pilot>> {
    const size = checkPageSize(first);
    const offset = decodeOffsetCursor(after);
    const { rows, total } = await ctx.loaders.read.page(filter ?? {}, offset, size + 1);
    return offsetConnection(rows, offset, size, total);
  }

  @Query(() => Pilot, { nullable: true, description: 'One pilot model by id.' })
  pilotModel(@Arg('id', () => ID, { description: 'Pilot id.' }) id: string, @Ctx() ctx: Context): Promise<Pilot | null> {
    return ctx.loaders.pilot.load(id);
  }

  @Query(() => [PilotSummaryRow], {
    description: 'How many pilots of each kind are at each stage, within an area (by official code on either list) or everywhere.',
  })
  pilotSummary(
    @Arg('within', () => String, { nullable: true, description: 'Area code, e.g. "40"; everywhere when omitted.' }) within: string | null,
    @Ctx() ctx: Context,
  ): Promise<PilotSummaryRow[]> {
    return ctx.loaders.read.summary(within);
  }

  @Query(() => [Pilot], {
    description:
      'Pilots behind schedule today (a step not completed after its central-plan deadline, in a pilot with recorded progress), most days behind first.',
  })
  async pilotsBehindSchedule(
    @Arg('within', () => String, { nullable: true, description: 'Area code, e.g. "40"; everywhere when omitted.' }) within: string | null,
    @Arg('first', () => Int, { defaultValue: 50, description: 'How many, at most 500.' }) first: number,
    @Ctx() ctx: Context,
  ): Promise<Pilot[]> {
    const rows = await ctx.loaders.read.behind(within, checkPageSize(first), todayIso());
    for (const r of rows) ctx.loaders.pilot.prime(r.pilot.id, r.pilot);
    return rows.map((r) => r.pilot);
  }

  @FieldResolver(() => PilotAdminUnit, {
    description:
      'The unit the pilot is built in, as it was (a pilot of the first batch keeps its 2024 commune, e.g. "19894@2025-03-01"); names and hierarchy from admin-units.',
  })
  unit(@Root() pilot: Pilot): PilotAdminUnit {
    return Object.assign(new PilotAdminUnit(), { id: pilot.unitId });
  }

  @FieldResolver(() => [PilotAdminUnit], {
    description: 'Today’s units the pilot’s unit went into on 2025-07-01 (its lineage); empty when the unit is on today’s list or is a village.',
  })
  async currentUnits(@Root() pilot: Pilot, @Ctx() ctx: Context): Promise<PilotAdminUnit[]> {
    const row = await ctx.loaders.successors.load(pilot.areaUnitId);
    if (pilot.unitLevel === 'VILLAGE') return [];
    return (row?.successor_ids ?? []).map((id) => Object.assign(new PilotAdminUnit(), { id }));
  }

  @FieldResolver(() => String, { description: 'Name of the unit when the pilot was recorded.' })
  unitName(@Root() pilot: Pilot): string {
    return pilot.unitName;
  }

  @FieldResolver(() => ApprovalDecisionType, { nullable: true, description: 'The approving decision; null when none is recorded.' })
  approval(@Root() pilot: Pilot): ApprovalDecisionType | null {
    if (!pilot.approvalNumber || !pilot.approvalDate) return null;
    return { number: pilot.approvalNumber, date: pilot.approvalDate, authority: pilot.approvalAuthority ?? '' };
  }

  @FieldResolver(() => [PilotStep], {
    description: 'The 14 lifecycle steps (seed 001) with planned and actual dates, evidence, and the central-plan deadline that applies (seed 000).',
  })
  async steps(@Root() pilot: Pilot, @Ctx() ctx: Context): Promise<PilotStep[]> {
    const records = await stepsOf(pilot, ctx);
    const schedule = scheduleOf(records, catalogue(), todayIso());
    return catalogue().lifecycle.flatMap((d) => {
      const r = records.find((x) => x.code === d.code);
      const s = schedule.steps.find((x) => x.code === d.code)!;
      if (!r) return [];
      return [
        {
          code: d.code,
          phase: d.phase,
          order: d.order,
          nameVi: d.nameVi,
          nameEn: d.nameEn,
          state: r.completedOn ? 'COMPLETED' : r.startedOn ? 'IN_PROGRESS' : 'NOT_STARTED',
          plannedOn: r.plannedOn,
          startedOn: r.startedOn,
          completedOn: r.completedOn,
          evidence: r.evidence
            ? { kind: r.evidence.kind, reference: r.evidence.reference, date: r.evidence.date ?? null, authority: r.evidence.authority ?? null }
            : null,
          centralStep: s.centralStep,
          deadline: s.deadline,
          timing: s.timing,
          daysLate: s.daysLate,
        },
      ];
    });
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      'On schedule against the central plan today: false when a step is overdue; null when no progress is recorded (unknown, e.g. the first batch, whose dates are not public).',
  })
  async onSchedule(@Root() pilot: Pilot, @Ctx() ctx: Context): Promise<boolean | null> {
    const s = await scheduleFor(pilot, ctx);
    return s.status === 'UNKNOWN' ? null : s.status === 'ON_SCHEDULE';
  }

  @FieldResolver(() => ScheduleStatusEnum, { description: 'ON_SCHEDULE, BEHIND or UNKNOWN against the central plan today.' })
  async scheduleStatus(@Root() pilot: Pilot, @Ctx() ctx: Context): Promise<string> {
    return (await scheduleFor(pilot, ctx)).status;
  }

  @FieldResolver(() => Int, { description: 'Days the most overdue step is past its deadline today; 0 when none is overdue.' })
  async daysBehind(@Root() pilot: Pilot, @Ctx() ctx: Context): Promise<number> {
    return (await scheduleFor(pilot, ctx)).daysBehind;
  }

  @FieldResolver(() => [String], { description: 'Codes of the steps overdue today.' })
  async overdueSteps(@Root() pilot: Pilot, @Ctx() ctx: Context): Promise<string[]> {
    return [...(await scheduleFor(pilot, ctx)).overdue];
  }

  @FieldResolver(() => [FundingLineType], {
    description: 'Funding lines by source, VND; empty when the funding is not known (the first batch: not public).',
  })
  async funding(@Root() pilot: Pilot, @Ctx() ctx: Context): Promise<FundingLineType[]> {
    const summary = await fundingSummary(pilot, ctx);
    return (summary?.bySource ?? []).map((s) => ({
      source: s.source,
      planned: s.planned,
      disbursed: s.disbursed,
      plannedShareBp: s.plannedShareBp,
      disbursementRateBp: s.disbursementRateBp,
    }));
  }

  @FieldResolver(() => FundingTotal, { nullable: true, description: 'Totals of the funding plan; null when the funding is not known.' })
  async fundingTotal(@Root() pilot: Pilot, @Ctx() ctx: Context): Promise<FundingTotal | null> {
    const s = await fundingSummary(pilot, ctx);
    return (
      s && {
        planned: s.totalPlanned,
        disbursed: s.totalDisbursed,
        declared: s.declaredTotal,
        stateBudget: s.stateBudgetPlanned,
        socialised: s.socialisedPlanned,
      }
    );
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      'True when the funding plan adds up (no line disbursed beyond plan, lines add up to the stated total, no negative amounts, one line per source); null when the funding is not known.',
  })
  async fundingBalanced(@Root() pilot: Pilot, @Ctx() ctx: Context): Promise<boolean | null> {
    return (await fundingSummary(pilot, ctx))?.balanced ?? null;
  }

  @FieldResolver(() => [FieldProblem], {
    description: 'Why the funding plan does not add up, and warnings (e.g. no socialised funding, which seed 000 asks for), each naming its field.',
  })
  async fundingProblems(@Root() pilot: Pilot, @Ctx() ctx: Context): Promise<FieldProblem[]> {
    const s = await fundingSummary(pilot, ctx);
    return s ? [...s.problems, ...s.warnings.map((w) => ({ field: w.field, reason: `warning: ${w.reason}` }))] : [];
  }

  @FieldResolver(() => [ChecklistItemType], {
    nullable: true,
    description: 'For a smart-village pilot, the requirements of seed 003 §III.5 with what is recorded; null for other kinds.',
  })
  async villageChecklist(@Root() pilot: Pilot, @Ctx() ctx: Context): Promise<ChecklistItemType[] | null> {
    if (pilot.kind !== 'SMART_VILLAGE') return null;
    const reqs = catalogue().villageRequirements;
    const rows = await ctx.loaders.checklist.load(pilot.id);
    const inputs = Object.fromEntries(
      rows.map((r) => {
        const def = reqs.find((d) => d.code === r.code);
        const value = r.value === null ? null : def?.measure === 'BOOLEAN' ? r.value === 'true' : Number(r.value);
        return [
          r.code,
          { value, evidence: r.evidenceReference ? { kind: 'DOCUMENT' as const, reference: r.evidenceReference } : null, source: r.source },
        ];
      }),
    );
    return evaluateVillageChecklist(reqs, inputs, null).items.map((i) => ({
      code: i.code,
      nameVi: i.nameVi,
      nameEn: i.nameEn,
      status: i.status,
      value: i.value === null ? null : String(i.value),
      threshold: i.threshold,
      evidence: i.evidence?.reference ?? null,
      reason: i.reason,
      requirementSource: i.requirementSource,
    }));
  }
}

export { PilotStageEnum };
