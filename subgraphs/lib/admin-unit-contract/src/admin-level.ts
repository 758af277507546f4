import { registerEnumType } from 'type-graphql';

/** Level of an administrative unit (cấp hành chính). Declared once for every subgraph that names it. */
export enum AdminLevel {
  PROVINCE = 'PROVINCE',
  DISTRICT = 'DISTRICT',
  COMMUNE = 'COMMUNE',
  VILLAGE = 'VILLAGE',
}

registerEnumType(AdminLevel, {
  name: 'AdminLevel',
  description: 'Level of an administrative unit (cấp hành chính).',
  valuesConfig: {
    PROVINCE: { description: 'Province or centrally-run city (tỉnh, thành phố trực thuộc trung ương).' },
    DISTRICT: { description: 'District (huyện, quận, thị xã, thành phố thuộc tỉnh); abolished on 2025-07-01.' },
    COMMUNE: { description: 'Commune, ward, township or special zone (xã, phường, thị trấn, đặc khu).' },
    VILLAGE: { description: 'Village or residential group (thôn, bản, xóm, tổ dân phố). Generated: no public list exists.' },
  },
});
