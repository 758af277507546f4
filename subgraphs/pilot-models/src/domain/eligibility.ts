/**
 * Pilot eligibility (điều kiện lựa chọn xây dựng mô hình thí điểm), DOMAIN.md §4, from seed 001: MARD
 * interim guidance Công văn 3445/BNN-VPĐP of 05/06/2023 as reproduced by a provincial page (08/06/2023).
 *
 * The measurable conditions use the same codes and rules as the criteria subgraph's set
 * `COMMUNE_SMART_PILOT_ELIGIBILITY_2021_2025` (subgraphs/criteria/data/criteria-sets.csv; a test checks
 * they agree): 1.1 household internet ≥ 50 %, 2.1/2.2/2.3 officials' smartphone, official e-mail and
 * e-office = 100 % (smart commune only), 3.1 working-age smartphone subscriptions ≥ 50 % in
 * ethnic-minority, mountainous or island communes (EM_MTN_ISL), ≥ 80 % elsewhere (both kinds). The
 * recognition as an advanced NTM commune (ADVANCED_NTM) is a decision, recorded by the criteria subgraph.
 *
 * Conditions no data can answer (facilities and staff, the local government's commitment, distinctive
 * products) are always NO_DATA with `measurable: false`: the approving authority judges them.
 *
 * `eligible` is true only when every measurable condition is MET. A measurable condition that is
 * NO_DATA (value missing, or a threshold that depends on an unknown area flag) makes `eligible` false
 * and `undetermined` true (unless another condition is NOT_MET): missing data never counts as met.
 * Non-measurable conditions do not count either way; they are listed in `toBeJudged`.
 *
 * Modern NTM communes (xã nông thôn mới hiện đại, 2026–2030; Decision 51/2025/QĐ-TTg Art. 1.1.b, Appendix
 * II): the conditions of Appendix II could not be read (subgraphs/criteria/data/sources/qd-51-2025.md).
 * Two measurable conditions: NTM_2026_2030, a recognition as an NTM commune under the 2026–2030 set
 * (COMMUNE_NTM_2026_2030) — an ASSUMPTION, not read: a modern-commune pilot presumably starts from a
 * recognised commune — and APPENDIX_II, which stands for the unread conditions and is always NO_DATA.
 * So `eligible` is never true on guesses; `undetermined` is true unless NTM_2026_2030 is NOT_MET.
 *
 * Smart villages and district data pilots: seed 003 (Nghệ An plan 132/KH-UBND, §III.5) only says the
 * province "rà soát, lựa chọn" (reviews and selects) them, without conditions; for these kinds the
 * result has no conditions and `eligible: null` (no published rule — not "eligible").
 */
import type { PilotKind } from './kinds';
import { PilotInputError, type FieldError } from './types';

/** A value with where it came from (e.g. `criteria: indicator 1.1, 2024` or `admin-units: area attributes`). */
export interface Fact<T> {
  readonly value: T | null;
  readonly source: string;
}

export interface EligibilityInputs {
  /** Công nhận đạt chuẩn NTM nâng cao giai đoạn 2021-2025. */
  readonly advancedNtmRecognised?: Fact<boolean> | null;
  /** Công nhận đạt chuẩn NTM giai đoạn 2026-2030 (set COMMUNE_NTM_2026_2030). */
  readonly ntm2026Recognised?: Fact<boolean> | null;
  /** Indicator 1.1: tỷ lệ hộ dân có kết nối internet, %. */
  readonly householdInternetShare?: Fact<number> | null;
  /** Indicator 2.1: tỷ lệ cán bộ, công chức xã sử dụng điện thoại thông minh, %. */
  readonly officialsSmartphoneShare?: Fact<number> | null;
  /** Indicator 2.2: tỷ lệ cán bộ, công chức xã sử dụng hộp thư điện tử công vụ, %. */
  readonly officialEmailShare?: Fact<number> | null;
  /** Indicator 2.3: tỷ lệ cán bộ, công chức xã sử dụng văn phòng điện tử, %. */
  readonly officialEOfficeShare?: Fact<number> | null;
  /** Indicator 3.1: tỷ lệ dân số trong độ tuổi lao động có thuê bao điện thoại thông minh, %. */
  readonly workingAgeSmartphoneRate?: Fact<number> | null;
  /** Xã vùng đồng bào dân tộc thiểu số và miền núi, hải đảo (EM_MTN_ISL): selects the 3.1 threshold. */
  readonly ethnicMinorityMountainIsland?: Fact<boolean> | null;
}

export type ConditionStatus = 'MET' | 'NOT_MET' | 'NO_DATA';

export interface ConditionResult {
  readonly code: string;
  readonly descriptionVi: string;
  readonly descriptionEn: string;
  readonly measurable: boolean;
  readonly status: ConditionStatus;
  readonly value: number | boolean | null;
  /** The rule as the criteria file writes it, e.g. `>= 50 if EM_MTN_ISL else >= 80`. */
  readonly rule: string | null;
  /** The threshold applied to this commune, e.g. `>= 80`; null when not known. */
  readonly threshold: string | null;
  /** Where the value came from; null when there is none. */
  readonly source: string | null;
  /** Why the status is NO_DATA (or how the threshold was chosen). */
  readonly reason: string | null;
}

export interface EligibilityResult {
  readonly kind: PilotKind;
  readonly year: number;
  /** True only when every measurable condition is MET; null for kinds without published conditions. */
  readonly eligible: boolean | null;
  /** No measurable condition is NOT_MET but some are NO_DATA. */
  readonly undetermined: boolean;
  /** Codes of the conditions only the approving authority can judge. */
  readonly toBeJudged: readonly string[];
  readonly conditions: readonly ConditionResult[];
  /** The criteria set holding the measurable rules, and the legal source. */
  readonly ruleSet: string | null;
  readonly ruleSource: string;
  /** The year is within the phase the rules are for (2021–2025, or 2026–2030 for MODERN_NTM_COMMUNE); false otherwise (evaluated anyway, flagged). */
  readonly withinPhase: boolean;
  readonly note: string | null;
}

export const ELIGIBILITY_SET = 'COMMUNE_SMART_PILOT_ELIGIBILITY_2021_2025';
export const ELIGIBILITY_SOURCE = 'seed 001: MARD interim guidance Công văn 3445/BNN-VPĐP of 05/06/2023, provincial reproduction of 08/06/2023';
/** The criteria set standing for Appendix II of Decision 51/2025/QĐ-TTg (one criterion-only row, no indicators). */
export const MODERN_ELIGIBILITY_SET = 'COMMUNE_MODERN_PILOT_ELIGIBILITY_2026_2030';
export const MODERN_ELIGIBILITY_SOURCE =
  'Decision 51/2025/QĐ-TTg of 29/12/2025 (in force 15/02/2026), Art. 1.1.b: "Quy định khung thí điểm xây dựng xã nông thôn mới hiện đại giai đoạn 2026 - 2030 (Phụ lục II)"; Appendix II itself could not be read (criteria data/sources/qd-51-2025.md)';
/** Why APPENDIX_II is always NO_DATA. */
export const APPENDIX_II_UNREAD = 'the conditions of Appendix II of Decision 51/2025/QĐ-TTg could not be read';

/** The commune kinds with published (or stand-in) conditions, the set holding them, the source and the phase. */
export type CommuneKindWithConditions = 'SMART_COMMUNE' | 'ECOMMERCE_COMMUNE' | 'MODERN_NTM_COMMUNE';
export const ELIGIBILITY_RULES: Readonly<
  Record<CommuneKindWithConditions, { readonly ruleSet: string; readonly ruleSource: string; readonly phase: readonly [number, number] }>
> = {
  SMART_COMMUNE: { ruleSet: ELIGIBILITY_SET, ruleSource: ELIGIBILITY_SOURCE, phase: [2021, 2025] },
  ECOMMERCE_COMMUNE: { ruleSet: ELIGIBILITY_SET, ruleSource: ELIGIBILITY_SOURCE, phase: [2021, 2025] },
  MODERN_NTM_COMMUNE: { ruleSet: MODERN_ELIGIBILITY_SET, ruleSource: MODERN_ELIGIBILITY_SOURCE, phase: [2026, 2030] },
};

type PercentKey = 'householdInternetShare' | 'officialsSmartphoneShare' | 'officialEmailShare' | 'officialEOfficeShare' | 'workingAgeSmartphoneRate';

type RecognitionKey = 'advancedNtmRecognised' | 'ntm2026Recognised';

export type ConditionDef =
  | {
      readonly code: string;
      readonly type: 'RECOGNITION';
      readonly input: RecognitionKey;
      /** The NO_DATA reason when nothing is recorded. */
      readonly noRecord: string;
      readonly descriptionVi: string;
      readonly descriptionEn: string;
    }
  /** Measurable in principle, but its rule could not be read: always NO_DATA with `reason`. */
  | { readonly code: string; readonly type: 'UNREAD'; readonly reason: string; readonly descriptionVi: string; readonly descriptionEn: string }
  | {
      readonly code: string;
      readonly type: 'PERCENT';
      readonly input: PercentKey;
      readonly rule: string;
      readonly descriptionVi: string;
      readonly descriptionEn: string;
    }
  | { readonly code: string; readonly type: 'JUDGED'; readonly descriptionVi: string; readonly descriptionEn: string };

const ADVANCED: ConditionDef = {
  code: 'ADVANCED_NTM',
  type: 'RECOGNITION',
  input: 'advancedNtmRecognised',
  noRecord: 'no record of advanced NTM recognition',
  descriptionVi: 'Xã đã được công nhận đạt chuẩn NTM nâng cao giai đoạn 2021 - 2025',
  descriptionEn: 'Recognised as an advanced NTM commune for 2021–2025 (or for 2016–2020 and meeting every 2021–2025 advanced criterion)',
};
const SMARTPHONE_31: ConditionDef = {
  code: '3.1',
  type: 'PERCENT',
  input: 'workingAgeSmartphoneRate',
  rule: '>= 50 if EM_MTN_ISL else >= 80',
  descriptionVi:
    'Tỷ lệ dân số theo độ tuổi lao động có thuê bao sử dụng điện thoại thông minh: tối thiểu 50% (vùng đồng bào dân tộc thiểu số và miền núi, hải đảo), tối thiểu 80% (các xã còn lại)',
  descriptionEn:
    'Working-age population with a smartphone subscription: at least 50 % in ethnic-minority, mountainous or island communes, 80 % elsewhere',
};

/** The conditions of each commune kind, in the order seed 001 lists them (MODERN_NTM_COMMUNE: see the file comment). */
export const ELIGIBILITY_CONDITIONS: Readonly<Record<CommuneKindWithConditions, readonly ConditionDef[]>> = {
  SMART_COMMUNE: [
    ADVANCED,
    {
      code: '1.1',
      type: 'PERCENT',
      input: 'householdInternetShare',
      rule: '>= 50',
      descriptionVi: 'Tối thiểu 50% số hộ dân có kết nối internet',
      descriptionEn: 'At least 50 % of households have an internet connection',
    },
    {
      code: 'FACILITIES_AND_STAFF',
      type: 'JUDGED',
      descriptionVi: 'Xã có cơ sở vật chất và nguồn nhân lực đảm bảo điều kiện và trình độ để ứng dụng CNTT, công nghệ số và các nền tảng số',
      descriptionEn: 'Facilities and staff able to apply IT, digital technology and platforms',
    },
    {
      code: '2.1',
      type: 'PERCENT',
      input: 'officialsSmartphoneShare',
      rule: '= 100',
      descriptionVi: '100% cán bộ, công chức của xã sử dụng điện thoại thông minh',
      descriptionEn: 'All commune officials use a smartphone',
    },
    {
      code: '2.2',
      type: 'PERCENT',
      input: 'officialEmailShare',
      rule: '= 100',
      descriptionVi: '100% cán bộ, công chức của xã có sử dụng hộp thư điện tử công vụ',
      descriptionEn: 'All commune officials use official e-mail',
    },
    {
      code: '2.3',
      type: 'PERCENT',
      input: 'officialEOfficeShare',
      rule: '= 100',
      descriptionVi: '100% cán bộ, công chức của xã sử dụng văn phòng điện tử',
      descriptionEn: 'All commune officials use the e-office system',
    },
    SMARTPHONE_31,
    {
      code: 'LOCAL_COMMITMENT',
      type: 'JUDGED',
      descriptionVi: 'Chính quyền địa phương sẵn sàng bố trí nguồn lực và cam kết triển khai mô hình xã NTM thông minh',
      descriptionEn: 'The local government is ready to commit resources and to carry out the pilot',
    },
  ],
  ECOMMERCE_COMMUNE: [
    ADVANCED,
    {
      code: 'FACILITIES_AND_STAFF',
      type: 'JUDGED',
      descriptionVi:
        'Cơ sở vật chất (mạng lưới internet ổn định, rộng khắp, tốc độ cao và tuyến đường vận tải hàng hoá thuận tiện) và nguồn nhân lực',
      descriptionEn: 'Stable, widespread high-speed internet, convenient freight roads, and staff able to use e-commerce platforms',
    },
    SMARTPHONE_31,
    {
      code: 'DISTINCTIVE_PRODUCTS',
      type: 'JUDGED',
      descriptionVi: 'Sản phẩm nông nghiệp có chất lượng, ổn định, nhiều yếu tố khác biệt, có sản lượng đáng kể',
      descriptionEn: 'Agricultural products of stable quality, distinctive, in significant volume, fit for retail and nationwide shipping',
    },
    {
      code: 'LOCAL_COMMITMENT',
      type: 'JUDGED',
      descriptionVi: 'Chính quyền địa phương sẵn sàng, cam kết tham gia và triển khai mô hình xã thương mại điện tử trong dài hạn',
      descriptionEn: 'The local government commits to the pilot for the long term',
    },
  ],
  MODERN_NTM_COMMUNE: [
    {
      code: 'NTM_2026_2030',
      type: 'RECOGNITION',
      input: 'ntm2026Recognised',
      noRecord: 'no record of recognition as an NTM commune under COMMUNE_NTM_2026_2030',
      descriptionVi: 'Xã đã được công nhận đạt chuẩn nông thôn mới giai đoạn 2026 - 2030 (giả định, chưa đọc được Phụ lục II)',
      descriptionEn:
        'Recognised as an NTM commune under the 2026–2030 national criteria (set COMMUNE_NTM_2026_2030). ASSUMPTION, not read: Appendix II could not be read; that a modern-commune pilot starts from a recognised commune is presumed',
    },
    {
      code: 'APPENDIX_II',
      type: 'UNREAD',
      reason: APPENDIX_II_UNREAD,
      descriptionVi:
        'Các điều kiện theo Quy định khung thí điểm xây dựng xã nông thôn mới hiện đại giai đoạn 2026 - 2030 (Phụ lục II, Quyết định 51/2025/QĐ-TTg)',
      descriptionEn:
        'The conditions of the modern NTM commune pilot framework, 2026–2030 (Appendix II of Decision 51/2025/QĐ-TTg): not read, so never met on guesses',
    },
  ],
};

/** Applies `>= N` or `= N` to a value. */
function passes(rule: string, value: number): boolean {
  const m = /^(>=|=) (\d+(?:\.\d+)?)$/.exec(rule);
  if (!m) throw new Error(`unsupported rule "${rule}"`);
  return m[1] === '>=' ? value >= Number(m[2]) : value === Number(m[2]);
}

function checkInputs(inputs: EligibilityInputs, year: number): void {
  const errors: FieldError[] = [];
  if (!Number.isInteger(year) || year < 2000 || year > 2100) errors.push({ field: 'year', reason: `${year} is not a year` });
  for (const [key, fact] of Object.entries(inputs) as [keyof EligibilityInputs, Fact<unknown> | null | undefined][]) {
    if (fact == null) continue;
    const f = `inputs.${key}`;
    const bool = key === 'advancedNtmRecognised' || key === 'ntm2026Recognised' || key === 'ethnicMinorityMountainIsland';
    if (fact.value !== null) {
      if (bool && typeof fact.value !== 'boolean') errors.push({ field: `${f}.value`, reason: `${JSON.stringify(fact.value)} is not true or false` });
      if (!bool && (typeof fact.value !== 'number' || !Number.isFinite(fact.value) || fact.value < 0 || fact.value > 100))
        errors.push({ field: `${f}.value`, reason: `${JSON.stringify(fact.value)} is not a percentage between 0 and 100` });
      if (typeof fact.source !== 'string' || !fact.source.trim()) errors.push({ field: `${f}.source`, reason: 'a value needs its source' });
    }
  }
  if (errors.length) throw new PilotInputError(errors);
}

function evaluateCondition(def: ConditionDef, inputs: EligibilityInputs): ConditionResult {
  const base = { code: def.code, descriptionVi: def.descriptionVi, descriptionEn: def.descriptionEn };
  if (def.type === 'JUDGED') {
    return {
      ...base,
      measurable: false,
      status: 'NO_DATA',
      value: null,
      rule: null,
      threshold: null,
      source: null,
      reason: 'not measurable from data: judged by the approving authority when it selects the pilot',
    };
  }
  if (def.type === 'UNREAD') {
    return { ...base, measurable: true, status: 'NO_DATA', value: null, rule: null, threshold: null, source: null, reason: def.reason };
  }
  if (def.type === 'RECOGNITION') {
    const fact = inputs[def.input];
    const value = fact?.value ?? null;
    if (value === null)
      return {
        ...base,
        measurable: true,
        status: 'NO_DATA',
        value: null,
        rule: '= true',
        threshold: '= true',
        source: fact?.source || null,
        reason: def.noRecord,
      };
    return {
      ...base,
      measurable: true,
      status: value ? 'MET' : 'NOT_MET',
      value,
      rule: '= true',
      threshold: '= true',
      source: fact!.source,
      reason: null,
    };
  }
  const fact = inputs[def.input];
  const value = fact?.value ?? null;
  const source = value === null ? fact?.source || null : fact!.source;
  let threshold: string | null = def.rule;
  let reason: string | null = null;
  if (def.rule.includes(' if EM_MTN_ISL else ')) {
    const [em, other] = def.rule.split(' if EM_MTN_ISL else ') as [string, string];
    const area = inputs.ethnicMinorityMountainIsland;
    if (area?.value != null) {
      threshold = area.value ? em : other;
      reason = `${area.value ? 'ethnic-minority, mountainous or island commune' : 'not an ethnic-minority, mountainous or island commune'} (${area.source})`;
    } else if (value !== null && passes(other, value)) {
      threshold = other; // meets the higher threshold: met whichever applies
      reason = 'area flag unknown; the value meets both thresholds';
    } else if (value !== null && !passes(em, value)) {
      threshold = em;
      reason = 'area flag unknown; the value misses both thresholds';
    } else {
      threshold = null;
      reason =
        value === null
          ? 'no value'
          : 'the threshold depends on whether the commune is in an ethnic-minority, mountainous or island area, which is not known';
      return { ...base, measurable: true, status: 'NO_DATA', value, rule: def.rule, threshold, source, reason };
    }
  }
  if (value === null) return { ...base, measurable: true, status: 'NO_DATA', value: null, rule: def.rule, threshold, source, reason: 'no value' };
  return { ...base, measurable: true, status: passes(threshold, value) ? 'MET' : 'NOT_MET', value, rule: def.rule, threshold, source, reason };
}

/** Evaluates the eligibility conditions of `kind` for `year` on plain inputs. Throws PilotInputError on malformed inputs. */
export function evaluateEligibility(kind: PilotKind, year: number, inputs: EligibilityInputs): EligibilityResult {
  checkInputs(inputs, year);
  if (kind === 'SMART_VILLAGE' || kind === 'DISTRICT_DATA_PILOT') {
    const withinPhase = year >= 2021 && year <= 2025;
    return {
      kind,
      year,
      eligible: null,
      undetermined: false,
      toBeJudged: [],
      conditions: [],
      ruleSet: null,
      withinPhase,
      ruleSource: 'seed 003: Nghệ An plan 132/KH-UBND of 03/03/2023, §III.5',
      note: `no selection conditions are published for ${kind}: the province reviews and selects ("rà soát, lựa chọn")`,
    };
  }
  const { ruleSet, ruleSource, phase } = ELIGIBILITY_RULES[kind];
  const withinPhase = year >= phase[0] && year <= phase[1];
  const conditions = ELIGIBILITY_CONDITIONS[kind].map((d) => evaluateCondition(d, inputs));
  const measurable = conditions.filter((c) => c.measurable);
  const anyNotMet = measurable.some((c) => c.status === 'NOT_MET');
  const anyNoData = measurable.some((c) => c.status === 'NO_DATA');
  return {
    kind,
    year,
    eligible: !anyNotMet && !anyNoData,
    undetermined: !anyNotMet && anyNoData,
    toBeJudged: conditions.filter((c) => !c.measurable).map((c) => c.code),
    conditions,
    ruleSet,
    ruleSource,
    withinPhase,
    note: noteOf(kind, year, phase, withinPhase),
  };
}

function noteOf(kind: CommuneKindWithConditions, year: number, phase: readonly [number, number], withinPhase: boolean): string | null {
  const outside = withinPhase
    ? null
    : `the ${kind === 'MODERN_NTM_COMMUNE' ? 'framework' : 'guidance'} is for the ${phase[0]}–${phase[1]} phase; ${year} is outside it`;
  if (kind !== 'MODERN_NTM_COMMUNE') return outside;
  const modern = `${APPENDIX_II_UNREAD}: APPENDIX_II stays NO_DATA and the commune is never eligible on guesses; NTM_2026_2030 is an assumption (a pilot presumably starts from a recognised commune)`;
  return outside ? `${outside}; ${modern}` : modern;
}
