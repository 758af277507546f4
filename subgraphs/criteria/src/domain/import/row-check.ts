/**
 * The dry-run verdict on one value of an imported file (kiểm tra dữ liệu nhập): OK, WARNING or
 * ERROR with reasons (a code, the field, a message). What needs the stored values — a duplicate
 * in the file, a value that would change an APPROVED one, create/update/unchanged — is decided
 * afterwards over the whole file in SQL; the reasons it adds are defined here too.
 */
import type { CriteriaSetDef, IndicatorDef } from '../criteria-file';
import { parseIndicatorValue } from '../indicator-value';
import { FIRST_YEAR, LAST_YEAR, listDateForYear } from '../reporting-period';
import { checkSetForYear, setInForce } from '../set-validity';
import type { Level } from '../types';
import type { RawValue } from './column-mapping';
import type { ImportUnitResolver, ProfileUnit, ResolvedCandidate } from './unit-resolution';

export type RowStatus = 'OK' | 'WARNING' | 'ERROR';

/** Reason codes, each with the field it concerns. Kept apart so a report groups conflicts by reason. */
export const REASONS = {
  UNIT_MISSING: 'unit',
  UNIT_MATCHED: 'unit',
  UNIT_LINEAGE: 'unit',
  UNIT_AMBIGUOUS: 'unit',
  UNIT_UNMATCHED: 'unit',
  UNIT_LEVEL: 'unit',
  YEAR_MISSING: 'year',
  YEAR_INVALID: 'year',
  INDICATOR_UNKNOWN: 'indicator',
  INDICATOR_NOT_IN_FORCE: 'indicator',
  VALUE_INVALID: 'value',
  DUPLICATE: 'row',
  APPROVED_VALUE: 'value',
  CHOICE_APPLIED: 'unit',
  STRATEGY_SKIPPED: 'row',
} as const;
export type ReasonCode = keyof typeof REASONS;

export interface Reason {
  code: ReasonCode;
  field: string;
  message: string;
}

export const reason = (code: ReasonCode, message: string): Reason => ({ code, field: REASONS[code], message });

export interface CheckedValue {
  row: number;
  status: RowStatus;
  reasons: Reason[];
  unit: ProfileUnit | null;
  matchStatus: string | null;
  matchScore: number | null;
  candidates: ResolvedCandidate[];
  indicatorId: number | null;
  year: number | null;
  /** Canonical text to store. */
  value: string | null;
  numeric: number | null;
  raw: RawValue;
}

/** What the checker needs of the criteria catalogue. */
export interface IndicatorLookup {
  sets: readonly CriteriaSetDef[];
  /** The database id of "<set>/<code>", undefined when it has none. */
  idOf(setCode: string, indicatorCode: string): number | undefined;
}

/** "2024", "2024.0", DHIS2's yearly period "2024", "Năm 2024": the year, or a reason. */
export function parseYear(text: string | null, fallback: number | null): number | Reason {
  if (text === null || text.trim() === '') {
    if (fallback !== null) return fallback;
    return reason('YEAR_MISSING', 'no year in the row and none given for the file (send "year")');
  }
  const match = /(?:^|\D)((?:19|20|21)\d{2})(?:\.0+)?(?:\D|$)/.exec(text.trim());
  const year = match ? Number(match[1]) : NaN;
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR)
    return reason('YEAR_INVALID', `"${text}" is not a year between ${FIRST_YEAR} and ${LAST_YEAR}`);
  return year;
}

const indicatorMemo = new WeakMap<IndicatorLookup, Map<string, ReturnType<typeof findIndicatorFor>>>();

/** The indicator a code names for a unit's level in a year: the standard national set in force that year for a bare code (memoised per lookup). */
export function indicatorFor(lookup: IndicatorLookup, code: string, level: string, year: number): ReturnType<typeof findIndicatorFor> {
  let memo = indicatorMemo.get(lookup);
  if (!memo) indicatorMemo.set(lookup, (memo = new Map()));
  const key = `${code}\u0001${level}\u0001${year}`;
  let hit = memo.get(key);
  if (!hit) memo.set(key, (hit = findIndicatorFor(lookup, code, level, year)));
  return hit;
}

function findIndicatorFor(
  lookup: IndicatorLookup,
  code: string,
  level: string,
  year: number,
): { set: CriteriaSetDef; def: IndicatorDef; id: number } | Reason {
  const clean = code.trim().replace(/^(ct|tc|chi tieu|chỉ tiêu)\s*/i, '');
  let set: CriteriaSetDef | undefined;
  let indicatorCode = clean;
  if (clean.includes('/')) {
    const [setCode, rest] = clean.split('/', 2);
    set = lookup.sets.find((s) => s.code === setCode);
    indicatorCode = rest;
    if (!set) return reason('INDICATOR_UNKNOWN', `no criteria set "${setCode}"`);
    if (set.level !== level)
      return reason('INDICATOR_UNKNOWN', `set ${set.code} applies to ${set.level.toLowerCase()}s; the unit is a ${level.toLowerCase()}`);
    const outOfPeriod = checkSetForYear(lookup.sets, set, year);
    if (outOfPeriod) return reason('INDICATOR_NOT_IN_FORCE', outOfPeriod);
  } else {
    set = setInForce(lookup.sets, { level: level as Level, kind: 'NATIONAL', tier: 'STANDARD' }, year) ?? undefined;
    if (!set) return reason('INDICATOR_NOT_IN_FORCE', `no national standard set for a ${level.toLowerCase()} is in force in ${year}`);
  }
  const def = set.criteria.flatMap((c) => c.indicators).find((i) => i.code === indicatorCode);
  const id = def ? lookup.idOf(set.code, def.code) : undefined;
  if (!def || id === undefined)
    return reason('INDICATOR_UNKNOWN', `no indicator "${code}" in set ${set.code} (for a ${level.toLowerCase()} in ${year})`);
  return { set, def, id };
}

/**
 * Checks one raw value: year, unit (on the list in force for the year), indicator (for the
 * unit's level and the year), value (type and range). Stops at the first field that fails,
 * since what follows depends on it.
 */
export function checkValue(
  raw: RawValue,
  ctx: { resolver: ImportUnitResolver; lookup: IndicatorLookup; defaultYear: number | null; within?: string | null },
): CheckedValue {
  const out: CheckedValue = {
    row: raw.row,
    status: 'OK',
    reasons: [],
    unit: null,
    matchStatus: null,
    matchScore: null,
    candidates: [],
    indicatorId: null,
    year: null,
    value: null,
    numeric: null,
    raw,
  };
  const fail = (r: Reason): CheckedValue => {
    out.reasons.push(r);
    out.status = 'ERROR';
    return out;
  };
  const year = parseYear(raw.year, ctx.defaultYear);
  if (typeof year !== 'number') return fail(year);
  out.year = year;

  if (!raw.unitCode && !raw.unitName) return fail(reason('UNIT_MISSING', 'the row names no unit (neither code nor name)'));
  const listDate = listDateForYear(year);
  const listId = ctx.resolver.listOn(listDate);
  if (!listId) return fail(reason('UNIT_UNMATCHED', `no unit list in force on ${listDate} is loaded`));
  const older = year > 2024 ? ctx.resolver.listOn(listDateForYear(2024)) : null;
  const resolved = ctx.resolver.resolve({ code: raw.unitCode, name: raw.unitName, district: raw.district }, listId, older, ctx.within ?? null);
  out.matchStatus = resolved.status;
  out.matchScore = resolved.score;
  out.candidates = resolved.candidates;
  const written = [raw.unitCode, raw.unitName, raw.district && `(${raw.district})`].filter(Boolean).join(' ');
  let level: string;
  switch (resolved.status) {
    case 'AMBIGUOUS': {
      out.reasons.push(
        reason(
          'UNIT_AMBIGUOUS',
          `"${written}" fits ${resolved.candidates.length} units of the list in force on ${listDate} equally well: choose one (${resolved.candidates.map((c) => `${c.code} ${c.name}`).join('; ')})`,
        ),
      );
      out.status = 'ERROR';
      // The rest of the row is still checked, so that a choice of unit at commit is all it needs: on the level
      // (commune first) whose set has the indicator; candidates of another level could not take this value.
      const levels = [
        ...new Set(
          resolved.candidates.map((c) => ctx.resolver.unit(c.unitId)?.level).filter((l): l is string => l === 'COMMUNE' || l === 'DISTRICT'),
        ),
      ].sort();
      const workable = levels.find((l) => 'id' in indicatorFor(ctx.lookup, raw.indicator, l, year)) ?? levels[0];
      if (!workable) return out;
      out.candidates = resolved.candidates.filter((c) => ctx.resolver.unit(c.unitId)?.level === workable);
      level = workable;
      break;
    }
    case 'UNMATCHED':
      return fail(
        reason(
          'UNIT_UNMATCHED',
          resolved.by === 'code' && !raw.unitName
            ? `no unit with code "${raw.unitCode}" on the list in force on ${listDate}`
            : `no unit of the list in force on ${listDate} is named like "${written}"${resolved.candidates.length ? ` (closest: ${resolved.candidates[0].name}, score ${resolved.candidates[0].score})` : ''}`,
        ),
      );
    case 'MATCHED':
      out.reasons.push(
        reason('UNIT_MATCHED', `"${written}" read as ${resolved.unit!.name} (${resolved.unit!.code}), score ${resolved.score}: check the spelling`),
      );
      out.status = 'WARNING';
      level = resolved.unit!.level;
      break;
    case 'LINEAGE':
      out.reasons.push(
        reason(
          'UNIT_LINEAGE',
          `"${written}" is ${resolved.via!.name} (${resolved.via!.code}) before the 2025 reform; in ${year} it is part of ${resolved.unit!.name} (${resolved.unit!.code})`,
        ),
      );
      out.status = 'WARNING';
      level = resolved.unit!.level;
      break;
    default:
      level = resolved.unit!.level;
      break;
  }
  out.unit = resolved.unit;
  if (level !== 'COMMUNE' && level !== 'DISTRICT') {
    out.unit = null;
    return fail(reason('UNIT_LEVEL', `"${written}" is a ${level.toLowerCase()}; values are reported by communes and districts`));
  }

  const indicator = indicatorFor(ctx.lookup, raw.indicator, level, year);
  if (!('id' in indicator)) return fail(indicator);
  out.indicatorId = indicator.id;

  const parsed = parseIndicatorValue(indicator.def.valueType, raw.value, indicator.def.allowedValues);
  if (!parsed.ok)
    return fail(
      reason(
        'VALUE_INVALID',
        `"${raw.value}": ${parsed.reason} (indicator ${indicator.set.code}/${indicator.def.code} is ${indicator.def.valueType})`,
      ),
    );
  out.value = parsed.text;
  out.numeric = typeof parsed.value === 'number' ? parsed.value : typeof parsed.value === 'boolean' ? (parsed.value ? 1 : 0) : null;
  return out;
}
