import { DHIS2_COLUMNS, detectColumns, valuesOfRow } from './column-mapping';
import { Dhis2JsonError, Dhis2JsonRows } from './dhis2-json';

function read(chunks: string[]): string[][] {
  const reader = new Dhis2JsonRows();
  const rows = chunks.flatMap((c) => reader.push(c));
  return [...rows, ...reader.end()];
}

const DOCUMENT = `\uFEFF{"dataSet": "x", "period": "2024", "meta": {"note": "a \\"quoted\\" } bracket ]"}, "dataValues":[
{"dataElement":"COMMUNE_NTM_2021_2025/8.4","period":"2024","orgUnit":"17380","value":"true","storedBy":"synthetic-generator","lastUpdated":"2026-12-01T16:32:06.744","comment":"status=APPROVED"},
{"dataElement":"COMMUNE_NTM_2021_2025/2.2","orgUnit":"17383","value":"91.5","comment":"tên {xã} \\u0111ạt"},
{"dataElement":"COMMUNE_NTM_2021_2025/17.1","period":2023,"orgUnit":"17383","value":96, "followup": false}
]}
`;

describe('DHIS2 dataValueSets JSON as import rows', () => {
  it('gives the DHIS2 CSV header, then one row per data value, with the top-level period as default', () => {
    const rows = read([DOCUMENT]);
    expect(rows[0]).toEqual(DHIS2_COLUMNS);
    expect(rows.slice(1)).toEqual([
      ['COMMUNE_NTM_2021_2025/8.4', '2024', '17380', '', '', 'true', 'synthetic-generator', '2026-12-01T16:32:06.744', 'status=APPROVED', ''],
      ['COMMUNE_NTM_2021_2025/2.2', '2024', '17383', '', '', '91.5', '', '', 'tên {xã} đạt', ''],
      ['COMMUNE_NTM_2021_2025/17.1', '2023', '17383', '', '', '96', '', '', '', 'false'],
    ]);
    // The column mapping reads them as DHIS2's CSV.
    const detected = detectColumns(rows.slice(0, 3));
    expect('mapping' in detected && detected.mapping.dhis2).toBe(true);
    if (!('mapping' in detected)) return;
    expect(valuesOfRow(detected.mapping, rows[2], 3)).toEqual([
      { row: 3, unitCode: '17383', unitName: null, district: null, year: '2024', indicator: 'COMMUNE_NTM_2021_2025/2.2', value: '91.5' },
    ]);
  });

  it('reads the same rows whatever the chunk boundaries', () => {
    const whole = read([DOCUMENT]);
    for (let cut = 1; cut < DOCUMENT.length; cut += 3) expect(read([DOCUMENT.slice(0, cut), DOCUMENT.slice(cut)])).toEqual(whole);
    expect(read(DOCUMENT.split(''))).toEqual(whole);
  });

  it('says what is wrong with a file that is not one', () => {
    expect(() => read(['[1, 2]'])).toThrow(Dhis2JsonError);
    expect(() => read(['{"dataValues": [{"dataElement": "8.4"}'])).toThrow(/ends before it is complete/);
    expect(() => read(['{"values": []}'])).toThrow(/no "dataValues" array/);
    expect(() => read(['{"dataValues": [1]}'])).toThrow(/data value 1 is not one/);
    expect(() => read(['{"dataValues": [{"value": tru}]}'])).toThrow(/data value 1 is not valid JSON/);
    expect(() => read([''])).toThrow(/empty/);
  });
});
