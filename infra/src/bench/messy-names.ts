/**
 * How spreadsheets write commune names, for the GENERATED inputs of the import benchmarks: without
 * diacritics (keeping case), with the kind abbreviated ("X.", "P.", "TT.") or dropped.
 */
export const unaccented = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');

/** The official kind word a commune-level name starts with. */
export const KIND = /^(Xã|Phường|Thị trấn)\s+/;

const ABBREVIATION: Record<string, string> = { Xã: 'X.', Phường: 'P.', 'Thị trấn': 'TT.' };

/** "Xã Nghi Phong" → "X.Nghi Phong", as typed in a hurry: the kind abbreviated, the space after it dropped. */
export const abbreviateKind = (name: string): string => name.replace(KIND, (k) => ABBREVIATION[k.trim()] ?? k);
