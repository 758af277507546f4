/**
 * Parsing and validation of indicator values as reported (text, as typed in a spreadsheet or
 * stored in the database). Used row by row to validate batches, and by attainment.
 */
import { IndicatorValue, ValueType } from './types';

export type ParsedIndicatorValue =
  | {
      readonly ok: true;
      readonly value: IndicatorValue;
      /** Canonical text to store: "true"/"false", "85.5", the allowed category spelling. */ readonly text: string;
    }
  | { readonly ok: false; readonly reason: string };

/**
 * Accepted spellings. Deliberately not "có/không" or "yes/no": for an indicator such as 9.1
 * (temporary houses) "không" (none) would mean the indicator is met, so only words that say
 * "met / not met" are accepted.
 */
const TRUE_WORDS = new Set(['true', '1', 'đạt', 'dat']);
const FALSE_WORDS = new Set(['false', '0', 'không đạt', 'khong dat', 'chưa đạt', 'chua dat']);

function fail(reason: string): ParsedIndicatorValue {
  return { ok: false, reason };
}

/**
 * Reads a decimal number: "85", "85.5", "-2", "85,5" (comma as the only separator = decimal
 * comma). Rejects thousands separators ("1,500", "1.500.000") as ambiguous, and anything else.
 */
function readNumber(text: string): number | string {
  let t = text;
  if (/^[+-]?\d+,\d+$/.test(t)) {
    if (/^[+-]?\d{1,3},\d{3}$/.test(t)) return 'ambiguous number: write the decimal separator as "." and no thousands separators';
    t = t.replace(',', '.');
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return 'expected a number';
  const n = Number(t);
  if (!Number.isFinite(n)) return 'expected a finite number';
  return n;
}

/**
 * Parses a value by its type. BOOLEAN: true/false/1/0/đạt/không đạt/chưa đạt (case-insensitive,
 * also without diacritics). PERCENTAGE: a number 0..100, "%" sign allowed. NUMBER: any finite number.
 * CATEGORY: any non-empty text, or one of `allowedValues` (case-insensitive) when given.
 * Surrounding spaces are ignored; empty text is an error ("value is empty").
 */
export function parseIndicatorValue(
  valueType: ValueType,
  text: string | null | undefined,
  allowedValues?: readonly string[] | null,
): ParsedIndicatorValue {
  const t = (text ?? '').normalize('NFC').trim();
  if (t === '') return fail('value is empty');
  switch (valueType) {
    case 'BOOLEAN': {
      const w = t.toLowerCase().replace(/\s+/g, ' ');
      if (TRUE_WORDS.has(w)) return { ok: true, value: true, text: 'true' };
      if (FALSE_WORDS.has(w)) return { ok: true, value: false, text: 'false' };
      return fail('expected true/false (also 1/0, đạt/không đạt)');
    }
    case 'PERCENTAGE': {
      const n = readNumber(t.endsWith('%') ? t.slice(0, -1).trim() : t);
      if (typeof n === 'string') return fail(n === 'expected a number' ? 'expected a number (percentage 0..100)' : n);
      if (n < 0 || n > 100) return fail('percentage must be between 0 and 100');
      return { ok: true, value: n, text: String(n) };
    }
    case 'NUMBER': {
      const n = readNumber(t);
      if (typeof n === 'string') return fail(n);
      return { ok: true, value: n, text: String(n) };
    }
    case 'CATEGORY': {
      if (allowedValues && allowedValues.length > 0) {
        const lower = t.toLowerCase();
        const match = allowedValues.find((a) => a.normalize('NFC').toLowerCase() === lower);
        if (match === undefined) return fail(`expected one of: ${allowedValues.join(', ')}`);
        return { ok: true, value: match, text: match };
      }
      return { ok: true, value: t, text: t };
    }
  }
}
