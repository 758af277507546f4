import { ImportUnitResolver, type ProfileUnit } from './unit-resolution';

const OLD = '2025-03-01';
const NEW = '2025-07-01';
const unit = (code: string, listId: string, level: string, name: string, ancestorIds: string[], successorIds: string[] = []): ProfileUnit => ({
  unitId: `${code}@${listId}`,
  code,
  listId,
  level,
  name,
  ancestorIds,
  successorIds,
  validFrom: listId === OLD ? null : NEW,
  validTo: listId === OLD ? '2025-06-30' : null,
});

// A small made-up province on both lists (names shaped like real ones; not real codes).
const P = '40@' + OLD;
const D1 = '412@' + OLD;
const D2 = '413@' + OLD;
const P2 = '40@' + NEW;
const units = [
  unit('40', OLD, 'PROVINCE', 'Tỉnh Nghệ An', []),
  unit('412', OLD, 'DISTRICT', 'Thành phố Vinh', [P]),
  unit('413', OLD, 'DISTRICT', 'Huyện Nghi Lộc', [P]),
  unit('90001', OLD, 'COMMUNE', 'Phường Hưng Đông', [P, D1], ['90101@' + NEW]),
  unit('90002', OLD, 'COMMUNE', 'Xã Nghi Phong', [P, D2], ['90102@' + NEW]),
  unit('90003', OLD, 'COMMUNE', 'Xã Nghi Thái', [P, D2], ['90102@' + NEW, '90101@' + NEW]),
  unit('90004', OLD, 'COMMUNE', 'Xã Phúc Thọ', [P, D1], ['90101@' + NEW]),
  unit('90005', OLD, 'COMMUNE', 'Xã Phúc Thọ', [P, D2], ['90102@' + NEW]),
  unit('90006', OLD, 'COMMUNE', 'Xã Nghi Xuân Thành', [P, D2], ['90102@' + NEW]),
  unit('90007', OLD, 'COMMUNE', 'Xã Kỳ Sơn', [P, D1], ['90101@' + NEW]),
  unit('40', NEW, 'PROVINCE', 'Tỉnh Nghệ An', []),
  unit('90101', NEW, 'COMMUNE', 'Phường Vinh Hưng', [P2]),
  unit('90102', NEW, 'COMMUNE', 'Xã Nghi Lộc', [P2]),
];
const resolver = new ImportUnitResolver(units);
const resolve = (name: string | null, district: string | null = null, listId = OLD, code: string | null = null) =>
  resolver.resolve({ code, name, district }, listId, listId === NEW ? OLD : null);

describe('import unit resolution', () => {
  it('finds the list in force on a date', () => {
    expect(resolver.listOn('2024-06-30')).toBe(OLD);
    expect(resolver.listOn('2025-07-01')).toBe(NEW);
  });

  it('resolves a code on the list, and names written every which way', () => {
    expect(resolve(null, null, OLD, '90002')).toMatchObject({ status: 'EXACT', by: 'code', unit: { code: '90002' } });
    expect(resolve('X. Nghi Phong')).toMatchObject({ status: 'EXACT', unit: { code: '90002' } });
    expect(resolve('XA NGHI PHONG')).toMatchObject({ status: 'EXACT', unit: { code: '90002' } });
    // "xa" is the wrong kind for a Phường: still found, but as a fuzzy match to check.
    expect(resolve('xa hung dong')).toMatchObject({ status: 'MATCHED', unit: { code: '90001' } });
    expect(resolve('P.Hưng Đông - TP Vinh')).toMatchObject({ unit: { code: '90001' } });
    expect(resolve('X. Nghi Phong - H. Nghi Lộc')).toMatchObject({ unit: { code: '90002' } });
    expect(resolve('Xã Kỳ Sơn'.replace('Kỳ', 'Kì'))).toMatchObject({ unit: { code: '90007' } });
  });

  it('resolves two typing errors within the district, and reports it as a fuzzy match', () => {
    const r = resolve('Nghi Xuan Tahnh', 'Nghi Loc');
    expect(r.status).toBe('MATCHED');
    expect(r.unit?.code).toBe('90006');
  });

  it('reports the same name in two districts as ambiguous, with both candidates, unless the district says which', () => {
    const r = resolve('Xã Phúc Thọ');
    expect(r.status).toBe('AMBIGUOUS');
    expect(r.unit).toBeNull();
    expect(r.candidates.map((c) => c.code).sort()).toEqual(['90004', '90005']);
    expect(resolve('Xã Phúc Thọ', 'Huyện Nghi Lộc')).toMatchObject({ status: 'EXACT', unit: { code: '90005' } });
    expect(resolve('Xã Phúc Thọ - H. Nghi Lộc').unit?.code).toBe('90005');
  });

  it('follows an old name through the lineage in a year after the reform', () => {
    expect(resolve('Xã Nghi Phong', null, NEW)).toMatchObject({ status: 'LINEAGE', unit: { code: '90102' }, via: { code: '90002' } });
    // Split between two new units: never guessed.
    const split = resolve('Xã Nghi Thái', null, NEW);
    expect(split.status).toBe('AMBIGUOUS');
    expect(split.candidates.map((c) => c.code).sort()).toEqual(['90101', '90102']);
    // A district written beside a new-list name is ignored (districts were abolished).
    expect(resolve('Xã Nghi Lộc', 'Huyện Nghi Lộc', NEW)).toMatchObject({ status: 'EXACT', unit: { code: '90102' } });
  });

  it('says UNMATCHED rather than guessing', () => {
    expect(resolve('Xã Không Có').status).toBe('UNMATCHED');
    expect(resolve(null, null, OLD, '99999').status).toBe('UNMATCHED');
  });

  it('keeps to an area when asked', () => {
    expect(resolver.resolve({ code: null, name: 'Xã Nghi Phong', district: null }, OLD, null, '412').status).toBe('UNMATCHED');
    expect(resolver.resolve({ code: null, name: 'Xã Nghi Phong', district: null }, OLD, null, '413').unit?.code).toBe('90002');
  });
});
