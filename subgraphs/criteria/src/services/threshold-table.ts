import type { CatalogIndicator } from './catalog';
import { selectBranchOutcome } from '../domain/threshold-rule';
import { COMMUNE_GROUPS, REGIONS, type CommuneGroup, type Region, type UnitAttributes } from '../domain/types';

/**
 * Threshold rules depend only on a unit's region, three flags and its commune group (xã nhóm,
 * 2026–2030 set; unknown = null), so for one year every rule has at most 8 × 8 × 4 = 256
 * outcomes. This expands each indicator's rule over all those profiles with the same pure
 * evaluator the per-unit assessment uses, giving SQL a lookup table: the roll-up then evaluates
 * every unit × indicator set-based, and agrees with the per-unit answer.
 */
export interface ThresholdTable {
  indicatorIds: number[];
  profiles: string[];
  /**
   * '>=', '>', '<=', '<', '=' (numeric), 'bool', 'cat', 'NA' (no branch applies), 'NR' (no rule),
   * 'NG' (the rule needs the commune group and the profile has none: an unknown requirement).
   */
  ops: string[];
  targets: (number | null)[];
  /** Category targets joined by U+001F. */
  texts: (string | null)[];
}

/** SQL text of the unit's commune group (1, 2, 3 or '' when unknown), for `PROFILE_SQL`. */
export const COMMUNE_GROUP_SQL = `coalesce(u.commune_group::text, '')`;

/** SQL expression of a unit profile's key, matching `profileKey`. */
export const PROFILE_SQL = `coalesce(u.region, '') || ':' || (u.ethnic_minority_area::int)::text || (u.mountainous::int)::text || (u.island::int)::text || ':' || ${COMMUNE_GROUP_SQL}`;

export function profileKey(a: UnitAttributes): string {
  return `${a.region ?? ''}:${+a.ethnicMinorityArea}${+a.mountainous}${+a.island}:${a.communeGroup ?? ''}`;
}

export function allProfiles(): UnitAttributes[] {
  const profiles: UnitAttributes[] = [];
  for (const region of [...REGIONS, null] as (Region | null)[]) {
    for (let flags = 0; flags < 8; flags++) {
      for (const communeGroup of [...COMMUNE_GROUPS, null] as (CommuneGroup | null)[]) {
        profiles.push({ region, ethnicMinorityArea: (flags & 4) !== 0, mountainous: (flags & 2) !== 0, island: (flags & 1) !== 0, communeGroup });
      }
    }
  }
  return profiles;
}

export function buildThresholdTable(indicators: CatalogIndicator[], year: number): ThresholdTable {
  const table: ThresholdTable = { indicatorIds: [], profiles: [], ops: [], targets: [], texts: [] };
  const profiles = allProfiles();
  for (const ind of indicators) {
    for (const profile of profiles) {
      table.indicatorIds.push(ind.id);
      table.profiles.push(profileKey(profile));
      const outcome = ind.def.rule ? selectBranchOutcome(ind.def.rule, profile, year) : null;
      const branch = outcome ? outcome.branch : null;
      if (!outcome || !branch) {
        table.ops.push(!outcome ? 'NR' : outcome.missing === 'NO_COMMUNE_GROUP' ? 'NG' : 'NA');
        table.targets.push(null);
        table.texts.push(null);
        continue;
      }
      const c = branch.comparison;
      if (c.kind === 'number') {
        table.ops.push(c.operator);
        table.targets.push(c.target);
        table.texts.push(null);
      } else if (c.kind === 'boolean') {
        table.ops.push('bool');
        table.targets.push(c.target ? 1 : 0);
        table.texts.push(null);
      } else {
        table.ops.push('cat');
        table.targets.push(null);
        table.texts.push((c.operator === 'in' ? c.target : [c.target]).join('\u001f'));
      }
    }
  }
  return table;
}

/**
 * SQL deciding one value against its threshold row `t` (value row `v`): MET / NOT_MET / NO_DATA /
 * NE_RULE / NE_NA. 'NG' (commune group unknown) counts as NE_RULE: like a missing rule it is an
 * unknown requirement, as in the pure evaluator (reason NO_COMMUNE_GROUP).
 */
export const STATUS_SQL = `
  case
    when t.op in ('NR', 'NG') then 'NE_RULE'
    when t.op = 'NA' then 'NE_NA'
    when v.value is null then 'NO_DATA'
    when t.op = 'cat' then case when lower(v.value) = any(string_to_array(lower(t.texts), chr(31))) then 'MET' else 'NOT_MET' end
    when v.numeric_value is null then 'NO_DATA'
    when (case t.op
            when '>=' then v.numeric_value >= t.target
            when '>' then v.numeric_value > t.target
            when '<=' then v.numeric_value <= t.target
            when '<' then v.numeric_value < t.target
            else v.numeric_value = t.target
          end) then 'MET'
    else 'NOT_MET'
  end`;

/** SQL gap of a numeric value (0 when met), matching the pure `numericGap`. */
export const GAP_SQL = `
  case when v.numeric_value is null or t.op not in ('>=', '>', '<=', '<', '=') then null
       when t.op in ('>=', '>') then greatest(0, t.target - v.numeric_value)
       when t.op in ('<=', '<') then greatest(0, v.numeric_value - t.target)
       else abs(v.numeric_value - t.target) end`;
