import { readCsvObjects, readSharedDataText } from '@ntm/data-files';
import { parsePredecessorText } from './lineage-text';

const shares = (text: string) => parsePredecessorText(text).fragments.map((f) => [f.name, f.share]);

describe('parsePredecessorText', () => {
  it('reads the Ba Đình text: two wards whole, eight in part', () => {
    const text =
      'Phường Quán Thánh, Phường Trúc Bạch, một phần diện tích TN, quy mô dân số của các phường Cửa Nam, Điện Biên, Đội Cấn, Kim Mã, Ngọc Hà, một phần diện tích TN của phường Thụy Khuê, phần còn lại của phường Cửa Đông, Đồng Xuân sau khi sắp Xếp';
    expect(shares(text)).toEqual([
      ['Phường Quán Thánh', 'WHOLE'],
      ['Phường Trúc Bạch', 'WHOLE'],
      ['Phường Cửa Nam', 'PART'],
      ['Phường Điện Biên', 'PART'],
      ['Phường Đội Cấn', 'PART'],
      ['Phường Kim Mã', 'PART'],
      ['Phường Ngọc Hà', 'PART'],
      ['Phường Thụy Khuê', 'PART'],
      ['Phường Cửa Đông', 'PART'],
      ['Phường Đồng Xuân', 'PART'],
    ]);
  });

  it('reads per-name parentheses: remainder is PART, an old district is a hint', () => {
    const parsed = parsePredecessorText(
      'Phường Thịnh Quang, Phường Minh Khai (quận Bắc Từ Liêm) (phần còn lại sau khi sáp nhập vào phường Tây Tựu, phường Đông Ngạc), Xã Đăk Long (thuộc huyện Đăk Hà)',
    );
    expect(parsed.fragments).toEqual([
      expect.objectContaining({ name: 'Phường Thịnh Quang', share: 'WHOLE', districtHint: null }),
      expect.objectContaining({ name: 'Phường Minh Khai', share: 'PART', districtHint: 'quận Bắc Từ Liêm' }),
      expect.objectContaining({ name: 'Xã Đăk Long', share: 'WHOLE', districtHint: 'huyện Đăk Hà' }),
    ]);
  });

  it('switches back to whole units on "Toàn bộ diện tích", and drops a doubled kind', () => {
    expect(shares('Toàn bộ  diện tích TN, quy mô dân số của các phường Phường Giảng Võ và Phường Cát Linh')).toEqual([
      ['Phường Giảng Võ', 'WHOLE'],
      ['Phường Cát Linh', 'WHOLE'],
    ]);
    expect(shares('Xã Minh Ngọc và một phần diện tích tự nhiên, quy mô dân số của xã Yên Định  Xã Yên Định')).toEqual([
      ['Xã Minh Ngọc', 'WHOLE'],
      ['Xã Yên Định', 'PART'],
    ]);
  });

  it('closes a part-scope after "sau khi sắp xếp", and carries a district written after a run of names', () => {
    expect(shares('Phường A, phần còn lại của Phường B sau khi sắp xếp theo quy định tại khoản 9 Điều này, Phường C')).toEqual([
      ['Phường A', 'WHOLE'],
      ['Phường B', 'PART'],
      ['Phường C', 'WHOLE'],
    ]);
    const run = parsePredecessorText('Phường 1, Phường 2, Phường 4 (Quận 5), Phường 9').fragments;
    expect(run.map((f) => [f.districtHint, f.runHint])).toEqual([
      [null, 'Quận 5'],
      [null, 'Quận 5'],
      ['Quận 5', undefined],
      [null, undefined],
    ]);
  });

  it('reads province rows and unchanged units', () => {
    expect(shares('TPHCM, tỉnh Bà Rịa - Vũng Tàu và tỉnh Bình Dương')).toEqual([
      ['TPHCM', 'WHOLE'],
      ['Tỉnh Bà Rịa - Vũng Tàu', 'WHOLE'],
      ['Tỉnh Bình Dương', 'WHOLE'],
    ]);
    expect(
      shares('tỉnh Bình Phước và tỉnh Đồng Nai. Từ ngày 30%/04%/2026, Tỉnh Đồng Nai mới (sau sáp nhập) chuyển thành Thành phố Đồng Nai'),
    ).toEqual([
      ['Tỉnh Bình Phước', 'WHOLE'],
      ['Tỉnh Đồng Nai', 'WHOLE'],
    ]);
    expect(parsePredecessorText('giữ nguyên')).toEqual({ unchanged: true, fragments: [] });
  });

  it('turns every text of the real file into fragments', () => {
    const rows = readCsvObjects(readSharedDataText('admin-units', 'predecessors-2025-07-01.csv'));
    const parsed = rows.map((r) => parsePredecessorText(r.predecessors_text));
    expect(parsed.filter((p) => !p.unchanged && p.fragments.length === 0)).toEqual([]);
    const fragments = parsed.flatMap((p) => p.fragments);
    expect(fragments.length).toBeGreaterThan(10_000);
    expect(fragments.filter((f) => f.share === 'PART').length).toBeGreaterThan(300);
  });
});
