import type { EntityManager } from '@mikro-orm/postgresql';
import { columnsOf, isInForce, toPgArray, today, type RowError } from '@ntm/kit';
import { IndicatorValueRecord } from '../entities/indicator-value.entity';
import { parseIndicatorValue } from '../domain/indicator-value';
import { FIRST_YEAR, LAST_YEAR, listDateForYear } from '../domain/reporting-period';
import type { CriteriaCatalog } from './catalog';
import { setChangeContext } from './value-audit';

export interface ValueRow {
  unitCode: string;
  asOf?: string | null;
  indicatorCode: string;
  year: number;
  value: string;
  status?: string | null;
  source?: string | null;
}

interface UnitRef {
  unit_id: string;
  code: string;
  level: string;
  list_id: string;
  valid_from: string | null;
  valid_to: string | null;
}

interface Validated {
  unitId: string;
  indicatorId: number;
  year: number;
  text: string;
  numeric: number | null;
  status: string;
  source: string;
}

/** Thrown inside the write transaction to roll it back when a value was approved meanwhile. */
class ApprovedMeanwhile extends Error {}

const inForce = (u: UnitRef, date: string) => isInForce(u.valid_from, u.valid_to, date);

/** SQLSTATEs worth retrying the whole write for: deadlock_detected, serialization_failure. */
const RETRYABLE = new Set(['40P01', '40001']);
const WRITE_ATTEMPTS = 4;

const isRetryable = (error: unknown): boolean => {
  const e = error as { code?: unknown; sqlState?: unknown; cause?: { code?: unknown } } | null;
  return !!e && [e.code, e.sqlState, e.cause?.code].some((c) => typeof c === 'string' && RETRYABLE.has(c));
};

/** Canonical write order, the same for every batch, so two batches never lock the same rows in opposite orders. */
const byKey = (a: Validated, b: Validated) =>
  a.indicatorId - b.indicatorId || a.year - b.year || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0);

/** recorded_at as ISO 8601 UTC text with milliseconds (what Date.toISOString gives), formatted by PostgreSQL. */
const ISO_RECORDED_AT = `to_char(v.recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Writes a batch of reported values atomically: every row is validated first (unit, list for the
 * year, level, indicator, value type, duplicates, approved values), and the batch is written in
 * one transaction only when no row has a problem.
 */
export class IndicatorValuesService {
  constructor(
    private readonly em: EntityManager,
    private readonly catalog: CriteriaCatalog,
  ) {}

  async setValues(rows: ValueRow[], recordedBy: string): Promise<{ written: number; errors: RowError[] }> {
    const errors: RowError[] = [];
    const fail = (row: number, field: string, reason: string) => errors.push({ row, field, reason });
    const codes = [...new Set(rows.map((r) => r.unitCode))];
    const units = await this.em
      .getConnection()
      .execute<UnitRef[]>(`select unit_id, code, level, list_id, valid_from, valid_to from unit_profile where code = any(?::text[])`, [
        toPgArray(codes),
      ]);
    const byCode = new Map<string, UnitRef[]>();
    for (const u of units) byCode.set(u.code, [...(byCode.get(u.code) ?? []), u]);

    const valid: (Validated | null)[] = rows.map((row, i) => {
      const asOf = row.asOf ?? today();
      if (!Number.isInteger(row.year) || row.year < FIRST_YEAR || row.year > LAST_YEAR) {
        fail(i, 'year', `year must be between ${FIRST_YEAR} and ${LAST_YEAR}, got ${row.year}`);
        return null;
      }
      const unit = byCode.get(row.unitCode)?.find((u) => inForce(u, asOf));
      if (!unit) {
        fail(i, 'unitCode', `no commune or district with code "${row.unitCode}" in the unit list in force on ${asOf}`);
        return null;
      }
      const yearList = listDateForYear(row.year);
      if (!inForce(unit, yearList)) {
        fail(
          i,
          'year',
          `values for ${row.year} belong to the units in force on ${yearList}; unit "${row.unitCode}" as of ${asOf} is not one of them (set asOf to a date of that list, e.g. "${yearList}")`,
        );
        return null;
      }
      const indicator = this.catalog.resolve(row.indicatorCode, unit.level, row.year);
      if (!indicator) {
        fail(
          i,
          'indicatorCode',
          `unknown indicator "${row.indicatorCode}" for a ${unit.level.toLowerCase()} (use "<code>" of the standard set or "<set>/<code>")`,
        );
        return null;
      }
      if (indicator.set.level !== unit.level) {
        fail(
          i,
          'unitCode',
          `indicator ${indicator.key} applies to ${indicator.set.level.toLowerCase()}s; unit "${row.unitCode}" is a ${unit.level.toLowerCase()}`,
        );
        return null;
      }
      const outOfPeriod = this.catalog.problemOfSetForYear(indicator.set, row.year);
      if (outOfPeriod) {
        fail(i, 'indicatorCode', outOfPeriod);
        return null;
      }
      const parsed = parseIndicatorValue(indicator.def.valueType, row.value, indicator.def.allowedValues);
      if (!parsed.ok) {
        fail(i, 'value', `${parsed.reason} (indicator ${indicator.key} is ${indicator.def.valueType})`);
        return null;
      }
      const numeric = typeof parsed.value === 'number' ? parsed.value : typeof parsed.value === 'boolean' ? (parsed.value ? 1 : 0) : null;
      return {
        unitId: unit.unit_id,
        indicatorId: indicator.id,
        year: row.year,
        text: parsed.text,
        numeric,
        status: row.status ?? 'DRAFT',
        source: row.source ?? 'api',
      };
    });

    const seen = new Map<string, number>();
    valid.forEach((v, i) => {
      if (!v) return;
      const key = `${v.indicatorId}|${v.year}|${v.unitId}`;
      const first = seen.get(key);
      if (first !== undefined) fail(i, 'indicatorCode', `duplicate of row ${first}: the same unit, indicator and year`);
      else seen.set(key, i);
    });

    const rowsToWrite = valid.filter((v): v is Validated => v !== null).sort(byKey);
    if (rowsToWrite.length > 0) {
      const approved = await this.em.getConnection().execute<{ indicator_id: number; year: number; unit_id: string }[]>(
        `select v.indicator_id, v.year, v.unit_id from indicator_value v
           join unnest(?::int[], ?::smallint[], ?::text[]) as k(i, y, u) on v.indicator_id = k.i and v.year = k.y and v.unit_id = k.u
          where v.status = 'APPROVED'`,
        [toPgArray(rowsToWrite.map((v) => v.indicatorId)), toPgArray(rowsToWrite.map((v) => v.year)), toPgArray(rowsToWrite.map((v) => v.unitId))],
      );
      const locked = new Set(approved.map((a) => `${a.indicator_id}|${a.year}|${a.unit_id}`));
      valid.forEach((v, i) => {
        if (v && locked.has(`${v.indicatorId}|${v.year}|${v.unitId}`)) fail(i, 'value', 'the stored value is APPROVED and cannot be changed');
      });
    }
    if (errors.length > 0) return { written: 0, errors: errors.sort((a, b) => a.row - b.row) };

    // Rows go in one canonical order (sorted above, and `order by` in the insert); a deadlock or
    // serialization failure that still happens (e.g. with another writer) is retried a few times
    // with jitter before it is reported.
    for (let attempt = 1; ; attempt++) {
      try {
        await this.writeBatch(rowsToWrite, recordedBy);
        break;
      } catch (error) {
        if (error instanceof ApprovedMeanwhile) {
          return {
            written: 0,
            errors: rows.map((_, row) => ({
              row,
              field: 'value',
              reason: 'a value of this batch was APPROVED meanwhile; nothing was written, send the batch again',
            })),
          };
        }
        if (!isRetryable(error) || attempt >= WRITE_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, attempt * (10 + Math.random() * 40)));
      }
    }
    return { written: rowsToWrite.length, errors: [] };
  }

  /** One attempt at writing a validated batch, in one transaction. */
  private async writeBatch(rowsToWrite: Validated[], recordedBy: string): Promise<void> {
    await this.em.transactional(async (tx) => {
      await setChangeContext(tx, recordedBy);
      const written = await tx.getConnection().execute(
        `insert into indicator_value (indicator_id, year, unit_id, value, numeric_value, status, source, recorded_by, recorded_at)
         select i, y, u, v, n, s, src, ?, now()
           from unnest(?::int[], ?::smallint[], ?::text[], ?::text[], ?::float8[], ?::text[], ?::text[]) as t(i, y, u, v, n, s, src)
          order by i, y, u
         on conflict (indicator_id, year, unit_id) do update
           set value = excluded.value, numeric_value = excluded.numeric_value, status = excluded.status,
               source = excluded.source, recorded_by = excluded.recorded_by, recorded_at = now()
           where indicator_value.status <> 'APPROVED'`,
        [
          recordedBy,
          toPgArray(rowsToWrite.map((v) => v.indicatorId)),
          toPgArray(rowsToWrite.map((v) => v.year)),
          toPgArray(rowsToWrite.map((v) => v.unitId)),
          toPgArray(rowsToWrite.map((v) => v.text)),
          toPgArray(rowsToWrite.map((v) => v.numeric)),
          toPgArray(rowsToWrite.map((v) => v.status)),
          toPgArray(rowsToWrite.map((v) => v.source)),
        ],
        'run',
        tx.getTransactionContext(),
      );
      const affected = (written as { affectedRows?: number }).affectedRows ?? rowsToWrite.length;
      // A value approved between the check and the write: roll the whole batch back.
      if (affected !== rowsToWrite.length) throw new ApprovedMeanwhile();
    });
  }

  /**
   * Stored values of units for a year, per unit and year: indicator id → stored record (one set-based
   * statement). Each (unit, year) is looked up on the (unit_id, year) index: a lateral subquery kept
   * apart with `offset 0`, because joined directly to unnest(keys) PostgreSQL may hash the whole
   * table instead — it did on a table of 200,000 values, a sequential scan costing 150–300 ms for one
   * province; the 412 index look-ups of this form took 12 ms with 4.8 million values stored.
   * recordedAt comes as ISO 8601 UTC text written by PostgreSQL instead of a Date parsed by
   * node-postgres and formatted back (reading a province's 23,736 rows took 96–107 ms with the
   * parse and 60–75 ms without it, in a bare node-postgres test).
   * With `indicatorIds`, only the values of those indicators are read (the pilot facts need 5 of
   * the ~100 values a commune has in a year; reading them all made ~90 MB of garbage per pull).
   */
  async valuesOf(
    keys: readonly { unitId: string; year: number }[],
    indicatorIds?: readonly number[],
  ): Promise<Map<string, Map<number, IndicatorValueRecord>>> {
    const onlySome = indicatorIds ? 'and i.indicator_id = any(?::int[])' : '';
    const rows = await this.em.getConnection().execute<Record<string, unknown>[]>(
      `select ${columnsOf(this.em, IndicatorValueRecord, 'v', ['recorded_at'])}, ${ISO_RECORDED_AT} as recorded_at
         from unnest(?::text[], ?::smallint[]) as k(u, y)
        cross join lateral (select * from indicator_value i where i.unit_id = k.u and i.year = k.y ${onlySome} offset 0) v`,
      [toPgArray(keys.map((k) => k.unitId)), toPgArray(keys.map((k) => k.year)), ...(indicatorIds ? [toPgArray(indicatorIds)] : [])],
    );
    const result = new Map<string, Map<number, IndicatorValueRecord>>();
    // Read-only rows: plain objects, not managed entities. em.map merges each into the identity
    // map (a province pull's 42,000 values spent most of their time there), and even a bare
    // `new IndicatorValueRecord()` runs the ORM's relation setters on every assignment.
    // (indicatorKey is not a column: the resolvers that answer it set it from the catalog.)
    const records = rows.map(
      (row) =>
        ({
          indicatorId: row.indicator_id as number,
          year: row.year as number,
          unitId: row.unit_id as string,
          value: row.value as string,
          status: row.status as IndicatorValueRecord['status'],
          numericValue: (row.numeric_value ?? null) as number | null,
          source: row.source as string,
          recordedBy: row.recorded_by as string,
          recordedAt: row.recorded_at as string,
        }) as IndicatorValueRecord,
    );
    for (const record of records) {
      const key = `${record.unitId}|${record.year}`;
      let m = result.get(key);
      if (!m) result.set(key, (m = new Map<number, IndicatorValueRecord>()));
      m.set(record.indicatorId, record);
    }
    return result;
  }
}
