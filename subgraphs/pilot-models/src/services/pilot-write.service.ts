import type { Knex } from '@mikro-orm/postgresql';
import { userInputError } from '@ntm/kit';
import { randomUUID } from 'node:crypto';
import {
  applyStep,
  checkApproval,
  checkTopicGroups,
  checkUnitLevel,
  deriveStage,
  evaluateVillageChecklist,
  initialSteps,
  checkUnitList,
  isPilotKind,
  summariseFunding,
  type ApprovalDecision,
  type Evidence,
  type FieldError,
  type FundingLine,
  type FundingSource,
  type PilotKind,
  type StepAction,
  type StepRecord,
  type UnitLevel,
} from '../domain';
import { catalogue, todayIso } from './catalogue';
import { stepColumns } from './mapping';

export interface FundingInputValues {
  lines: { source: string; planned: bigint; disbursed: bigint }[];
  declaredTotal?: bigint | null;
}
export interface CreatePilotValues {
  kind: string;
  unitId: string;
  topicGroups?: string[] | null;
  plannedSteps?: { step: string; date: string }[] | null;
  funding?: FundingInputValues | null;
}
export interface StepMoveValues {
  step: string;
  action: 'PLAN' | 'START' | 'COMPLETE';
  date: string;
  evidence?: Evidence | null;
}
export interface ChecklistValues {
  items: { code: string; value?: string | null; evidenceReference?: string | null; source?: string | null }[];
}

/** The unit a pilot is built in, as this subgraph knows it (replica, or the pulled villages). */
export interface UnitFacts {
  unitId: string;
  level: UnitLevel;
  name: string;
  areaUnitId: string;
  provinceCode: string | null;
}

/** Refuses a write: one BAD_USER_INPUT error naming every field (and row), nothing written. */
export function refuse(errors: readonly FieldError[], rowOf?: (e: FieldError) => number | null) {
  return userInputError(errors.map((e) => `${e.field}: ${e.reason}`).join('; '), {
    field: errors[0]?.field,
    errors: errors.map((e) => ({ ...(rowOf && rowOf(e) !== null ? { row: rowOf(e) } : {}), field: e.field, reason: e.reason })),
  });
}

/** The row index in a field like "funding.lines[2].planned" (for batch errors). */
export const rowOfLines = (e: FieldError): number | null => {
  const m = /lines\[(\d+)\]/.exec(e.field);
  return m ? Number(m[1]) : null;
};

/** What a write needs to know of a pilot. */
export interface PilotHead {
  id: string;
  kind: string;
  status: string;
  areaUnitId: string;
  approvalNumber: string | null;
  approvalDate: string | null;
}

/**
 * Writes: each checked in full by the pure domain first, then written in one transaction with who and when.
 * Plain SQL over knex (no ORM entities), so the same service runs on any connection to the schema.
 */
export class PilotWriteService {
  constructor(private readonly knex: Knex) {}

  private async rows<T>(sql: string, params: unknown[], trx: Knex | Knex.Transaction = this.knex): Promise<T[]> {
    return (await trx.raw<{ rows: T[] }>(sql, params as Knex.RawBinding[])).rows;
  }

  /** The unit a pilot would be built in: from the replica (province, district, commune) or the villages table. */
  async unitFacts(unitId: string): Promise<UnitFacts | null> {
    const [row] = await this.rows<{ unit_id: string; level: string; name: string; area: string; province: string | null }>(
      `select u.unit_id, u.level, u.name, u.unit_id as area, (select p.code from unit_profile p where p.unit_id = u.ancestor_ids[1]) as province
         from unit_profile u where u.unit_id = ?
       union all
       select v.unit_id, 'VILLAGE', v.name, v.commune_unit_id, (select p.code from unit_profile c join unit_profile p on p.unit_id = c.ancestor_ids[1] where c.unit_id = v.commune_unit_id)
         from village_profile v where v.unit_id = ?`,
      [unitId, unitId],
    );
    if (!row) return null;
    const level = row.level as UnitLevel;
    return {
      unitId: row.unit_id,
      level,
      name: row.name,
      areaUnitId: row.area,
      provinceCode: level === 'PROVINCE' ? row.unit_id.split('@')[0] : row.province,
    };
  }

  /** Checks a new pilot; returns what to write, or throws naming every bad field. */
  async checkCreate(input: CreatePilotValues): Promise<{ unit: UnitFacts; steps: StepRecord[]; funding: FundingInputValues | null }> {
    const cat = catalogue();
    const errors: FieldError[] = [];
    if (!isPilotKind(input.kind)) throw refuse([{ field: 'kind', reason: `"${input.kind}" is not a pilot kind` }]);
    const kind: PilotKind = input.kind;
    const unit = await this.unitFacts(input.unitId);
    if (!unit) errors.push({ field: 'unitId', reason: `no unit ${input.unitId} (a key "<code>@<list>", e.g. "19894@2025-03-01")` });
    else {
      const level = checkUnitLevel(kind, { id: unit.unitId, level: unit.level });
      if (level) errors.push(level);
      const list = checkUnitList(kind, unit.unitId);
      if (list) errors.push(list);
    }
    errors.push(...checkTopicGroups(kind, input.topicGroups ?? [], cat.topicGroups));
    let steps = initialSteps(cat.lifecycle);
    (input.plannedSteps ?? []).forEach((p, i) => {
      const r = applyStep(steps, { action: 'PLAN', step: p.step, date: p.date }, { lifecycle: cat.lifecycle, today: todayIso() });
      if (r.ok) steps = r.steps;
      else errors.push(...r.errors.map((e) => ({ field: `plannedSteps[${i}].${e.field}`, reason: e.reason })));
    });
    if (input.funding) errors.push(...this.fundingProblems(input.funding).map((e) => ({ field: `funding.${e.field}`, reason: e.reason })));
    if (errors.length) throw refuse(errors, rowOfLines);
    return { unit: unit!, steps, funding: input.funding ?? null };
  }

  private fundingProblems(funding: FundingInputValues): FieldError[] {
    const lines: FundingLine[] = funding.lines.map((l) => ({ source: l.source as FundingSource, planned: l.planned, disbursed: l.disbursed }));
    return [...summariseFunding({ lines, declaredTotal: funding.declaredTotal ?? null }).problems];
  }

  /** Creates a pilot with every lifecycle step (not started) and its funding plan, all or nothing. */
  async create(input: CreatePilotValues, checked: Awaited<ReturnType<PilotWriteService['checkCreate']>>, actor: string): Promise<string> {
    const id = `P-${randomUUID()}`;
    const { unit, steps, funding } = checked;
    await this.knex.transaction(async (trx) => {
      await trx('pilot').insert({
        id,
        kind: input.kind,
        unit_id: unit.unitId,
        unit_level: unit.level,
        unit_name: unit.name,
        area_unit_id: unit.areaUnitId,
        province_code: unit.provinceCode,
        topic_groups: input.topicGroups?.length
          ? input.topicGroups
          : input.kind === 'SMART_COMMUNE' || input.kind === 'ECOMMERCE_COMMUNE'
            ? (input.topicGroups ?? [])
            : null,
        status: 'PROPOSED',
        stage: deriveStage(steps, catalogue().lifecycle),
        declared_total: funding?.declaredTotal?.toString() ?? null,
        generated: false,
        source: `recorded through the API by ${actor}`,
        note: null,
        created_by: actor,
        updated_by: actor,
      });
      await trx('pilot_step').insert(steps.map((s) => stepColumns(id, s, actor)));
      if (funding?.lines.length)
        await trx('funding_line').insert(
          funding.lines.map((l) => ({
            pilot_id: id,
            source: l.source,
            planned: l.planned.toString(),
            disbursed: l.disbursed.toString(),
            updated_by: actor,
          })),
        );
      await this.record(
        trx,
        id,
        'CREATE',
        { kind: input.kind, unitId: unit.unitId, topicGroups: input.topicGroups ?? null, funding: funding ? jsonFunding(funding) : null },
        actor,
      );
    });
    return id;
  }

  /** The pilot, or a NOT-found refusal naming `pilotId`. */
  async pilotOrRefuse(pilotId: string): Promise<PilotHead> {
    const [pilot] = await this.rows<PilotHead>(
      `select id, kind, status, area_unit_id as "areaUnitId", approval_number as "approvalNumber", approval_date as "approvalDate" from pilot where id = ?`,
      [pilotId],
    );
    if (!pilot) throw refuse([{ field: 'pilotId', reason: `no pilot "${pilotId}"` }]);
    return pilot;
  }

  /** Moves one step (plan, start, complete), checked by the lifecycle state machine; refreshes the stage. */
  async moveStep(pilot: PilotHead, move: StepMoveValues, actor: string): Promise<void> {
    const cat = catalogue();
    await this.knex.transaction(async (trx) => {
      // Serialise moves of one pilot: the check below reads the steps this transaction then writes.
      await trx.raw('select id from pilot where id = ? for update', [pilot.id]);
      const rows = await this.rows<{
        code: string;
        planned_on: string | null;
        started_on: string | null;
        completed_on: string | null;
        evidence_kind: string | null;
        evidence_reference: string | null;
        evidence_date: string | null;
        evidence_authority: string | null;
      }>('select * from pilot_step where pilot_id = ?', [pilot.id], trx);
      const steps: StepRecord[] = cat.lifecycle
        .flatMap((d) => rows.filter((r) => r.code === d.code))
        .map((r) => ({
          code: r.code,
          plannedOn: r.planned_on,
          startedOn: r.started_on,
          completedOn: r.completed_on,
          evidence: r.evidence_reference
            ? {
                kind: (r.evidence_kind ?? 'DOCUMENT') as Evidence['kind'],
                reference: r.evidence_reference,
                date: r.evidence_date,
                authority: r.evidence_authority,
              }
            : null,
        }));
      const action = { action: move.action, step: move.step, date: move.date, evidence: move.evidence ?? null } as StepAction;
      const result = applyStep(steps, action, { lifecycle: cat.lifecycle, today: todayIso() });
      if (!result.ok) throw refuse(result.errors);
      const changed = result.steps.find((s) => s.code === move.step)!;
      const { pilot_id: _p, code: _c, ...columns } = stepColumns(pilot.id, changed, actor);
      await trx('pilot_step')
        .where({ pilot_id: pilot.id, code: move.step })
        .update({ ...columns, updated_at: trx.fn.now() });
      await trx('pilot')
        .where({ id: pilot.id })
        .update({ stage: deriveStage(result.steps, cat.lifecycle), updated_by: actor, updated_at: trx.fn.now() });
      await this.record(trx, pilot.id, 'STEP', { ...move }, actor);
    });
  }

  /** Replaces the funding plan as a whole (every line, or none when any is refused). */
  async setFunding(pilot: PilotHead, funding: FundingInputValues, actor: string): Promise<void> {
    const problems = this.fundingProblems(funding);
    if (problems.length) throw refuse(problems, rowOfLines);
    await this.knex.transaction(async (trx) => {
      await trx('funding_line').where({ pilot_id: pilot.id }).delete();
      await trx('funding_line').insert(
        funding.lines.map((l) => ({
          pilot_id: pilot.id,
          source: l.source,
          planned: l.planned.toString(),
          disbursed: l.disbursed.toString(),
          updated_by: actor,
        })),
      );
      await trx('pilot')
        .where({ id: pilot.id })
        .update({ declared_total: funding.declaredTotal?.toString() ?? null, updated_by: actor, updated_at: trx.fn.now() });
      await this.record(trx, pilot.id, 'FUNDING', jsonFunding(funding), actor);
    });
  }

  /** Records the approving decision; the pilot becomes APPROVED. */
  async approve(pilot: PilotHead, approval: ApprovalDecision, actor: string): Promise<void> {
    const errors = checkApproval(approval, todayIso());
    if (pilot.status === 'CANCELLED') errors.push({ field: 'pilotId', reason: `${pilot.id} is CANCELLED` });
    if (pilot.status === 'APPROVED')
      errors.push({ field: 'pilotId', reason: `${pilot.id} is already APPROVED (${pilot.approvalNumber}, ${pilot.approvalDate})` });
    if (errors.length) throw refuse(errors);
    await this.knex.transaction(async (trx) => {
      await trx('pilot').where({ id: pilot.id }).update({
        approval_number: approval.number.trim(),
        approval_date: approval.date,
        approval_authority: approval.authority.trim(),
        status: 'APPROVED',
        updated_by: actor,
        updated_at: trx.fn.now(),
      });
      await this.record(trx, pilot.id, 'APPROVE', { ...approval }, actor);
    });
  }

  /** Replaces a smart-village pilot's checklist values (checked against the requirements first). */
  async setChecklist(pilot: PilotHead, input: ChecklistValues, actor: string): Promise<void> {
    if (pilot.kind !== 'SMART_VILLAGE')
      throw refuse([{ field: 'pilotId', reason: `${pilot.id} is a ${pilot.kind} pilot; only SMART_VILLAGE pilots have the checklist` }]);
    const reqs = catalogue().villageRequirements;
    const errors: FieldError[] = [];
    const inputs: Record<string, { value: boolean | number | null }> = {};
    input.items.forEach((item, i) => {
      const def = reqs.find((r) => r.code === item.code);
      if (!def)
        return errors.push({
          field: `items[${i}].code`,
          reason: `unknown requirement "${item.code}" (one of ${reqs.map((r) => r.code).join(', ')})`,
        });
      if (inputs[item.code]) return errors.push({ field: `items[${i}].code`, reason: `"${item.code}" is listed twice` });
      const raw = item.value?.trim() ?? null;
      const value =
        raw === null || raw === '' ? null : def.measure === 'BOOLEAN' ? (raw === 'true' ? true : raw === 'false' ? false : NaN) : Number(raw);
      if (typeof value === 'number' && !Number.isFinite(value))
        errors.push({ field: `items[${i}].value`, reason: `"${raw}" is not ${def.measure === 'BOOLEAN' ? 'true or false' : 'a number'}` });
      inputs[item.code] = { value: typeof value === 'number' && !Number.isFinite(value) ? null : value };
    });
    if (errors.length) throw refuse(errors);
    try {
      evaluateVillageChecklist(reqs, inputs, null);
    } catch (e) {
      const bad = (e as { errors?: FieldError[] }).errors;
      if (bad)
        throw refuse(
          bad.map((b) => ({
            field: b.field.replace(/^items\.([^.]+)/, (_m, code: string) => `items[${input.items.findIndex((x) => x.code === code)}]`),
            reason: b.reason,
          })),
        );
      throw e;
    }
    await this.knex.transaction(async (trx) => {
      await trx('village_checklist_item').where({ pilot_id: pilot.id }).delete();
      if (input.items.length) {
        await trx('village_checklist_item').insert(
          input.items.map((it) => ({
            pilot_id: pilot.id,
            code: it.code,
            value: it.value ?? null,
            evidence_reference: it.evidenceReference ?? null,
            source: it.source ?? null,
            updated_by: actor,
          })),
        );
      }
      await trx('pilot').where({ id: pilot.id }).update({ updated_by: actor, updated_at: trx.fn.now() });
      await this.record(trx, pilot.id, 'CHECKLIST', { ...input }, actor);
    });
  }

  private async record(trx: Knex.Transaction, pilotId: string, action: string, detail: unknown, actor: string): Promise<void> {
    await trx('pilot_change').insert({ pilot_id: pilotId, action, detail: JSON.stringify(detail), actor });
  }
}

function jsonFunding(f: FundingInputValues) {
  return {
    lines: f.lines.map((l) => ({ source: l.source, planned: l.planned.toString(), disbursed: l.disbursed.toString() })),
    declaredTotal: f.declaredTotal?.toString() ?? null,
  };
}
