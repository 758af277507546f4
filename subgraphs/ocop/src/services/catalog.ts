import { ProductClassCatalog } from '../domain/classes';
import { loadProductClasses } from '../product-classes';
import type { OcopProductClass } from '../resolvers/types/ocop.types';

let cached: ProductClassCatalog | null = null;

/** The classification, read once per process from the packaged data file (the same file the seed writes to product_class). */
export function catalog(): ProductClassCatalog {
  return (cached ??= new ProductClassCatalog(loadProductClasses()));
}

/** A class as its GraphQL type. */
export function classView(code: string | null | undefined): OcopProductClass | null {
  const c = code ? catalog().get(code) : undefined;
  if (!c) return null;
  return {
    code: c.code,
    system: c.system,
    level: c.level,
    nameVi: c.nameVi,
    nameEn: c.nameEn,
    productSetNo: c.productSetNo,
    leadMinistries: [...c.leadMinistries],
    validFrom: c.validFrom,
    validTo: c.validTo,
    verified: c.verified,
    source: c.source,
    parentCode: c.parentCode,
  };
}
