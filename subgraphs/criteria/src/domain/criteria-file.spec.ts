import { csvField, readCsvRecords, readSharedDataText } from '@ntm/data-files';
import {
  CRITERIA_FILE_COLUMNS,
  CriteriaFileError,
  CriteriaSetDef,
  findIndicator,
  indicatorsOf,
  loadCriteriaSets,
  readCriteriaFile,
} from './criteria-file';
import { evaluateThresholdRule } from './threshold-rule';
import { readCriteriaFileText } from '../services/catalog';

type Row = Partial<Record<(typeof CRITERIA_FILE_COLUMNS)[number], string>>;
const BASE: Row = {
  set_code: 'TEST_SET',
  set_kind: 'NATIONAL',
  phase: '2021-2025',
  level: 'COMMUNE',
  tier: 'STANDARD',
  legal_basis: '318/QĐ-TTg, 08/03/2022',
  set_source: 'test',
  set_confidence: 'HIGH',
  set_name_vi: 'Bộ thử',
  set_name_en: 'Test set',
  criterion_no: '8',
  criterion_name_vi: 'Thông tin và Truyền thông',
  criterion_name_en: 'ICT',
  indicator_code: '8.1',
  indicator_name_vi: 'Chỉ tiêu',
  indicator_name_en: 'Indicator',
  value_type: 'BOOLEAN',
  unit: '',
  threshold_rule: '= true',
  placeholder: 'false',
  allowed_values: '',
  source: 'test',
  confidence: 'LOW',
  note: '',
};
function csv(...rows: Row[]): string {
  const lines = [CRITERIA_FILE_COLUMNS.join(',')];
  for (const r of rows) lines.push(CRITERIA_FILE_COLUMNS.map((c) => csvField({ ...BASE, ...r }[c] ?? '')).join(','));
  return lines.join('\n') + '\n';
}
const col = (name: (typeof CRITERIA_FILE_COLUMNS)[number]) => CRITERIA_FILE_COLUMNS.indexOf(name) + 1;

describe('the committed data file', () => {
  const text = readCriteriaFileText();
  const sets = loadCriteriaSets(text);
  const byCode = new Map(sets.map((s) => [s.code, s]));
  const set = (code: string): CriteriaSetDef => {
    const s = byCode.get(code);
    if (!s) throw new Error(`set ${code} missing`);
    return s;
  };

  it('loads without problems and has the expected sets', () => {
    expect(readCriteriaFile(text).problems).toEqual([]);
    expect(sets.map((s) => s.code)).toEqual([
      'COMMUNE_NTM_2021_2025',
      'COMMUNE_ADVANCED_2021_2025',
      'DISTRICT_NTM_2021_2025',
      'DISTRICT_ADVANCED_2021_2025',
      'COMMUNE_SMART_PILOT_ELIGIBILITY_2021_2025',
      'COMMUNE_NTM_2026_2030',
      'COMMUNE_MODERN_PILOT_ELIGIBILITY_2026_2030',
    ]);
    expect(set('COMMUNE_NTM_2021_2025')).toMatchObject({
      kind: 'NATIONAL',
      phase: '2021-2025',
      level: 'COMMUNE',
      tier: 'STANDARD',
      legalBasis: '318/QĐ-TTg, 08/03/2022',
      confidence: 'HIGH',
    });
    expect(set('DISTRICT_ADVANCED_2021_2025').confidence).toBe('LOW');
    expect(set('COMMUNE_ADVANCED_2021_2025')).toMatchObject({ level: 'COMMUNE', tier: 'ADVANCED', legalBasis: '318/QĐ-TTg, 08/03/2022' });
    expect(set('DISTRICT_NTM_2021_2025')).toMatchObject({ level: 'DISTRICT', tier: 'STANDARD', legalBasis: '320/QĐ-TTg, 08/03/2022' });
    expect(set('DISTRICT_ADVANCED_2021_2025')).toMatchObject({ level: 'DISTRICT', tier: 'ADVANCED' });
    expect(set('COMMUNE_SMART_PILOT_ELIGIBILITY_2021_2025')).toMatchObject({ kind: 'PILOT_ELIGIBILITY', level: 'COMMUNE' });
  });

  it('has the 2026–2030 commune set: 10 criteria, 47 indicators, each with a source and a placeholder rule by commune group', () => {
    const s = set('COMMUNE_NTM_2026_2030');
    expect(s).toMatchObject({
      kind: 'NATIONAL',
      phase: '2026-2030',
      level: 'COMMUNE',
      tier: 'STANDARD',
      legalBasis: '51/2025/QĐ-TTg, 29/12/2025',
      validFromYear: 2026,
      validToYear: 2030,
    });
    expect(s.criteria.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(s.criteria.map((c) => c.nameVi)).toEqual([
      'Quy hoạch',
      'Hạ tầng kinh tế - xã hội',
      'Phát triển kinh tế nông thôn',
      'Đào tạo nguồn nhân lực nông thôn',
      'Văn hóa, giáo dục, y tế',
      'Giảm nghèo và an sinh xã hội',
      'Khoa học công nghệ và chuyển đổi số',
      'Môi trường và cảnh quan nông thôn',
      'Xây dựng hệ thống chính trị và hành chính công',
      'Tiếp cận pháp luật và an ninh, quốc phòng',
    ]);
    const inds = indicatorsOf(s);
    expect(inds).toHaveLength(47);
    expect(s.criteria.every((c) => c.indicators.length > 0)).toBe(true);
    for (const i of inds) {
      expect(i.source).toMatch(/51\/2025\/QĐ-TTg/);
      // Appendix I's indicator table was not read: every threshold is a marked placeholder
      expect(i).toMatchObject({ placeholder: true, confidence: 'LOW' });
      expect(i.rule).not.toBeNull();
    }
    // every numeric rule that varies names each group, so no group falls through to "no threshold"
    const byGroup = (code: string) => {
      const ind = findIndicator(s, code)!;
      return [1, 2, 3].map(
        (g) =>
          evaluateThresholdRule(
            ind.rule!,
            { ethnicMinorityArea: false, mountainous: false, island: false, region: null, communeGroup: g as 1 | 2 | 3 },
            2026,
            ind.unit,
          )?.description,
      );
    };
    for (const i of inds) expect(byGroup(i.code)).not.toContain(undefined);
    const varying = inds.filter((i) => new Set(byGroup(i.code)).size > 1);
    expect(varying.length).toBeGreaterThan(10);
    expect(byGroup('3.1')).toEqual(['≥ 80 million VND/person/year', '≥ 70 million VND/person/year', '≥ 55 million VND/person/year']);
    expect(byGroup('6.1')).toEqual(['≤ 3%', '≤ 6%', '≤ 13%']);
  });

  it('has the modern NTM commune pilot framework as a pilot-eligibility set without known conditions', () => {
    const s = set('COMMUNE_MODERN_PILOT_ELIGIBILITY_2026_2030');
    expect(s).toMatchObject({ kind: 'PILOT_ELIGIBILITY', level: 'COMMUNE', validFromYear: 2026, validToYear: 2030 });
    expect(s.criteria).toHaveLength(1);
    expect(s.criteria[0].indicators).toEqual([]);
  });

  it("derives every set's validity period from its phase", () => {
    expect(set('COMMUNE_NTM_2021_2025')).toMatchObject({ validFromYear: 2021, validToYear: 2025 });
    expect(set('DISTRICT_NTM_2021_2025')).toMatchObject({ validFromYear: 2021, validToYear: 2025 });
  });

  it('has 19 commune criteria and 9 district criteria, numbered 1..n', () => {
    for (const [code, n] of [
      ['COMMUNE_NTM_2021_2025', 19],
      ['COMMUNE_ADVANCED_2021_2025', 19],
      ['DISTRICT_NTM_2021_2025', 9],
      ['DISTRICT_ADVANCED_2021_2025', 9],
    ] as const) {
      expect(set(code).criteria.map((c) => c.number)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    }
  });

  it('has the indicators named by the seeds, in the right criteria', () => {
    const where = (setCode: string, code: string) => {
      const ind = findIndicator(set(setCode), code);
      if (!ind) throw new Error(`${setCode} ${code} missing`);
      return {
        criterion: ind.criterionNumber,
        criterionName: set(setCode).criteria.find((c) => c.number === ind.criterionNumber)!.nameEn,
        valueType: ind.valueType,
      };
    };
    expect(where('COMMUNE_NTM_2021_2025', '8.4')).toEqual({ criterion: 8, criterionName: 'Information and communication', valueType: 'BOOLEAN' });
    expect(where('COMMUNE_ADVANCED_2021_2025', '8.4').criterion).toBe(8);
    expect(where('COMMUNE_ADVANCED_2021_2025', '15.2')).toMatchObject({ criterion: 15, criterionName: 'Public administration' });
    expect(where('DISTRICT_NTM_2021_2025', '9.5')).toMatchObject({ criterion: 9, criterionName: 'Security and order - public administration' });
    expect(where('DISTRICT_ADVANCED_2021_2025', '6.5')).toMatchObject({ criterion: 6, criterionName: 'Economy' });
    expect(where('DISTRICT_ADVANCED_2021_2025', '9.2').criterion).toBe(9);
  });

  it('keeps verified thresholds unflagged and flags the others as placeholders', () => {
    const ntm = set('COMMUNE_NTM_2021_2025');
    expect(findIndicator(ntm, '8.4')).toMatchObject({ ruleText: '= true', placeholder: false, confidence: 'MEDIUM' });
    expect(findIndicator(ntm, '2.1')).toMatchObject({ ruleText: '= 100', placeholder: false });
    expect(findIndicator(ntm, '10')).toMatchObject({ valueType: 'NUMBER', unit: 'million VND/person/year', placeholder: true });
    expect(findIndicator(set('COMMUNE_ADVANCED_2021_2025'), '15.2')).toMatchObject({ ruleText: '= true', placeholder: true });
    expect(findIndicator(set('DISTRICT_NTM_2021_2025'), '9.5')).toMatchObject({ placeholder: true });
    // every indicator of the commune NTM set has a rule, so the set can be evaluated
    expect(indicatorsOf(ntm).filter((i) => i.rule === null)).toEqual([]);
    // district criteria 1–8 have no indicators
    expect(
      set('DISTRICT_NTM_2021_2025')
        .criteria.filter((c) => c.indicators.length === 0)
        .map((c) => c.number),
    ).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('carries the pilot eligibility measures with the 50/80 smartphone rule', () => {
    const pilot = set('COMMUNE_SMART_PILOT_ELIGIBILITY_2021_2025');
    expect(indicatorsOf(pilot).map((i) => [i.code, i.ruleText, i.placeholder])).toEqual([
      ['1.1', '>= 50', false],
      ['2.1', '= 100', false],
      ['2.2', '= 100', false],
      ['2.3', '= 100', false],
      ['3.1', '>= 50 if EM_MTN_ISL else >= 80', false],
    ]);
    const rule = findIndicator(pilot, '3.1')!.rule!;
    const plain = { ethnicMinorityArea: false, mountainous: false, island: false, region: 'DBSH' as const };
    expect(evaluateThresholdRule(rule, plain, 2024, '%')?.description).toBe('≥ 80%');
    expect(evaluateThresholdRule(rule, { ...plain, island: true }, 2024, '%')?.description).toBe('≥ 50%');
  });

  it('carries every row of the reference CSV (shared/data/criteria), and flags every threshold the reference does not give', () => {
    const [header, ...rows] = readCsvRecords(readSharedDataText('criteria', 'criteria-2021-2025.csv'));
    const h = (name: string) => header.fields.indexOf(name);
    expect(rows.length).toBeGreaterThan(60);
    for (const { fields } of rows) {
      const s = set(fields[h('set_code')]);
      const criterion = s.criteria.find((c) => c.number === Number(fields[h('criterion_no')]));
      expect(criterion).toBeDefined();
      expect([criterion!.nameVi, criterion!.nameEn]).toEqual([fields[h('criterion_name_vi')], fields[h('criterion_name_en')]]);
      const code = fields[h('indicator_code')];
      if (code === '') {
        expect(criterion!.indicators).toEqual([]);
        continue;
      }
      const ind = findIndicator(s, code);
      expect(ind).toMatchObject({
        nameVi: fields[h('indicator_name_vi')],
        nameEn: fields[h('indicator_name_en')],
        valueType: fields[h('value_type')],
        source: fields[h('source')],
        confidence: fields[h('confidence')],
      });
      const refRule = fields[h('threshold_rule')];
      if (refRule === '') expect({ code, placeholder: ind!.placeholder }).toEqual({ code, placeholder: true });
      else expect(ind!.ruleText).toBe(refRule);
    }
  });
});

describe('loadCriteriaSets validation', () => {
  function problems(text: string) {
    return readCriteriaFile(text).problems;
  }

  it('reads a minimal valid file, sorting criteria and indicators', () => {
    const sets = loadCriteriaSets(
      csv(
        {
          criterion_no: '17',
          criterion_name_vi: 'Môi trường',
          criterion_name_en: 'Environment',
          indicator_code: '17.10',
          value_type: 'PERCENTAGE',
          threshold_rule: '>= 30',
          placeholder: 'true',
        },
        {
          criterion_no: '17',
          criterion_name_vi: 'Môi trường',
          criterion_name_en: 'Environment',
          indicator_code: '17.2',
          value_type: 'PERCENTAGE',
          unit: '%',
          threshold_rule: '= 100',
        },
        { indicator_code: '8.1' },
        {
          criterion_no: '1',
          criterion_name_vi: 'Quy hoạch',
          criterion_name_en: 'Planning',
          indicator_code: '',
          value_type: '',
          threshold_rule: '',
          placeholder: '',
          indicator_name_vi: '(chưa tìm thấy)',
          indicator_name_en: '(not found)',
        },
        {
          criterion_no: '9',
          criterion_name_vi: 'Nhà ở',
          criterion_name_en: 'Housing',
          indicator_code: '9.3',
          value_type: 'CATEGORY',
          allowed_values: 'Tốt|Khá|Kém',
          threshold_rule: 'in {Tốt, Khá}',
        },
      ),
    );
    expect(sets).toHaveLength(1);
    const s = sets[0];
    expect(s.criteria.map((c) => c.number)).toEqual([1, 8, 9, 17]);
    expect(s.criteria[0].indicators).toEqual([]);
    expect(s.criteria[3].indicators.map((i) => [i.code, i.unit, i.placeholder])).toEqual([
      ['17.2', '%', false],
      ['17.10', '%', true],
    ]);
    expect(s.criteria[2].indicators[0].allowedValues).toEqual(['Tốt', 'Khá', 'Kém']);
    expect(s.criteria[1].indicators[0]).toMatchObject({ code: '8.1', unit: null, rule: expect.any(Object), note: null });
  });

  it('reports an unknown value type with line and column', () => {
    const p = problems(csv({}, { indicator_code: '8.2', value_type: 'TEXT' }));
    expect(p).toEqual([
      { line: 3, column: col('value_type'), columnName: 'value_type', message: expect.stringContaining('unknown value_type "TEXT"') },
    ]);
  });

  it('reports a bad rule with the rule parser message', () => {
    const p = problems(csv({ value_type: 'PERCENTAGE', threshold_rule: '>= 50 if region=XX' }));
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ line: 2, column: col('threshold_rule'), columnName: 'threshold_rule' });
    expect(p[0].message).toMatch(/invalid threshold rule ">= 50 if region=XX" at character 17: expected a region code/);
  });

  it('reports a rule that does not fit the value type', () => {
    expect(problems(csv({ value_type: 'PERCENTAGE', threshold_rule: '>= 120' }))[0].message).toMatch(/outside 0..100/);
    expect(problems(csv({ value_type: 'BOOLEAN', threshold_rule: '>= 1' }))[0].message).toMatch(/BOOLEAN indicator needs/);
    expect(problems(csv({ value_type: 'CATEGORY', allowed_values: 'A|B', threshold_rule: 'in {A, C}' }))[0].message).toMatch(/"C" is not among/);
  });

  it('reports duplicate indicator codes naming the first line', () => {
    const p = problems(csv({}, { indicator_code: '8.2' }, { indicator_code: '8.1' }));
    expect(p).toEqual([
      { line: 4, column: col('indicator_code'), columnName: 'indicator_code', message: 'duplicate indicator 8.1 in set TEST_SET (first on line 2)' },
    ]);
  });

  it('allows the same indicator code in different sets', () => {
    expect(problems(csv({}, { set_code: 'OTHER_SET' }))).toEqual([]);
  });

  it('reports set metadata that differs between rows of a set', () => {
    const p = problems(csv({}, { indicator_code: '8.2', tier: 'ADVANCED' }));
    expect(p).toEqual([
      { line: 3, column: col('tier'), columnName: 'tier', message: 'tier "ADVANCED" differs from "STANDARD" given for set TEST_SET on line 2' },
    ]);
  });

  it('reports criterion names that differ between rows', () => {
    const p = problems(csv({}, { indicator_code: '8.2', criterion_name_en: 'Other' }));
    expect(p[0]).toMatchObject({ line: 3, columnName: 'criterion_name_en' });
  });

  it('reports an indicator code that does not belong to its criterion', () => {
    expect(problems(csv({ indicator_code: '9.1' }))[0]).toMatchObject({
      line: 2,
      columnName: 'indicator_code',
      message: expect.stringContaining('does not belong to criterion 8'),
    });
    expect(problems(csv({ indicator_code: '8.a' }))[0].message).toMatch(/must look like "8" or "8.4"/);
  });

  it('reports bad enumerations and required fields', () => {
    const p = problems(
      csv({ level: 'PROVINCE', tier: 'GOLD', confidence: 'SURE', set_kind: '', source: '', phase: '2025-2021', set_confidence: 'high' }),
    );
    expect(p.map((x) => x.columnName).sort()).toEqual(['confidence', 'level', 'phase', 'set_confidence', 'set_kind', 'source', 'tier']);
    expect(p.find((x) => x.columnName === 'level')!.message).toBe('unknown level "PROVINCE" (expected one of COMMUNE, DISTRICT)');
  });

  it('reports placeholder problems', () => {
    expect(problems(csv({ placeholder: 'yes' }))[0].message).toMatch(/placeholder must be true, false or empty/);
    expect(problems(csv({ threshold_rule: '', placeholder: 'true' }))[0].message).toMatch(/placeholder=true needs a threshold_rule/);
  });

  it('reports unit and allowed_values misuse', () => {
    expect(problems(csv({ value_type: 'PERCENTAGE', unit: 'pct', threshold_rule: '>= 1' }))[0].message).toMatch(/unit must be "%"/);
    expect(problems(csv({ unit: 'kg' }))[0].message).toMatch(/BOOLEAN indicator has no unit/);
    expect(problems(csv({ allowed_values: 'A|B' }))[0].message).toMatch(/only for CATEGORY/);
    expect(problems(csv({ value_type: 'CATEGORY', threshold_rule: '', allowed_values: 'A||B' }))[0].message).toMatch(/empty item/);
  });

  it('reports criterion-only rows mixed with indicator rows or carrying indicator data', () => {
    const only = { indicator_code: '', value_type: '', threshold_rule: '', placeholder: '' };
    expect(problems(csv({}, only))[0]).toMatchObject({ line: 3, message: expect.stringContaining('has indicator rows') });
    expect(problems(csv(only, {}))[0]).toMatchObject({ line: 3, message: expect.stringContaining('declared without indicators on line 2') });
    expect(problems(csv(only, only))[0]).toMatchObject({ line: 3, message: expect.stringContaining('already declared on line 2') });
    expect(problems(csv({ ...only, value_type: 'BOOLEAN' }))[0]).toMatchObject({
      columnName: 'value_type',
      message: expect.stringContaining('must be empty on a criterion-only row'),
    });
  });

  it('reports header problems', () => {
    const header = CRITERIA_FILE_COLUMNS.filter((c) => c !== 'source').join(',') + ',comment\n';
    const p = problems(header);
    expect(p.map((x) => x.message)).toEqual([expect.stringContaining('unknown column "comment"'), 'missing column "source"']);
    expect(problems('')[0].message).toMatch(/empty/);
  });

  it('accepts columns in any order and without optional columns', () => {
    const cols = [...CRITERIA_FILE_COLUMNS].filter((c) => !['note', 'allowed_values', 'unit'].includes(c)).reverse();
    const text = cols.join(',') + '\n' + cols.map((c) => csvField(BASE[c] ?? '')).join(',') + '\n';
    const sets = loadCriteriaSets(text);
    expect(findIndicator(sets[0], '8.1')).toMatchObject({ ruleText: '= true', unit: null });
  });

  it('reports a row with the wrong number of fields, and CSV syntax errors, by line', () => {
    const text = csv({}) + 'TEST_SET,NATIONAL\n';
    expect(problems(text)).toEqual([
      { line: 3, column: null, columnName: null, message: `expected ${CRITERIA_FILE_COLUMNS.length} fields, found 2` },
    ]);
    expect(problems(csv({}) + 'x,"unterminated\n')).toEqual([{ line: 3, column: 2, columnName: null, message: 'unterminated quoted field' }]);
  });

  it('throws a CriteriaFileError listing all problems from loadCriteriaSets', () => {
    let error: unknown;
    try {
      loadCriteriaSets(csv({ value_type: 'TEXT' }, { indicator_code: '8.2', confidence: 'X' }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CriteriaFileError);
    const e = error as CriteriaFileError;
    expect(e.problems).toHaveLength(2);
    expect(e.message).toContain(`line 2, column ${col('value_type')} (value_type): unknown value_type "TEXT"`);
    expect(e.message).toContain(`line 3, column ${col('confidence')} (confidence): unknown confidence "X"`);
  });
});
