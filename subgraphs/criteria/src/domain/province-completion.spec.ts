import { readFileSync } from 'fs';
import { join } from 'path';
import {
  assessProvinceCompletion,
  COMMUNES_NTM_SHARE,
  loadProvinceCompletionConditions,
  ProvinceCompletionFileError,
  ProvinceFactsError,
} from './province-completion';

const FILE = join(__dirname, '../../data/province-completion.csv');
const HEADER = 'phase,condition_code,description_vi,description_en,value_type,unit,threshold_rule,placeholder,source,confidence,note';
/** A file whose conditions are all known, to show the MET path (test data, not the decision). */
const KNOWN = [
  HEADER,
  '2026-2030,COMMUNES_NTM_SHARE,Tỷ lệ xã đạt chuẩn,Share of communes recognised,PERCENTAGE,%,= 100,true,test,LOW,',
  '2026-2030,MODERN_COMMUNES,Số xã hiện đại,Modern communes,NUMBER,communes,>= 1,false,test,LOW,',
].join('\n');

describe('the committed province completion file (51/2025/QĐ-TTg Appendix III)', () => {
  const conditions = loadProvinceCompletionConditions(readFileSync(FILE, 'utf8'));

  it('has the share-of-communes condition as a placeholder and the unread conditions without a rule', () => {
    expect(conditions.map((c) => c.code)).toEqual([COMMUNES_NTM_SHARE, 'OTHER_APPENDIX_III_CONDITIONS']);
    expect(conditions[0]).toMatchObject({
      phase: '2026-2030',
      validFromYear: 2026,
      validToYear: 2030,
      ruleText: '= 100',
      placeholder: true,
      unit: '%',
    });
    expect(conditions[1]).toMatchObject({ rule: null, placeholder: false });
    for (const c of conditions) expect(c.source).toMatch(/51\/2025\/QĐ-TTg|baophapluat/);
  });

  it('is NOT_MET, explained, when a commune is not recognised', () => {
    const a = assessProvinceCompletion(conditions, { provinceCode: '33', year: 2027, communesTotal: 50, communesRecognised: 40 });
    expect(a).toMatchObject({ status: 'NOT_MET', provisional: true, phase: '2026-2030' });
    expect(a.conditions[0]).toMatchObject({ code: COMMUNES_NTM_SHARE, status: 'NOT_MET', value: 80, threshold: '= 100%' });
    expect(a.conditions[0].description).toBe(
      "Share of the province's communes recognised as NTM communes under the 2026-2030 set: 80% (40 of 50 communes), does not meet = 100% (placeholder threshold)",
    );
    expect(a.explanation).toBe('NOT_MET: COMMUNES_NTM_SHARE 80 vs = 100%');
  });

  it('is never MET while Appendix III conditions are unknown', () => {
    const a = assessProvinceCompletion(conditions, { provinceCode: '33', year: 2027, communesTotal: 50, communesRecognised: 50 });
    expect(a.status).toBe('NOT_EVALUATED');
    expect(a.conditions.map((c) => [c.code, c.status, c.reason])).toEqual([
      [COMMUNES_NTM_SHARE, 'MET', null],
      ['OTHER_APPENDIX_III_CONDITIONS', 'NOT_EVALUATED', 'NO_RULE'],
    ]);
  });
});

describe('assessProvinceCompletion', () => {
  const conditions = loadProvinceCompletionConditions(KNOWN);

  it('is MET when every condition is met (provisional: a placeholder threshold decided)', () => {
    const a = assessProvinceCompletion(conditions, {
      provinceCode: '01',
      year: 2026,
      communesTotal: 3,
      communesRecognised: 3,
      values: { MODERN_COMMUNES: 2 },
    });
    expect(a).toMatchObject({ status: 'MET', provisional: true });
    expect(a.conditions.map((c) => c.status)).toEqual(['MET', 'MET']);
  });

  it('takes a share given directly over the counts, and reports missing facts as NOT_EVALUATED', () => {
    const a = assessProvinceCompletion(conditions, { provinceCode: '01', year: 2026, values: { COMMUNES_NTM_SHARE: 100 } });
    expect(a.status).toBe('NOT_EVALUATED');
    expect(a.conditions[1]).toMatchObject({ status: 'NOT_EVALUATED', reason: 'MISSING_VALUE', threshold: '≥ 1 communes' });
  });

  it('rounds the computed share to one decimal', () => {
    const a = assessProvinceCompletion(conditions, {
      provinceCode: '01',
      year: 2026,
      communesTotal: 3,
      communesRecognised: 2,
      values: { MODERN_COMMUNES: 0 },
    });
    expect(a.conditions.map((c) => c.value)).toEqual([66.7, 0]);
    expect(a.status).toBe('NOT_MET');
  });

  it('rejects bad facts, naming the field', () => {
    const bad = (facts: Parameters<typeof assessProvinceCompletion>[1]) => {
      try {
        assessProvinceCompletion(conditions, facts);
      } catch (e) {
        if (e instanceof ProvinceFactsError) return e.message;
        throw e;
      }
      throw new Error('no error');
    };
    expect(bad({ provinceCode: '01', year: 2026, communesTotal: 3, communesRecognised: 4 })).toBe(
      'communesRecognised: 4 is more than communesTotal 3',
    );
    expect(bad({ provinceCode: '01', year: 2026, communesTotal: -1 })).toBe('communesTotal: must be a whole number ≥ 0, got -1');
    expect(bad({ provinceCode: '01', year: 2026, communesTotal: 0 })).toMatch(/^communesTotal: must be at least 1/);
    expect(bad({ provinceCode: 'X', year: 2026 })).toMatch(/^provinceCode: must be a two-digit/);
    expect(bad({ provinceCode: '01', year: 2024 })).toBe(
      'year: no province completion conditions are in force in 2024 (phases in the file: 2026-2030)',
    );
    expect(bad({ provinceCode: '01', year: 2026, values: { COMMUNES_NTM_SHARE: 'lots' } })).toMatch(/^values\.COMMUNES_NTM_SHARE: /);
  });

  it('reports problems in the conditions file with line and column', () => {
    const text = [HEADER, '2026-2030,bad code,x,x,CATEGORY,,= 1,maybe,s,SURE,'].join('\n');
    expect(() => loadProvinceCompletionConditions(text)).toThrow(ProvinceCompletionFileError);
    try {
      loadProvinceCompletionConditions(text);
    } catch (e) {
      const p = (e as ProvinceCompletionFileError).problems.map((x) => `${x.line}/${x.column}`);
      expect(p).toEqual(['2/condition_code', '2/value_type', '2/confidence', '2/placeholder']);
    }
    expect(() => loadProvinceCompletionConditions('phase,condition_code\n')).toThrow(/missing column "description_vi"/);
  });
});
