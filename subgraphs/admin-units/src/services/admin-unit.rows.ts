import { inForceOn } from '@ntm/kit';
import { AdminUnit } from '../entities/admin-unit.entity';
import type { AdminLevel } from '@ntm/admin-unit-contract';

/** Columns selected wherever units are read, in the order `toAdminUnit` expects. */
export const UNIT_COLUMNS = `u.id, u.code, u.list_id, u.name, u.short_name, u.english_name, u.level, u.kind, u.parent_id,
  u.ancestor_ids, u.valid_from, u.valid_to, u.search_key, u.generated, u.region, u.ethnic_minority_area,
  u.mountainous, u.island, u.area_attributes_source`;

export interface UnitRecord {
  id: string;
  code: string;
  list_id: string;
  name: string;
  short_name: string;
  english_name: string | null;
  level: string;
  kind: string;
  parent_id: string | null;
  ancestor_ids: string[];
  valid_from: string | null;
  valid_to: string | null;
  search_key: string;
  generated: boolean;
  region: string | null;
  ethnic_minority_area: boolean;
  mountainous: boolean;
  island: boolean;
  area_attributes_source: string;
}

/** A database row as the GraphQL/entity object; plain mapping, no identity map needed for reads. */
export function toAdminUnit(row: UnitRecord): AdminUnit {
  return Object.assign(new AdminUnit(), {
    id: row.id,
    code: row.code,
    listId: row.list_id,
    name: row.name,
    shortName: row.short_name,
    englishName: row.english_name,
    level: row.level as AdminLevel,
    kind: row.kind,
    parentId: row.parent_id,
    ancestorIds: row.ancestor_ids,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    searchKey: row.search_key,
    generated: row.generated,
    region: row.region,
    ethnicMinorityArea: row.ethnic_minority_area,
    mountainous: row.mountainous,
    island: row.island,
    areaAttributesSource: row.area_attributes_source,
  });
}

/** SQL condition: unit `u` is in force on the date bound at both `?`s. */
export const IN_FORCE_ON = inForceOn('u');
