import { parseIndicatorValue } from './indicator-value';

describe('parseIndicatorValue', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    ['1', true],
    ['Đạt', true],
    ['đạt', true],
    ['dat', true],
    [' Đạt ', true],
    ['false', false],
    ['0', false],
    ['Không đạt', false],
    ['không  đạt', false],
    ['khong dat', false],
    ['Chưa đạt', false],
  ])('BOOLEAN %j → %j', (text, value) => {
    expect(parseIndicatorValue('BOOLEAN', text)).toEqual({ ok: true, value, text: String(value) });
  });

  it('reads decomposed (NFD) Vietnamese the same as composed', () => {
    expect(parseIndicatorValue('BOOLEAN', 'Không đạt'.normalize('NFD'))).toMatchObject({ ok: true, value: false });
  });

  it.each(['yes', 'có', 'không', 'maybe', '2'])('BOOLEAN rejects %j', (text) => {
    expect(parseIndicatorValue('BOOLEAN', text)).toEqual({ ok: false, reason: expect.stringContaining('expected true/false') });
  });

  it('reads percentages', () => {
    expect(parseIndicatorValue('PERCENTAGE', '85')).toEqual({ ok: true, value: 85, text: '85' });
    expect(parseIndicatorValue('PERCENTAGE', '85.50')).toEqual({ ok: true, value: 85.5, text: '85.5' });
    expect(parseIndicatorValue('PERCENTAGE', '85,5')).toEqual({ ok: true, value: 85.5, text: '85.5' });
    expect(parseIndicatorValue('PERCENTAGE', '92 %')).toEqual({ ok: true, value: 92, text: '92' });
    expect(parseIndicatorValue('PERCENTAGE', '0')).toMatchObject({ ok: true, value: 0 });
    expect(parseIndicatorValue('PERCENTAGE', '100')).toMatchObject({ ok: true, value: 100 });
  });

  it('rejects percentages out of range or not numbers', () => {
    expect(parseIndicatorValue('PERCENTAGE', '100.1')).toEqual({ ok: false, reason: 'percentage must be between 0 and 100' });
    expect(parseIndicatorValue('PERCENTAGE', '-1')).toEqual({ ok: false, reason: 'percentage must be between 0 and 100' });
    expect(parseIndicatorValue('PERCENTAGE', 'abc')).toEqual({ ok: false, reason: expect.stringContaining('expected a number') });
  });

  it('reads numbers and rejects ambiguous or malformed ones', () => {
    expect(parseIndicatorValue('NUMBER', '39')).toEqual({ ok: true, value: 39, text: '39' });
    expect(parseIndicatorValue('NUMBER', '-2.25')).toEqual({ ok: true, value: -2.25, text: '-2.25' });
    expect(parseIndicatorValue('NUMBER', '42,75')).toEqual({ ok: true, value: 42.75, text: '42.75' });
    expect(parseIndicatorValue('NUMBER', '1,500')).toEqual({ ok: false, reason: expect.stringContaining('ambiguous number') });
    expect(parseIndicatorValue('NUMBER', '1.500.000')).toEqual({ ok: false, reason: 'expected a number' });
    expect(parseIndicatorValue('NUMBER', '12abc')).toEqual({ ok: false, reason: 'expected a number' });
    expect(parseIndicatorValue('NUMBER', 'Infinity')).toEqual({ ok: false, reason: 'expected a number' });
  });

  it('reads categories, to the allowed spelling when a list is given', () => {
    expect(parseIndicatorValue('CATEGORY', ' Tốt ')).toEqual({ ok: true, value: 'Tốt', text: 'Tốt' });
    expect(parseIndicatorValue('CATEGORY', 'hoàn thành tốt', ['Hoàn thành tốt', 'Hoàn thành'])).toEqual({
      ok: true,
      value: 'Hoàn thành tốt',
      text: 'Hoàn thành tốt',
    });
    expect(parseIndicatorValue('CATEGORY', 'Khá', ['Tốt', 'Trung bình'])).toEqual({ ok: false, reason: 'expected one of: Tốt, Trung bình' });
  });

  it('rejects empty values for every type', () => {
    for (const t of ['BOOLEAN', 'PERCENTAGE', 'NUMBER', 'CATEGORY'] as const) {
      expect(parseIndicatorValue(t, '  ')).toEqual({ ok: false, reason: 'value is empty' });
      expect(parseIndicatorValue(t, null)).toEqual({ ok: false, reason: 'value is empty' });
    }
  });
});
