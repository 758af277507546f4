/**
 * Descriptions of the AdminUnit fields that several subgraphs declare (the owner, admin-units, and
 * every subgraph that names them @external). Written once so the composed schema reads the same
 * wherever a client meets them.
 */
export const ADMIN_UNIT_DESCRIPTIONS = {
  type: 'An administrative unit (đơn vị hành chính): province, district, commune or village, as it stands in one official list.',
  id: 'Stable identity across lists: "<code>@<list>", e.g. "00004@2025-07-01". The federation key.',
  level: 'Level in the hierarchy.',
  region: 'Socio-economic region (vùng): TDMNPB, DBSH, BTB, DHNTB, TN, DNB or DBSCL. Criteria thresholds vary by it.',
  ethnicMinorityArea: 'In an ethnic-minority area (vùng đồng bào dân tộc thiểu số). GENERATED until a real source exists: see areaAttributesSource.',
  mountainous: 'In a mountainous area (miền núi). GENERATED until a real source exists: see areaAttributesSource.',
  island: 'An island unit (hải đảo). True for the special zones; others GENERATED: see areaAttributesSource.',
} as const;
