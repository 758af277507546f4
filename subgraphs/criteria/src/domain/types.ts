/**
 * Shared vocabulary of the criteria domain (bộ tiêu chí, tiêu chí, chỉ tiêu). Pure types and
 * constant lists: no I/O, no dependencies.
 */

/** The seven socio-economic regions (vùng kinh tế – xã hội) that thresholds vary by. */
export const REGIONS = ['TDMNPB', 'DBSH', 'BTB', 'DHNTB', 'TN', 'DNB', 'DBSCL'] as const;
export type Region = (typeof REGIONS)[number];

export const LEVELS = ['COMMUNE', 'DISTRICT'] as const;
export type Level = (typeof LEVELS)[number];

/** STANDARD = đạt chuẩn NTM, ADVANCED = NTM nâng cao, MODEL = NTM kiểu mẫu. */
export const TIERS = ['STANDARD', 'ADVANCED', 'MODEL'] as const;
export type Tier = (typeof TIERS)[number];

/**
 * NATIONAL: a national criteria set (bộ tiêu chí quốc gia) that a unit is recognised against.
 * PILOT_ELIGIBILITY: the measurable conditions for joining a pilot model (DOMAIN.md §4); not a
 * recognition standard.
 */
export const SET_KINDS = ['NATIONAL', 'PILOT_ELIGIBILITY'] as const;
export type SetKind = (typeof SET_KINDS)[number];

export const VALUE_TYPES = ['BOOLEAN', 'PERCENTAGE', 'NUMBER', 'CATEGORY'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

export const CONFIDENCES = ['HIGH', 'MEDIUM', 'LOW'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/**
 * What a threshold rule is evaluated against. `region` may be null when the unit's region is
 * unknown: then every `region…` condition is false (the rule's fallback branch applies).
 */
export interface UnitAttributes {
  /** In an ethnic-minority area (vùng đồng bào dân tộc thiểu số). */
  ethnicMinorityArea: boolean;
  /** In a mountainous area (miền núi). */
  mountainous: boolean;
  /** An island commune (hải đảo). */
  island: boolean;
  region: Region | null;
  /**
   * Commune group of the 2026–2030 set (xã nhóm 1/2/3, Decision 51/2025/QĐ-TTg): 1 = next to a
   * city / agriculture under 10% / slated to become urban, 3 = region II/III communes of
   * ethnic-minority and mountain areas, 2 = the rest. Null or absent = unknown: a rule that needs
   * the group then gives no threshold (NOT_EVALUATED, reason NO_COMMUNE_GROUP), never a guess.
   */
  communeGroup?: CommuneGroup | null;
}

/** The three commune groups of Decision 51/2025/QĐ-TTg (xã nhóm 1, 2, 3). */
export const COMMUNE_GROUPS = [1, 2, 3] as const;
export type CommuneGroup = (typeof COMMUNE_GROUPS)[number];

export function isCommuneGroup(n: unknown): n is CommuneGroup {
  return n === 1 || n === 2 || n === 3;
}

/** A normalised indicator value: boolean for BOOLEAN, number for PERCENTAGE/NUMBER, string for CATEGORY. */
export type IndicatorValue = boolean | number | string;

export function isRegion(text: string): text is Region {
  return (REGIONS as readonly string[]).includes(text);
}

/**
 * The attributes a threshold rule reads, from a unit's area fields as admin-units gives them
 * (federation or the unit-profile replica): unknown region or group become null, never a guess.
 */
export function unitAttributesOf(unit: {
  region?: string | null;
  ethnicMinorityArea?: boolean | null;
  mountainous?: boolean | null;
  island?: boolean | null;
  communeGroup?: number | null;
}): UnitAttributes {
  return {
    region: unit.region && isRegion(unit.region) ? unit.region : null,
    ethnicMinorityArea: !!unit.ethnicMinorityArea,
    mountainous: !!unit.mountainous,
    island: !!unit.island,
    communeGroup: isCommuneGroup(unit.communeGroup) ? unit.communeGroup : null,
  };
}
