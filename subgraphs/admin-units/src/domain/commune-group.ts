import type { AreaAttributes } from './area-attributes';

/**
 * Commune group (xã nhóm) of the 2026–2030 national NTM commune set, Decision 51/2025/QĐ-TTg
 * of 29/12/2025 (in force 15/02/2026). Thresholds of Appendix I differ by group.
 *
 * What the decision says (as reported by thoibaotaichinhvietnam.vn 189751 and vneconomy.vn,
 * 30/12/2025; the decision's own article on groups could not be read, see
 * subgraphs/criteria/data/sources/qd-51-2025.md):
 *   - group 1 (xã nhóm 1): a commune next to an existing city/town (đô thị hiện hữu) and
 *     oriented to become urban; or whose agriculture is under 10% of its economy; or that is
 *     planned to become a new urban area (xã được định hướng là đô thị mới);
 *   - group 3 (xã nhóm 3): communes of region II and region III (xã khu vực II, III) in the
 *     ethnic-minority and mountain areas (vùng đồng bào dân tộc thiểu số và miền núi), as
 *     classified by the competent authority under the rules in force;
 *   - group 2: every commune in neither group 1 nor group 3.
 * Who assigns a commune to group 1 or 2 (presumably the province, from planning and economic
 * data) was not found in any text read; the region I/II/III classification is a separate,
 * official decision. Neither list is available to this project.
 *
 * So this is GENERATED, not official: a deterministic rule over what admin-units knows about a
 * unit of the current (2025-07-01) list — its kind and its generated area attributes
 * (`generateAreaAttributes`, themselves generated):
 *   1. ward (Phường) → group 1 (rule `ward-urban`): a ward is urban; the decision's group 1 is
 *      the urban-like group. Wards are not NTM communes, so this only matters if a ward is
 *      assessed at all;
 *   2. commune (Xã) or special zone (Đặc khu) in an ethnic-minority area AND mountainous →
 *      group 3 (rule `em-mountain-proxy`): the stand-in for "region II/III of the EM and mountain
 *      areas" (region I communes, the least disadvantaged, cannot be told apart and may be
 *      misplaced here);
 *   3. any other commune or special zone → group 2 (rule `default-group-2`): group 1 needs
 *      planning and economic-structure facts admin-units does not have, so no commune is put in
 *      group 1 by this rule.
 * Units of other lists or kinds (pre-reform districts, towns, quận…) get null: the groups exist
 * only for the 2026–2030 set, which applies to the current list.
 */
export type CommuneGroup = 1 | 2 | 3;

export interface CommuneGroupAssignment {
  readonly group: CommuneGroup;
  /** `GENERATED:<rule name>`: generated data says so. */
  readonly source: `GENERATED:${CommuneGroupRule}`;
  /** The rule in words. */
  readonly rule: string;
}

export type CommuneGroupRule = 'ward-urban' | 'em-mountain-proxy' | 'default-group-2';

export const COMMUNE_GROUP_RULES: Readonly<Record<CommuneGroupRule, string>> = {
  'ward-urban': 'ward (phường) → group 1: urban unit (generated, not an official assignment)',
  'em-mountain-proxy':
    'commune or special zone in an ethnic-minority area and mountainous → group 3: stand-in for region II/III communes of the ethnic-minority and mountain areas (generated, not an official assignment)',
  'default-group-2':
    'other commune or special zone → group 2: group 1 (next to a city, agriculture < 10%, planned urban) cannot be told from the data (generated, not an official assignment)',
};

/** The list the groups apply to. */
export const COMMUNE_GROUP_LIST_ID = '2025-07-01';

function assign(group: CommuneGroup, rule: CommuneGroupRule): CommuneGroupAssignment {
  return { group, source: `GENERATED:${rule}`, rule: COMMUNE_GROUP_RULES[rule] };
}

/**
 * The generated commune group of a unit of the 2025-07-01 list, or null for other lists and for
 * kinds other than Phường / Xã / Đặc khu… Deterministic in its arguments.
 */
export function generateCommuneGroup(
  unit: { kind: string; listId: string; level?: string },
  area: Pick<AreaAttributes, 'ethnicMinorityArea' | 'mountainous'>,
): CommuneGroupAssignment | null {
  if (unit.listId !== COMMUNE_GROUP_LIST_ID) return null;
  if (unit.level !== undefined && unit.level !== 'COMMUNE') return null;
  const kind = unit.kind.normalize('NFC').trim();
  if (kind === 'Phường') return assign(1, 'ward-urban');
  if (kind === 'Xã' || kind.startsWith('Đặc khu')) {
    return area.ethnicMinorityArea && area.mountainous ? assign(3, 'em-mountain-proxy') : assign(2, 'default-group-2');
  }
  return null;
}

/** The rule in words for a `communeGroupSource` (null for CORRECTED or no group). */
export function communeGroupRuleOf(source: string | null): string | null {
  if (!source?.startsWith('GENERATED:')) return null;
  return COMMUNE_GROUP_RULES[source.slice('GENERATED:'.length) as CommuneGroupRule] ?? null;
}

/** The source of a group an ADMIN set (the correction itself is in the audit trail). */
export const CORRECTED_SOURCE = 'CORRECTED';

/** The longest reason a correction may carry. */
export const MAX_REASON_LENGTH = 1000;

/** What is wrong with a correction before any unit is read: the field and the reason, or null. */
export function checkCommuneGroupCorrection(input: { group: number; reason: string }): { field: 'group' | 'reason'; message: string } | null {
  if (!Number.isInteger(input.group) || input.group < 1 || input.group > 3)
    return { field: 'group', message: `group: a commune group is 1, 2 or 3, got ${input.group}` };
  const reason = input.reason.trim();
  if (reason === '') return { field: 'reason', message: 'reason: say why the group changes (e.g. the provincial decision that assigns it)' };
  if (reason.length > MAX_REASON_LENGTH) return { field: 'reason', message: `reason: at most ${MAX_REASON_LENGTH} characters, got ${reason.length}` };
  return null;
}

/**
 * Whether a unit can have a commune group at all: a commune-level unit (xã, phường, đặc khu) of
 * the list from 2025-07-01. Null when it can, else why not.
 */
export function whyNoCommuneGroup(unit: { id: string; level: string; listId: string }): string | null {
  if (unit.listId !== COMMUNE_GROUP_LIST_ID)
    return `${unit.id} is a unit of the list ${unit.listId}; commune groups exist only on the list from ${COMMUNE_GROUP_LIST_ID}`;
  if (unit.level !== 'COMMUNE') return `${unit.id} is a ${unit.level.toLowerCase()}; commune groups are for communes, wards and special zones`;
  return null;
}
