import type { MikroORM } from '@mikro-orm/postgresql';
import { dataVersion, ExportRefusal, rowsSelect, textLiteral, UNIT_REF, type DatasetExport, type ExportColumn } from '@ntm/change-log';
import { createHash } from 'node:crypto';
import { FIRST_YEAR, LAST_YEAR } from '../domain/reporting-period';
import { setsInForce } from '../domain/set-validity';
import { AttainmentService } from '../services/attainment.service';
import { getCatalog } from '../services/catalog';

const hash = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 24);

async function seededVersion(q: { query<R>(sql: string, params?: unknown[]): Promise<{ rows: R[] }> }, step: string): Promise<string> {
  const { rows } = await q.query<{ fingerprint: string }>(`select fingerprint from seed_state where step = $1`, [step]);
  return rows[0]?.fingerprint ?? 'empty';
}

function yearOf(text: string | undefined, required: boolean): number | null {
  if (text === undefined) {
    if (required) throw new ExportRefusal(400, 'year', 'is required (a four-digit year)');
    return null;
  }
  if (!/^\d{4}$/.test(text)) throw new ExportRefusal(400, 'year', `must be a four-digit year, got "${text.slice(0, 20)}"`);
  const year = Number(text);
  if (year < FIRST_YEAR || year > LAST_YEAR) throw new ExportRefusal(400, 'year', `must be between ${FIRST_YEAR} and ${LAST_YEAR}, got ${year}`);
  return year;
}

/**
 * `GET /exports/criteria-sets?set=&year=`: the criteria catalogue as open data (bộ tiêu chí), one row
 * per indicator with its set, criterion and threshold rule; every fact carries its source and
 * confidence, and a threshold not verified against the legal text says so (thresholdPlaceholder).
 */
export const CRITERIA_SETS_EXPORT: DatasetExport = {
  name: 'criteria-sets',
  description: 'the criteria sets (bộ tiêu chí nông thôn mới): one row per indicator with its set, criterion, value type and threshold rule',
  access: 'open data: anyone, signed in or not',
  parameters: {
    set: 'only this criteria set (its code, e.g. COMMUNE_NTM_2021_2025)',
    year: 'only the sets in force in this year (a set’s phase, e.g. 2021–2025)',
  },
  columns: [
    { key: 'setCode', kind: 'string', description: 'code of the criteria set, e.g. COMMUNE_NTM_2021_2025' },
    { key: 'setKind', kind: 'string', description: 'NATIONAL, PILOT_ELIGIBILITY, … (the kind of set)' },
    { key: 'phase', kind: 'string', description: 'the years the set is in force, e.g. "2021-2025"' },
    { key: 'level', kind: 'string', description: 'COMMUNE or DISTRICT: the units the set assesses' },
    { key: 'tier', kind: 'string', description: 'STANDARD, ADVANCED or MODEL (NTM, NTM nâng cao, NTM kiểu mẫu)' },
    { key: 'setNameVi', kind: 'string', description: 'official Vietnamese name of the set' },
    { key: 'setNameEn', kind: 'string', description: 'English name of the set (a translation)' },
    { key: 'legalBasis', kind: 'string', description: 'the legal text that issues the set, e.g. "318/QĐ-TTg"' },
    { key: 'criterionNumber', kind: 'number', description: 'number of the criterion (tiêu chí) within the set' },
    { key: 'criterionNameVi', kind: 'string', description: 'Vietnamese name of the criterion' },
    { key: 'criterionNameEn', kind: 'string', description: 'English name of the criterion (a translation)' },
    {
      key: 'indicatorCode',
      kind: 'string',
      description: 'code of the indicator (chỉ tiêu) within the set, e.g. "8.4"; indicator values name it "<setCode>/<indicatorCode>"',
    },
    { key: 'indicatorNameVi', kind: 'string', description: 'Vietnamese text of the indicator' },
    { key: 'indicatorNameEn', kind: 'string', description: 'English text of the indicator (a translation)' },
    { key: 'valueType', kind: 'string', description: 'BOOLEAN, PERCENTAGE (0–100), NUMBER or CATEGORY: what a value of the indicator is' },
    { key: 'unitOfMeasure', kind: 'string', description: 'unit of measure, e.g. "%"' },
    {
      key: 'thresholdRule',
      kind: 'string',
      description: 'the threshold as written in the data file, e.g. ">= 50 if EM_MTN_ISL else >= 80"; empty when no threshold is known',
    },
    { key: 'thresholdPlaceholder', kind: 'boolean', description: 'true when the threshold is a PLACEHOLDER, not verified against the legal text' },
    { key: 'source', kind: 'string', description: 'where the indicator and its threshold come from' },
    { key: 'confidence', kind: 'string', description: 'confidence in that source: HIGH, MEDIUM or LOW' },
  ],
  async prepare({ q, params }) {
    const where: string[] = [];
    if (params.set !== undefined) {
      const { rows } = await q.query(`select 1 from criteria_set where code = $1`, [params.set]);
      if (rows.length === 0) throw new ExportRefusal(400, 'set', `no criteria set "${params.set.slice(0, 60)}"`);
      where.push(`s.code = ${textLiteral(params.set)}`);
    }
    const year = yearOf(params.year, false);
    if (year !== null) where.push(`${year} between substr(s.phase, 1, 4)::int and substr(s.phase, 6, 4)::int`);
    const select = `
      select s.code as "setCode", s.kind as "setKind", s.phase as "phase", s.level as "level", s.tier as "tier",
             s.name_vi as "setNameVi", s.name_en as "setNameEn", s.legal_basis as "legalBasis",
             c.number as "criterionNumber", c.name_vi as "criterionNameVi", c.name_en as "criterionNameEn",
             i.code as "indicatorCode", i.name_vi as "indicatorNameVi", i.name_en as "indicatorNameEn", i.value_type as "valueType",
             i.unit_of_measure as "unitOfMeasure", i.threshold_rule as "thresholdRule", i.threshold_placeholder as "thresholdPlaceholder",
             i.source as "source", i.confidence as "confidence"
        from indicator i join criterion c on c.id = i.criterion_id join criteria_set s on s.code = i.set_code
       ${where.length ? `where ${where.join(' and ')}` : ''}
       order by s.code, c.number, i.position`;
    return { select, version: hash(`${await seededVersion(q, 'criteria-sets')}`) };
  },
};

const SUMMARY_COLUMNS: ExportColumn[] = [
  { key: 'setCode', kind: 'string', description: 'criteria set rolled up (criteria-sets describes it)' },
  { key: 'year', kind: 'number', description: 'reporting year' },
  { key: 'withinId', kind: 'string', description: 'id of the province or district rolled up over; empty for the whole country' },
  { key: 'scope', kind: 'string', description: 'SET (units meeting the whole set), CRITERION or INDICATOR' },
  { key: 'code', kind: 'string', description: 'criterion number or indicator code; empty for SET' },
  { key: 'unitCount', kind: 'number', description: 'units of the set’s level in the area on the year’s list' },
  { key: 'metCount', kind: 'number', description: 'units meeting it (đạt), from approved values only' },
  { key: 'notMetCount', kind: 'number', description: 'units not meeting it (chưa đạt); empty for SET (unitCount − metCount − units lacking data)' },
  { key: 'noDataCount', kind: 'number', description: 'units without an approved value for it (or, for a criterion, for one of its indicators)' },
  {
    key: 'notEvaluatedCount',
    kind: 'number',
    description: 'INDICATOR only: units it could not be evaluated for (no threshold known, or none applies)',
  },
];

/**
 * `GET /exports/attainment-summary?year=&within=&set=`: the roll-up of attainment (tổng hợp kết
 * quả đạt chuẩn) as open data — the same numbers as the graph's attainmentSummary, computed from
 * APPROVED values only (published data). Its version is the values' change log with the catalogue's.
 */
export function attainmentSummaryExport(orm: MikroORM): DatasetExport {
  return {
    name: 'attainment-summary',
    description:
      'attainment roll-ups (tổng hợp kết quả đạt chuẩn) of the criteria sets in force in a year over a province, a district or the country, from approved values only',
    access: 'open data: anyone, signed in or not; published (APPROVED) values only, whoever asks',
    parameters: {
      year: 'reporting year (required)',
      within: 'code of a province or district on the year’s list (absent: the whole country)',
      set: 'only this criteria set (default: every set in force in the year)',
    },
    columns: SUMMARY_COLUMNS,
    async prepare({ q, params, snapshot, horizon }) {
      const year = yearOf(params.year, true)!;
      if (params.within !== undefined && (!UNIT_REF.test(params.within) || params.within.includes('@')))
        throw new ExportRefusal(400, 'within', `must be a province or district code ("40"), got "${params.within.slice(0, 40)}"`);
      const em = orm.em.fork();
      const catalog = await getCatalog(em);
      const sets =
        params.set !== undefined ? [catalog.set(params.set)].filter((s) => s !== undefined) : setsInForce([...catalog.sets.values()], year);
      if (params.set !== undefined && sets.length === 0) throw new ExportRefusal(400, 'set', `no criteria set "${params.set.slice(0, 60)}"`);
      const service = new AttainmentService(em, catalog);
      let withinId: string | null;
      try {
        withinId = await service.resolveWithin(params.within ?? null, null, year);
      } catch (error) {
        throw new ExportRefusal(400, 'within', (error as Error).message.replace(/^within: /, ''));
      }
      const rows: unknown[][] = [];
      for (const set of sets) {
        const s = await service.summary(set, year, withinId, true);
        rows.push([set.code, year, withinId, 'SET', null, s.unitCount, s.metCount, null, null, null]);
        for (const c of s.criteria)
          rows.push([set.code, year, withinId, 'CRITERION', c.code, s.unitCount, c.metCount, c.notMetCount, c.noDataCount, null]);
        for (const i of s.indicators)
          rows.push([set.code, year, withinId, 'INDICATOR', i.code, s.unitCount, i.metCount, i.notMetCount, i.noDataCount, i.notEvaluatedCount]);
      }
      const version = hash(`${await dataVersion(q, snapshot, horizon)}|${await seededVersion(q, 'criteria-sets')}`);
      return { select: rowsSelect(SUMMARY_COLUMNS, rows), version };
    },
  };
}
