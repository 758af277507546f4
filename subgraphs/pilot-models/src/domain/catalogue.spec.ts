import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readCatalogue, sharedDir } from '../data-files';
import { DataFileError, parseCentralPlan, parseLifecycle, parseTopicGroups, parseVillageRequirements } from './catalogue';

const catalogue = readCatalogue();

describe('the committed data files', () => {
  it('parse and agree with each other', () => {
    expect(catalogue.lifecycle).toHaveLength(14);
    expect(catalogue.centralPlan.map((c) => c.deadline)).toEqual([
      '2022-11-30',
      '2022-12-10',
      '2023-03-30',
      '2023-06-30',
      '2025-12-31',
      '2025-12-31',
      '2025-12-31',
    ]);
    expect(catalogue.topicGroups.filter((g) => g.kind === 'SMART_COMMUNE')).toHaveLength(6);
    expect(catalogue.topicGroups.filter((g) => g.kind === 'ECOMMERCE_COMMUNE')).toHaveLength(5);
    expect(catalogue.villageRequirements).toHaveLength(10);
  });

  // Every row quotes the Vietnamese line it comes from; the quote must be in the seed it names.
  // The seeds are in shared/seeds (NTM_SHARED_DIR, or beside the repository), as for the other packages' real-data specs.
  const seedsDir = path.join(sharedDir(), 'seeds');
  it('every quoted line occurs in the seed the row names', () => {
    const seeds = new Map(readdirSync(seedsDir).map((f) => [f.slice(0, 3), readFileSync(path.join(seedsDir, f), 'utf8').replace(/\s+/g, ' ')]));
    const rows = [...catalogue.lifecycle, ...catalogue.centralPlan, ...catalogue.topicGroups, ...catalogue.villageRequirements];
    for (const r of rows) {
      const seed = /^seed (\d{3})/.exec(r.source)?.[1];
      expect(seed && seeds.has(seed)).toBeTruthy();
      expect({ source: r.source, found: seeds.get(seed!)!.includes(r.quoteVi.replace(/\s+/g, ' ')) }).toEqual({ source: r.source, found: true });
    }
  });
});

describe('parsers report the file, line and column of a problem', () => {
  const LC = 'phase,order,code,name_vi,name_en,depends_on,evidence_required,central_step,source,quote_vi\n';
  const row = (over: Partial<Record<string, string>> = {}) => {
    const r = {
      phase: 'DESIGN',
      order: '1',
      code: 'A',
      name_vi: 'a',
      name_en: 'a',
      depends_on: '',
      evidence_required: 'false',
      central_step: '2',
      source: 'seed 001',
      quote_vi: 'q',
      ...over,
    };
    return Object.values(r).join(',') + '\n';
  };
  const fails = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(DataFileError);
      const d = e as DataFileError;
      return [d.line, d.column, d.reason];
    }
    throw new Error('expected a DataFileError');
  };

  it('lifecycle', () => {
    expect(parseLifecycle(LC + row() + row({ order: '2', code: 'B', depends_on: 'A' }))[1].dependsOn).toEqual(['A']);
    expect(fails(() => parseLifecycle(LC + row({ depends_on: 'B' }) + row({ order: '2', code: 'B' })))).toEqual([
      2,
      'depends_on',
      '"B" is not a step on an earlier row',
    ]);
    expect(fails(() => parseLifecycle(LC + row() + row({ code: 'A', order: '2' })))).toEqual([3, 'code', 'duplicate code "A"']);
    expect(fails(() => parseLifecycle(LC + row({ evidence_required: 'yes' })))).toEqual([2, 'evidence_required', '"yes" is not true or false']);
    expect(fails(() => parseLifecycle(LC + row({ phase: 'BUILD' })))[1]).toBe('phase');
    expect(fails(() => parseLifecycle(LC + row({ order: '2' })))).toEqual([
      2,
      'order',
      'expected 1 (steps of a phase are numbered 1, 2, … in file order)',
    ]);
    expect(fails(() => parseLifecycle(LC.replace(',quote_vi', '') + 'x\n'))).toEqual([1, 'quote_vi', expect.stringContaining('missing column')]);
  });

  it('central plan, topic groups, village requirements', () => {
    const CP = 'step,code,name_vi,name_en,starts_on,deadline,responsible,source,quote_vi,note\n';
    expect(fails(() => parseCentralPlan(CP + '1,A,a,a,,2022-11-31,r,s,q,\n'))).toEqual([2, 'deadline', '"2022-11-31" is not a date YYYY-MM-DD']);
    expect(fails(() => parseCentralPlan(CP + '1,A,a,a,2023-01-01,2022-11-30,r,s,q,\n'))[1]).toBe('starts_on');
    expect(fails(() => parseTopicGroups('kind,order,code,name_vi,name_en,source,quote_vi\nSMART_VILLAGE,1,A,a,a,s,q\n'))[1]).toBe('kind');
    const VR = 'order,code,name_vi,name_en,measure,threshold,evidence_required,applies,source,quote_vi,note\n';
    expect(fails(() => parseVillageRequirements(VR + '1,A,a,a,PERCENTAGE,= true,false,ALWAYS,s,q,\n'))).toEqual([
      2,
      'threshold',
      '"= true" does not fit measure PERCENTAGE',
    ]);
    expect(fails(() => parseVillageRequirements(VR + '1,A,a,a,PERCENTAGE,>= 120,false,ALWAYS,s,q,\n'))[2]).toBe('a percentage above 100');
    expect(fails(() => parseVillageRequirements(VR + '1,A,a,a,NUMBER,> 1,false,ALWAYS,s,q,\n'))[1]).toBe('threshold');
  });
});
