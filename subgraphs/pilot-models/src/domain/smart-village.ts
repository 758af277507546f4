/**
 * The smart-village checklist (mô hình thôn thông minh), seed 003 §III.5 (Nghệ An plan 132/KH-UBND of
 * 03/03/2023): the requirements in `data/smart-village-requirements.csv`, evaluated per village pilot.
 *
 * Each item: MET / NOT_MET against its threshold; NO_DATA when no value is given, or when the value
 * meets the threshold but the item needs evidence (the commune decision setting up the digital team)
 * and none is given; NOT_APPLICABLE for traceability when the village has no products of its own
 * ("nếu có"). If whether the village has such products is unknown, traceability is evaluated.
 * The checklist is `complete` when every applicable item is MET.
 */
import type { VillageRequirementDef } from './catalogue';
import type { Evidence } from './lifecycle';
import { isIsoDate, PilotInputError, type FieldError } from './types';

export interface ChecklistInput {
  readonly value: boolean | number | null;
  readonly evidence?: Evidence | null;
  /** Where the value came from (survey, commune report…). */
  readonly source?: string | null;
}

export type ChecklistStatus = 'MET' | 'NOT_MET' | 'NO_DATA' | 'NOT_APPLICABLE';

export interface ChecklistItem {
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly status: ChecklistStatus;
  readonly value: boolean | number | null;
  readonly threshold: string;
  readonly evidence: Evidence | null;
  readonly source: string | null;
  readonly reason: string | null;
  /** The seed line the requirement comes from. */
  readonly requirementSource: string;
}

export interface Checklist {
  readonly items: readonly ChecklistItem[];
  readonly metCount: number;
  readonly applicableCount: number;
  readonly complete: boolean;
}

function meets(def: VillageRequirementDef, value: boolean | number): boolean {
  if (def.threshold.op === '=') return value === def.threshold.value;
  return (value as number) >= (def.threshold.value as number);
}

/**
 * Evaluates a village's checklist. `inputs` maps requirement codes to values; `hasProducts` says
 * whether the village has products of its own (null = unknown). Throws PilotInputError naming
 * `items.<code>…` for unknown codes, values of the wrong type, percentages outside 0..100.
 */
export function evaluateVillageChecklist(
  requirements: readonly VillageRequirementDef[],
  inputs: Readonly<Record<string, ChecklistInput>>,
  hasProducts: boolean | null = null,
): Checklist {
  const errors: FieldError[] = [];
  for (const [code, input] of Object.entries(inputs)) {
    const def = requirements.find((r) => r.code === code);
    const f = `items.${code}`;
    if (!def) {
      errors.push({ field: f, reason: `unknown requirement (one of ${requirements.map((r) => r.code).join(', ')})` });
      continue;
    }
    const v = input.value;
    if (v !== null) {
      if (def.measure === 'BOOLEAN' && typeof v !== 'boolean')
        errors.push({ field: `${f}.value`, reason: `${JSON.stringify(v)} is not true or false` });
      if (def.measure !== 'BOOLEAN' && (typeof v !== 'number' || !Number.isFinite(v) || v < 0))
        errors.push({ field: `${f}.value`, reason: `${JSON.stringify(v)} is not a non-negative number` });
      else if (def.measure === 'PERCENTAGE' && (v as number) > 100)
        errors.push({ field: `${f}.value`, reason: `${v} is not a percentage between 0 and 100` });
    }
    if (input.evidence) {
      if (!input.evidence.reference?.trim())
        errors.push({ field: `${f}.evidence.reference`, reason: 'the decision number or document title is required' });
      if (input.evidence.date != null && !isIsoDate(input.evidence.date))
        errors.push({ field: `${f}.evidence.date`, reason: `"${input.evidence.date}" is not a date YYYY-MM-DD` });
    }
  }
  if (errors.length) throw new PilotInputError(errors);

  const items = requirements.map((def): ChecklistItem => {
    const input = inputs[def.code];
    const value = input?.value ?? null;
    const evidence = input?.evidence ?? null;
    const base = {
      code: def.code,
      nameVi: def.nameVi,
      nameEn: def.nameEn,
      value,
      threshold: def.thresholdText,
      evidence,
      source: input?.source ?? null,
      requirementSource: def.source,
    };
    if (def.applies === 'IF_PRODUCTS' && hasProducts === false)
      return { ...base, status: 'NOT_APPLICABLE', reason: 'the village has no products of its own ("nếu có")' };
    if (value === null) return { ...base, status: 'NO_DATA', reason: 'no value' };
    if (!meets(def, value)) return { ...base, status: 'NOT_MET', reason: null };
    if (def.evidenceRequired && !evidence)
      return { ...base, status: 'NO_DATA', reason: 'met only with evidence (a decision or document reference), and none is given' };
    return { ...base, status: 'MET', reason: null };
  });
  const applicable = items.filter((i) => i.status !== 'NOT_APPLICABLE');
  const metCount = applicable.filter((i) => i.status === 'MET').length;
  return { items, metCount, applicableCount: applicable.length, complete: metCount === applicable.length };
}
