import { hashString } from '@ntm/kit';

export interface GeneratedVillage {
  code: string;
  name: string;
  kind: string;
}

/**
 * GENERATED villages (thôn, bản, xóm, tổ dân phố): no public list exists. Each commune gets
 * 4–12 villages, deterministically from its code; urban wards get residential groups
 * (tổ dân phố), mountainous communes hamlets (bản), others villages (thôn). A village's code
 * is its commune's code plus a two-digit number: it never collides with an official code,
 * which has 2, 3 or 5 digits.
 */
export function generateVillages(commune: { code: string; kind: string; mountainous: boolean }): GeneratedVillage[] {
  const count = 4 + (hashString(`villages:${commune.code}`) % 9);
  const kind = commune.kind === 'Phường' ? 'Tổ dân phố' : commune.mountainous ? 'Bản' : 'Thôn';
  const villages: GeneratedVillage[] = [];
  for (let n = 1; n <= count; n++) {
    villages.push({ code: `${commune.code}${String(n).padStart(2, '0')}`, name: `${kind} ${n}`, kind });
  }
  return villages;
}
