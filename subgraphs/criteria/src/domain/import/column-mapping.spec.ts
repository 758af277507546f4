import { applyOverride, detectColumns, indicatorCodeInHeader, valuesOfRow, type ColumnMapping } from './column-mapping';

const mappingOf = (rows: string[][]): ColumnMapping => {
  const result = detectColumns(rows);
  if (!('mapping' in result)) throw new Error(result.reason);
  return result.mapping;
};

describe('indicator code in a header', () => {
  it.each([
    ['8.4', '8.4'],
    ['Chỉ tiêu 8.4', '8.4'],
    ['CT 2.2 (%)', '2.2'],
    ['chi tieu 17.1', '17.1'],
    ['Indicator 15.2', '15.2'],
  ])('%s → %s', (header, code) => expect(indicatorCodeInHeader(header)).toBe(code));

  it.each(['Năm 2024', 'Ngày 12.5.2024', 'Tên xã', 'Dân số 1.5 triệu người'])('%s is not an indicator column', (header) =>
    expect(indicatorCodeInHeader(header)).toBeNull(),
  );
});

describe('column detection', () => {
  it('reads a long layout with Vietnamese headers, after a title row', () => {
    const m = mappingOf([
      ['BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM 2024', '', '', '', ''],
      ['Tên xã', 'Huyện', 'Mã chỉ tiêu', 'Năm', 'Giá trị'],
      ['X. Hưng Đông', 'TP Vinh', '8.4', '2024', '85%'],
    ]);
    expect(m).toMatchObject({
      layout: 'LONG',
      headerStart: 1,
      headerRows: 1,
      columns: { unitName: 0, district: 1, indicator: 2, year: 3, value: 4 },
    });
  });

  it('reads headers typed without diacritics and in English', () => {
    expect(mappingOf([['ma xa', 'ten xa', 'chi tieu', 'gia tri']]).columns).toEqual({ unitCode: 0, unitName: 1, indicator: 2, value: 3 });
    expect(mappingOf([['Commune code', 'Commune', 'Indicator', 'Year', 'Value']]).columns).toEqual({
      unitCode: 0,
      unitName: 1,
      indicator: 2,
      year: 3,
      value: 4,
    });
  });

  it('reads a wide layout under a two-row merged header', () => {
    const m = mappingOf([
      ['STT', 'Đơn vị', '', 'Chỉ tiêu', '', ''],
      ['', 'Mã', 'Tên xã', '2.2', '8.4', '17.1'],
      ['1', '17380', 'Xã Nghi Phong', '91,5', 'đạt', '72'],
    ]);
    expect(m).toMatchObject({ layout: 'WIDE', headerStart: 0, headerRows: 2, columns: { unitCode: 1, unitName: 2 } });
    expect(m.indicatorColumns).toEqual({ 3: '2.2', 4: '8.4', 5: '17.1' });
    expect(valuesOfRow(m, ['1', '17380', 'Xã Nghi Phong', '91,5', '', '72'], 3)).toEqual([
      { row: 3, unitCode: '17380', unitName: 'Xã Nghi Phong', district: null, year: null, indicator: '2.2', value: '91,5' },
      { row: 3, unitCode: '17380', unitName: 'Xã Nghi Phong', district: null, year: null, indicator: '17.1', value: '72' },
    ]);
  });

  it("recognises DHIS2's data-value CSV by its columns", () => {
    const m = mappingOf([
      ['dataelement', 'period', 'orgunit', 'catoptcombo', 'attroptcombo', 'value', 'storedby', 'lastupdated', 'comment', 'followup'],
    ]);
    expect(m).toMatchObject({ dhis2: true, layout: 'LONG', columns: { indicator: 0, year: 1, unitCode: 2, value: 5 } });
  });

  it('says what is missing when no unit column exists', () => {
    expect(
      detectColumns([
        ['Chỉ tiêu', 'Giá trị'],
        ['8.4', '1'],
      ]),
    ).toEqual({ reason: expect.stringMatching(/no column for the unit/) });
  });

  it('says what is missing when there is no value to read', () => {
    expect(detectColumns([['Tên xã', 'Ghi chú']])).toEqual({ reason: expect.stringMatching(/no indicator and value columns/) });
  });
});

describe('overriding a guessed mapping', () => {
  const guessed = mappingOf([['Tên xã', 'Chỉ tiêu', 'Giá trị', 'Kỳ']]);

  it('moves a role to a column named by its header', () => {
    const result = applyOverride(guessed, { columns: { year: 'Kỳ', unitName: 0 } });
    expect(result).toEqual({ mapping: expect.objectContaining({ columns: { unitName: 0, indicator: 1, value: 2, year: 3 } }) });
  });

  it('names the role whose column does not exist', () => {
    expect(applyOverride(guessed, { columns: { district: 'Huyện' } })).toEqual({
      field: 'mapping.columns.district',
      reason: 'no column "Huyện" in the header',
    });
  });
});
