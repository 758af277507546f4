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
  communeGroup:
    'Commune group (xã nhóm) of the 2026–2030 national set (Decision 51/2025/QĐ-TTg), whose thresholds differ by group: 1 = next to a city and oriented to become urban, agriculture under 10% of the economy, or slated to become urban; 3 = region II/III communes of ethnic-minority and mountain areas; 2 = the rest. Only for communes, wards and special zones of the list from 2025-07-01; null otherwise. GENERATED until provinces publish their lists: see communeGroupSource.',
} as const;
