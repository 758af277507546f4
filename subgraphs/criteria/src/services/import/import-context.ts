import type { EntityManager } from '@mikro-orm/postgresql';
import type { IndicatorLookup } from '../../domain/import/row-check';
import { ImportUnitResolver, type ProfileUnit } from '../../domain/import/unit-resolution';
import { getCatalog } from '../catalog';

/**
 * The unit resolver over the unit-profile replica (both official lists), built from one query and
 * kept while the replica is unchanged (its newest `synced_at` and row count).
 */
let cached: { version: string; resolver: Promise<ImportUnitResolver> } | null = null;

export async function unitResolver(em: EntityManager): Promise<ImportUnitResolver> {
  const [state] = await em
    .getConnection()
    .execute<{ version: string }[]>(`select coalesce(max(synced_at)::text, '') || ':' || count(*) as version from unit_profile`);
  if (cached && cached.version === state.version) return cached.resolver;
  const resolver = em
    .getConnection()
    .execute<
      {
        unit_id: string;
        code: string;
        list_id: string;
        level: string;
        name: string;
        ancestor_ids: string[];
        successor_ids: string[];
        valid_from: string | null;
        valid_to: string | null;
      }[]
    >(`select unit_id, code, list_id, level, name, ancestor_ids, successor_ids, valid_from::text, valid_to::text from unit_profile`)
    .then(
      (rows) =>
        new ImportUnitResolver(
          rows.map((r): ProfileUnit => ({
            unitId: r.unit_id,
            code: r.code,
            listId: r.list_id,
            level: r.level,
            name: r.name,
            ancestorIds: r.ancestor_ids,
            successorIds: r.successor_ids,
            validFrom: r.valid_from,
            validTo: r.valid_to,
          })),
        ),
    );
  cached = { version: state.version, resolver };
  resolver.catch(() => (cached = null));
  return resolver;
}

/** The criteria catalogue as the row checker reads it. */
export async function indicatorLookup(em: EntityManager): Promise<IndicatorLookup> {
  const catalog = await getCatalog(em);
  const sets = [...catalog.sets.values()];
  return { sets, idOf: (setCode, code) => catalog.indicatorByKey(`${setCode}/${code}`)?.id };
}
