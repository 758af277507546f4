import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readSheetRows } from './import-reader';

/** An .xlsx whose zip holds the shared strings and rels first, the worksheet next and the workbook last. */
async function xlsxWithWorkbookLast(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Xã');
  sheet.addRow(['Mã xã', 'Chỉ tiêu', 'Giá trị']);
  sheet.addRow(['17380', '2.2', '91.5']);
  const written = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  const order = (name: string) =>
    name === 'xl/sharedStrings.xml' ? 0 : name.endsWith('.rels') ? 1 : name.startsWith('xl/worksheets/') ? 2 : name === 'xl/workbook.xml' ? 4 : 3;
  const names = Object.keys(written.files)
    .filter((name) => !written.files[name].dir)
    .sort((a, b) => order(a) - order(b));
  const reordered = new JSZip();
  for (const name of names) reordered.file(name, await written.files[name].async('uint8array'));
  return reordered.generateAsync({ type: 'nodebuffer' });
}

describe('readSheetRows', () => {
  it('reads a workbook whose worksheet comes before xl/workbook.xml in the zip', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ntm-xlsx-'));
    try {
      const file = path.join(dir, 'late-workbook.xlsx');
      await writeFile(file, await xlsxWithWorkbookLast());
      const rows: string[][] = [];
      for await (const row of readSheetRows(file)) rows.push(row);
      expect(rows).toEqual([
        ['Mã xã', 'Chỉ tiêu', 'Giá trị'],
        ['17380', '2.2', '91.5'],
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
