import { stableFraction } from './stable-hash';

/**
 * The seven socio-economic regions that criteria thresholds vary by (vùng kinh tế – xã hội):
 * TDMNPB Northern midlands & mountains, DBSH Red River Delta, BTB North Central, DHNTB South
 * Central Coast, TN Central Highlands, DNB Southeast, DBSCL Mekong Delta.
 */
export const REGIONS = ['TDMNPB', 'DBSH', 'BTB', 'DHNTB', 'TN', 'DNB', 'DBSCL'] as const;
export type Region = (typeof REGIONS)[number];

/** Region of each province of the list in force until 2025-06-30 (general knowledge). */
const REGION_BEFORE_2025_07: Record<Region, string[]> = {
  TDMNPB: ['02', '04', '06', '08', '10', '11', '12', '14', '15', '17', '19', '20', '24', '25'],
  DBSH: ['01', '22', '26', '27', '30', '31', '33', '34', '35', '36', '37'],
  BTB: ['38', '40', '42', '44', '45', '46'],
  DHNTB: ['48', '49', '51', '52', '54', '56', '58', '60'],
  TN: ['62', '64', '66', '67', '68'],
  DNB: ['70', '72', '74', '75', '77', '79'],
  DBSCL: ['80', '82', '83', '84', '86', '87', '89', '91', '92', '93', '94', '95', '96'],
};

/** Region of each province of the list in force from 2025-07-01, by the seat of the merged province. */
const REGION_FROM_2025_07: Record<Region, string[]> = {
  TDMNPB: ['04', '08', '11', '12', '14', '15', '19', '20', '25'],
  DBSH: ['01', '22', '24', '31', '33', '37'],
  BTB: ['38', '40', '42', '44', '46'],
  DHNTB: ['48', '51', '56'],
  TN: ['52', '66', '68'],
  DNB: ['75', '79', '80'],
  DBSCL: ['82', '86', '91', '92', '96'],
};

function invert(table: Record<Region, string[]>): Map<string, Region> {
  const map = new Map<string, Region>();
  for (const region of REGIONS) for (const code of table[region]) map.set(code, region);
  return map;
}
const BEFORE = invert(REGION_BEFORE_2025_07);
const FROM = invert(REGION_FROM_2025_07);

export function regionOfProvince(provinceCode: string, reformList: boolean): Region | null {
  return (reformList ? FROM : BEFORE).get(provinceCode) ?? null;
}

/** Share of communes in mountainous areas, by region: a plausible prior for generated data. */
const MOUNTAINOUS_SHARE: Record<Region, number> = { TDMNPB: 0.85, DBSH: 0.08, BTB: 0.4, DHNTB: 0.3, TN: 0.65, DNB: 0.12, DBSCL: 0.02 };

export interface AreaAttributes {
  region: Region | null;
  /** In an ethnic-minority area (vùng đồng bào dân tộc thiểu số). */
  ethnicMinorityArea: boolean;
  /** In a mountainous area (miền núi). */
  mountainous: boolean;
  /** An island commune (hải đảo). */
  island: boolean;
}

/**
 * GENERATED, not official: no public list says which communes are in ethnic-minority,
 * mountainous or island areas, so these are drawn deterministically from the unit's identity
 * with regional priors. Island: the post-reform special zones (Đặc khu tại hải đảo) are islands
 * by definition; others are not. Replace with a real source when one exists.
 */
export function generateAreaAttributes(unit: {
  code: string;
  kind: string;
  provinceCode: string;
  listId: string;
  reformList: boolean;
}): AreaAttributes {
  const region = regionOfProvince(unit.provinceCode, unit.reformList);
  const island = unit.kind.startsWith('Đặc khu');
  const urban = unit.kind === 'Phường' || unit.kind === 'Quận';
  const draw = stableFraction(`mountain:${unit.listId}:${unit.code}`);
  const mountainous = !urban && !island && region !== null && draw < MOUNTAINOUS_SHARE[region];
  const ethnicDraw = stableFraction(`ethnic:${unit.listId}:${unit.code}`);
  const ethnicMinorityArea = !urban && (mountainous ? ethnicDraw < 0.8 : ethnicDraw < 0.05);
  return { region, ethnicMinorityArea, mountainous, island };
}
