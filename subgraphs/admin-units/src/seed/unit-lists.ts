/** The two official lists this graph carries, and the files they come from (see shared/data/admin-units/SOURCE.md). */
export const LIST_BEFORE_REFORM = '2025-03-01';
export const LIST_AFTER_REFORM = '2025-07-01';

/** A list as seeded: the UnitList entity's columns, and the file its units come from. */
export interface UnitListRow {
  id: string;
  name: string;
  validFrom: string | null;
  validTo: string | null;
  source: string;
  file: string;
}

export const UNIT_LISTS: UnitListRow[] = [
  {
    id: LIST_BEFORE_REFORM,
    name: 'Three-level list (province → district → commune) in force until 30 June 2025: 63 provinces, 696 districts, 10,047 communes',
    validFrom: null,
    validTo: '2025-06-30',
    source: 'General Statistics Office catalogue of administrative units as of 01/03/2025 (danhmuchanhchinh.gso.gov.vn), via daohoangson/dvhcvn',
    file: 'units-2025-03-01.csv',
  },
  {
    id: LIST_AFTER_REFORM,
    name: 'Two-level list (province → commune) in force from 1 July 2025: 34 provinces, 3,321 communes',
    validFrom: '2025-07-01',
    validTo: null,
    source: 'Official lists after the reform, via thanglequoc/vietnamese-provinces-database (MIT)',
    file: 'units-2025-07-01.csv',
  },
];

/** Provinces whose communes get generated villages (Nghệ An, Hà Tĩnh), in both lists. */
export const VILLAGE_PROVINCES = ['40', '42'];

export const unitId = (code: string, listId: string): string => `${code}@${listId}`;
