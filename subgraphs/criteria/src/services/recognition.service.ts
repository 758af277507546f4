import type { EntityManager } from '@mikro-orm/postgresql';
import { userInputError } from '@ntm/kit';
import { RecognitionDecision } from '../entities/recognition-decision.entity';
import type { CriteriaCatalog } from './catalog';
import { findUnitProfileInForce } from '@ntm/admin-unit-contract';

export interface RecognitionRecord {
  unitCode: string;
  asOf?: string | null;
  setCode: string;
  decisionNumber: string;
  decidedOn: string;
  authority: string;
}

/** Records and reads recognition decisions: a dated legal act, kept apart from computed attainment. */
export class RecognitionService {
  constructor(
    private readonly em: EntityManager,
    private readonly catalog: () => Promise<CriteriaCatalog>,
  ) {}

  /** Decisions of many units (one statement), oldest first. */
  ofUnits(unitIds: readonly string[]): Promise<RecognitionDecision[]> {
    return this.em.find(RecognitionDecision, { unitId: { $in: [...unitIds] } }, { orderBy: [{ decidedOn: 'asc' }, { id: 'asc' }] });
  }

  async record(input: RecognitionRecord): Promise<RecognitionDecision> {
    const set = (await this.catalog()).set(input.setCode);
    if (!set) throw userInputError(`setCode: unknown criteria set "${input.setCode}"`, { field: 'setCode' });
    if (!input.decisionNumber.trim()) throw userInputError('decisionNumber: must not be empty', { field: 'decisionNumber' });
    if (!input.authority.trim()) throw userInputError('authority: must not be empty', { field: 'authority' });
    const date = input.asOf ?? input.decidedOn;
    const unit = await findUnitProfileInForce(this.em, input.unitCode, date);
    if (!unit) throw userInputError(`unitCode: no unit with code "${input.unitCode}" in the list in force on ${date}`, { field: 'unitCode' });
    if (unit.level !== set.level) {
      throw userInputError(`setCode: ${set.code} applies to ${set.level.toLowerCase()}s; unit "${input.unitCode}" is a ${unit.level.toLowerCase()}`, {
        field: 'setCode',
      });
    }
    // A decision number is never taken over: not from another unit, not from a generated decision.
    const taken = await this.em
      .getConnection()
      .execute<{ unit_id: string; generated: boolean }[]>(
        `select unit_id, generated from recognition_decision where decision_number = ? and (unit_id <> ? or generated) limit 1`,
        [input.decisionNumber.trim(), unit.unitId],
      );
    if (taken.length > 0) {
      const why = taken[0].generated ? 'belongs to a generated decision' : `is already recorded for unit ${taken[0].unit_id}`;
      throw userInputError(`decisionNumber: "${input.decisionNumber.trim()}" ${why}; it is not overwritten (use the decision's own number)`, {
        field: 'decisionNumber',
      });
    }
    const rows = await this.em.getConnection().execute<Record<string, unknown>[]>(
      `insert into recognition_decision (unit_id, set_code, decision_number, decided_on, authority, generated)
       values (?, ?, ?, ?, ?, false)
       on conflict (unit_id, set_code, decision_number) do update set decided_on = excluded.decided_on, authority = excluded.authority
         where not recognition_decision.generated
       returning *`,
      [unit.unitId, set.code, input.decisionNumber.trim(), input.decidedOn, input.authority.trim()],
    );
    if (!rows[0])
      throw userInputError(`decisionNumber: "${input.decisionNumber.trim()}" belongs to a generated decision; it is not overwritten`, {
        field: 'decisionNumber',
      });
    return this.em.map(RecognitionDecision, rows[0]);
  }
}
