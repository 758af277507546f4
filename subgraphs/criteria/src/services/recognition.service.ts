import type { EntityManager } from '@mikro-orm/postgresql';
import { userInputError } from '@ntm/kit';
import type { RecognitionDecision } from '../entities/recognition-decision.entity';
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

/** Records recognition decisions: a dated legal act, kept apart from computed attainment. */
export class RecognitionService {
  constructor(private readonly em: EntityManager, private readonly catalog: CriteriaCatalog) {}

  async record(input: RecognitionRecord): Promise<RecognitionDecision> {
    const set = this.catalog.set(input.setCode);
    if (!set) throw userInputError(`setCode: unknown criteria set "${input.setCode}"`, { field: 'setCode' });
    if (!input.decisionNumber.trim()) throw userInputError('decisionNumber: must not be empty', { field: 'decisionNumber' });
    if (!input.authority.trim()) throw userInputError('authority: must not be empty', { field: 'authority' });
    const date = input.asOf ?? input.decidedOn;
    const unit = await findUnitProfileInForce(this.em, input.unitCode, date);
    if (!unit) throw userInputError(`unitCode: no unit with code "${input.unitCode}" in the list in force on ${date}`, { field: 'unitCode' });
    if (unit.level !== set.level) {
      throw userInputError(`setCode: ${set.code} applies to ${set.level.toLowerCase()}s; unit "${input.unitCode}" is a ${unit.level.toLowerCase()}`, { field: 'setCode' });
    }
    const rows = await this.em.getConnection().execute<RecognitionDecision[]>(
      `insert into recognition_decision (unit_id, set_code, decision_number, decided_on, authority, generated)
       values (?, ?, ?, ?, ?, false)
       on conflict (unit_id, set_code, decision_number) do update set decided_on = excluded.decided_on, authority = excluded.authority
       returning id, unit_id as "unitId", set_code as "setCode", decision_number as "decisionNumber", decided_on as "decidedOn", authority, generated`,
      [unit.unitId, set.code, input.decisionNumber.trim(), input.decidedOn, input.authority.trim()],
    );
    return rows[0];
  }
}
