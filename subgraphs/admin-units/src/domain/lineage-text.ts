/**
 * Parsing of the official predecessor texts (predecessors-2025-07-01.csv) into fragments: one
 * old unit each, WHOLE or PART, with the old district when the text names it. Pure, no I/O.
 *
 * The forms met in the 3,355 texts:
 *  - lists separated by "," and "và": "Xã A, Xã B và Xã C";
 *  - a kind shared by a list: "các phường Cửa Nam, Điện Biên, Đội Cấn" (three wards);
 *  - part markers that hold for the rest of the text: "một phần diện tích TN (tự nhiên), quy mô
 *    dân số của …", "phần còn lại của …" (the remainder after another part went elsewhere), and
 *    "Toàn bộ diện tích …", which switches back to whole units;
 *  - "… sau khi sắp xếp" after a remainder closes the part-scope;
 *  - a district written after a run of names ("Phường 1, Phường 2, Phường 4 (Quận 5)") is kept as
 *    weaker evidence for the names of the run;
 *  - parentheses on one name: "(phần còn lại sau khi sáp nhập vào …)" or "(một phần)" make that
 *    name PART; "(quận Đống Đa)", "(thuộc huyện Đăk Hà)" name its old district;
 *  - "giữ nguyên": unchanged, the unit succeeds the old unit of the same name, whole;
 *  - province rows: "tỉnh Hà Giang và tỉnh Tuyên Quang", "TPHCM, tỉnh Bà Rịa - Vũng Tàu và …";
 *  - noise: doubled spaces, missing spaces after commas, "sau khi sắp xếp", a trailing sentence
 *    ("Từ ngày 30/04/2026, …"), a kind written twice ("các phường Phường Giảng Võ").
 */
export type Share = 'WHOLE' | 'PART';

export interface PredecessorFragment {
  /** The piece of text this fragment was read from. */
  text: string;
  /** The unit's name with its kind when known, e.g. "Phường Cửa Nam". */
  name: string;
  share: Share;
  /** The old district (or city) named to disambiguate, e.g. "quận Đống Đa". */
  districtHint: string | null;
  /** A district written after a run of names that includes this one: weaker evidence, for ties. */
  runHint?: string;
}

export interface ParsedPredecessors {
  unchanged: boolean;
  fragments: PredecessorFragment[];
}

const KINDS = ['Thị trấn', 'Thị xã', 'Thành phố', 'Phường', 'Xã', 'Huyện', 'Quận', 'Tỉnh', 'Đặc khu'];
const KIND_RE = new RegExp(`^(${KINDS.join('|')})\\s+`, 'i');
const DISTRICT_HINT_RE = /^(thuộc\s+)?(quận|huyện|thị xã|thành phố|tp\.?)\s+/i;
const canonicalKind = (word: string) => KINDS.find((k) => k.toLowerCase() === word.toLowerCase()) ?? word;

/** Splits on "," and " và " outside parentheses. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    if (c === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && c === ',') {
      parts.push(current);
      current = '';
      continue;
    }
    if (depth === 0 && text.startsWith(' và ', i)) {
      parts.push(current);
      current = '';
      i += 3;
      continue;
    }
    current += c;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}

const PART_MARKER = /(một phần|phần còn lại|phần còn lai)/i;
const WHOLE_MARKER = /toàn bộ\s+diện tích/i;
/** Leading words that are markers, not names. */
const LEAD =
  /^(sắp xếp\s+)?((một phần|toàn bộ|toàn bố)\s+)?(diện tích(\s+(tn|tự nhiên))?\s*)?((toàn bộ|toàn bố)\s+)?(quy mô dân số\s*)?(phần còn (lại|lai)\s*)?((của|củ)\s+)*(các\s+)?/i;

export function parsePredecessorText(raw: string): ParsedPredecessors {
  let text = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (/^giữ nguyên\.?$/i.test(text)) return { unchanged: true, fragments: [] };
  text = text
    .replace(/\.\s+Từ ngày.*$/i, '')
    .replace(/\.$/, '')
    .replace(/,(?=\S)/g, ', ');
  const fragments: PredecessorFragment[] = [];
  let share: Share = 'WHOLE';
  let listKind: string | null = null;
  for (const segment of splitTopLevel(text)) {
    if (PART_MARKER.test(segment.replace(/\(.*?\)/g, ''))) share = 'PART';
    if (WHOLE_MARKER.test(segment)) share = 'WHOLE';
    let name = segment;
    let ownShare: Share | null = null;
    let districtHint: string | null = null;
    for (const paren of segment.match(/\(([^)]*)\)/g) ?? []) {
      const inner = paren.slice(1, -1).trim();
      if (PART_MARKER.test(inner)) ownShare = 'PART';
      else if (DISTRICT_HINT_RE.test(inner)) districtHint = inner.replace(/^thuộc\s+/i, '');
    }
    // "… phần còn lại của X sau khi sắp xếp [theo quy định tại khoản N Điều này]" closes a part-scope.
    const closesScope = /sau khi s[aắ]p (x|X)ếp/i.test(segment.replace(/\([^)]*\)/g, ''));
    name = name
      .replace(/\([^)]*\)/g, ' ')
      .replace(/\s+sau khi s[aắ]p (x|X)ếp.*$/i, '')
      .replace(/\s+/g, ' ')
      .trim();
    // Drop marker words; keep the kind of "các phường"/"các xã" for the names that follow.
    const lead = LEAD.exec(name);
    if (lead && lead[0]) name = name.slice(lead[0].length).trim();
    let kind: string | null = null;
    let k = KIND_RE.exec(name);
    while (k) {
      kind = canonicalKind(k[1]);
      name = name.slice(k[0].length).trim();
      k = KIND_RE.exec(name);
    }
    // "Yên Định Xã Yên Định": the name written twice.
    const twice = new RegExp(`^(.+?)\\s+(${KINDS.join('|')})\\s+\\1$`, 'i').exec(name);
    if (twice) name = twice[1];
    if (kind && !name) {
      listKind = kind;
      continue;
    }
    if (!name || (!kind && /^(diện tích|quy mô dân số|tn|tự nhiên)$/i.test(name))) continue;
    if (kind) listKind = kind;
    const effectiveKind = kind ?? listKind;
    fragments.push({
      text: segment,
      name: effectiveKind ? `${effectiveKind} ${name}` : name,
      share: ownShare ?? share,
      districtHint,
    });
    if (closesScope) share = 'WHOLE';
  }
  // "Phường 1, Phường 2, Phường 4 (Quận 5)": a district written after a run of names covers the
  // names before it that have none, back to the previous hint.
  let pending: PredecessorFragment[] = [];
  for (const fragment of fragments) {
    if (fragment.districtHint) {
      for (const earlier of pending) earlier.runHint = fragment.districtHint;
      pending = [];
    } else pending.push(fragment);
  }
  return { unchanged: false, fragments };
}
