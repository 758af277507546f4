import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readCsvObjects, readSharedDataText } from '@ntm/data-files';
import type { MatchableUnit, UnitLevel } from '@ntm/names';
import { resolveLineage, type PredecessorRow } from './lineage';
import { renderLineageReport } from './lineage-report';

const read = (file: string) => readCsvObjects(readSharedDataText('admin-units', file));
const units = (file: string, list: string): MatchableUnit[] =>
  read(file).map((r) => ({
    id: `${r.code}@${list}`,
    code: r.code,
    name: r.full_name,
    level: r.level as UnitLevel,
    kind: r.kind,
    parentId: r.parent_code ? `${r.parent_code}@${list}` : null,
  }));

describe('lineage across the 2025 reform, on the real files', () => {
  const oldUnits = units('units-2025-03-01.csv', '2025-03-01');
  const newUnits = units('units-2025-07-01.csv', '2025-07-01');
  const result = resolveLineage(oldUnits, newUnits, read('predecessors-2025-07-01.csv') as unknown as PredecessorRow[]);
  const name = new Map(oldUnits.map((u) => [u.id, u.name]));
  const linksOf = (successorId: string) => result.links.filter((l) => l.successorId === successorId).map((l) => [name.get(l.predecessorId), l.share]);

  it('gives Phường Ba Đình (00004) its two whole and eight partial predecessors, all of old Hà Nội', () => {
    const links = linksOf('00004@2025-07-01');
    expect(links).toHaveLength(10);
    expect(links).toEqual(
      expect.arrayContaining([
        ['Phường Quán Thánh', 'WHOLE'],
        ['Phường Trúc Bạch', 'WHOLE'],
        ...['Cửa Nam', 'Điện Biên', 'Đội Cấn', 'Kim Mã', 'Ngọc Hà', 'Thụy Khuê', 'Cửa Đông', 'Đồng Xuân'].map((n) => [`Phường ${n}`, 'PART']),
      ]),
    );
    for (const l of result.links.filter((x) => x.successorId === '00004@2025-07-01')) {
      expect(oldUnits.find((u) => u.id === l.predecessorId)!.parentId).toMatch(/^00\d@/); // a district of old Hà Nội (001–030)
    }
  });

  it('links provinces: Nghệ An to old Nghệ An, new Bắc Ninh to old Bắc Giang and old Bắc Ninh', () => {
    expect(linksOf('40@2025-07-01')).toEqual([['Tỉnh Nghệ An', 'WHOLE']]);
    expect(linksOf('24@2025-07-01').sort()).toEqual([
      ['Tỉnh Bắc Giang', 'WHOLE'],
      ['Tỉnh Bắc Ninh', 'WHOLE'],
    ]);
  });

  it('resolves at least 98% of fragments to exactly one old unit', () => {
    expect(result.stats.resolved / result.stats.fragments).toBeGreaterThanOrEqual(0.98);
    expect(result.stats.resolved + result.stats.unresolved).toBe(result.stats.fragments);
  });

  it('leaves fewer than 0.5% of old communes without a successor, and lists each in the committed report', () => {
    const withSuccessor = new Set(result.links.map((l) => l.predecessorId));
    const orphans = oldUnits.filter((u) => u.level === 'COMMUNE' && !withSuccessor.has(u.id));
    expect(orphans.length / oldUnits.filter((u) => u.level === 'COMMUNE').length).toBeLessThan(0.005);
    const report = readFileSync(path.resolve(__dirname, '..', '..', 'reports', 'lineage-report.md'), 'utf8');
    expect(report).toBe(renderLineageReport(result, oldUnits)); // run `npm run lineage:report -w @ntm/admin-units` if this fails
    for (const u of orphans) expect(report).toContain(`| ${u.code} | ${u.name} |`);
  });

  it('reports the 00071 / 07147 code mismatch instead of guessing silently', () => {
    expect(result.notes.some((n) => n.includes('00071') && n.includes('07147'))).toBe(true);
  });
});
