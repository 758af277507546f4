import { checkPageSize, DateScalar, decodeOffsetCursor, offsetConnection, userInputError } from '@ntm/kit';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { catalog, classView } from '../services/catalog';
import { today } from '../services/clock';
import { OcopWriteService } from '../services/ocop-write.service';
import { CooperativeFilter, CooperativeInput, OcopProductFilter, OcopProductInput, OcopRatingInput, OcopRevocationInput } from './inputs/ocop.inputs';
import {
  Cooperative,
  CooperativeConnection,
  OcopAdminUnit,
  EcommerceListing,
  LinkageParticipant,
  LinkageProject,
  LinkageProjectConnection,
  LinkageSupportItem,
  OcopOwner,
  OcopPlatformCount,
  OcopProduct,
  OcopProductClass,
  OcopProductConnection,
  OcopRating,
  OcopSectorCount,
  OcopStarCount,
  OcopSummary,
} from './types/ocop.types';

const page = (first: number, after: string | null | undefined) => ({ first: checkPageSize(first), offset: decodeOffsetCursor(after) });

function checkFilter(filter: OcopProductFilter | null | undefined): OcopProductFilter {
  const f = filter ?? {};
  for (const field of ['minStars', 'stars'] as const) {
    const v = f[field];
    if (v != null && (v < 3 || v > 5))
      throw userInputError(`filter.${field}: must be 3, 4 or 5 (only 3★–5★ are certified), got ${v}`, { field: `filter.${field}` });
  }
  if (f.expiresWithinDays != null && (f.expiresWithinDays < 0 || f.expiresWithinDays > 3650)) {
    throw userInputError(`filter.expiresWithinDays: must be between 0 and 3650, got ${f.expiresWithinDays}`, { field: 'filter.expiresWithinDays' });
  }
  return f;
}

function productConnection(
  ctx: Context,
  unitId: string | null,
  filter: OcopProductFilter | null | undefined,
  first: number,
  after: string | null | undefined,
  asOf: string | null | undefined,
) {
  const p = page(first, after);
  return ctx.loaders.read
    .productPage(unitId, checkFilter(filter), asOf ?? today(), p.offset, p.first)
    .then((r) => offsetConnection(r.rows, p.offset, p.first, r.total));
}

/** Fields this subgraph adds to AdminUnit: an area's products, cooperatives, linkage projects and roll-ups (either list; lineage included). */
@Resolver(() => OcopAdminUnit)
export class AdminUnitOcopResolver {
  @FieldResolver(() => OcopProductConnection, {
    description: 'OCOP products registered in this area (its subtree, and units of the other list whose lineage leads into it).',
  })
  ocopProducts(
    @Root() unit: OcopAdminUnit,
    @Ctx() ctx: Context,
    @Arg('filter', () => OcopProductFilter, { nullable: true, description: 'Filters.' }) filter: OcopProductFilter | null,
    @Arg('first', () => Int, { defaultValue: 20, description: 'Page size (at most 500).' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after.' }) after: string | null,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'Date current ratings are judged on (default today).' }) asOf: string | null,
  ) {
    return productConnection(ctx, unit.id, filter, first, after, asOf);
  }

  @FieldResolver(() => CooperativeConnection, { description: 'Cooperatives registered in this area (lineage included).' })
  async cooperatives(
    @Root() unit: OcopAdminUnit,
    @Ctx() ctx: Context,
    @Arg('filter', () => CooperativeFilter, { nullable: true, description: 'Filters.' }) filter: CooperativeFilter | null,
    @Arg('first', () => Int, { defaultValue: 20, description: 'Page size (at most 500).' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after.' }) after: string | null,
  ) {
    const p = page(first, after);
    const r = await ctx.loaders.read.cooperativePage(unit.id, filter ?? {}, p.offset, p.first);
    return offsetConnection(r.rows, p.offset, p.first, r.total);
  }

  @FieldResolver(() => LinkageProjectConnection, { description: 'Linkage projects covering a commune of this area (lineage included).' })
  async linkageProjects(
    @Root() unit: OcopAdminUnit,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 20, description: 'Page size (at most 500).' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after.' }) after: string | null,
  ) {
    const p = page(first, after);
    const r = await ctx.loaders.read.projectPage(unit.id, p.offset, p.first);
    return offsetConnection(r.rows, p.offset, p.first, r.total);
  }

  @FieldResolver(() => OcopSummary, { description: 'OCOP and linkage roll-ups of this area, computed from the records.' })
  ocopSummary(
    @Root() unit: OcopAdminUnit,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'Date (default today).' }) asOf: string | null,
  ): OcopSummary {
    return { unitId: unit.id, asOf: asOf ?? today() };
  }
}

@Resolver(() => OcopSummary)
export class OcopSummaryResolver {
  @FieldResolver(() => [OcopStarCount], { description: 'Products by the stars of their current rating (3, 4, 5).' })
  async byStars(@Root() s: OcopSummary, @Ctx() ctx: Context): Promise<OcopStarCount[]> {
    const rows = await ctx.loaders.summary.byStarsAndSector(s.unitId, s.asOf);
    return [3, 4, 5].map((stars) => ({ stars, count: rows.filter((r) => r.stars === stars).reduce((n, r) => n + r.count, 0) }));
  }

  @FieldResolver(() => [OcopSectorCount], { description: 'Products with a current rating by QĐ 26 sector (older classes through their mapping).' })
  async bySector(@Root() s: OcopSummary, @Ctx() ctx: Context): Promise<OcopSectorCount[]> {
    const rows = await ctx.loaders.summary.byStarsAndSector(s.unitId, s.asOf);
    const counts = new Map<string | null, number>();
    for (const r of rows) counts.set(r.sectorCode, (counts.get(r.sectorCode) ?? 0) + r.count);
    return [...counts].sort((a, b) => b[1] - a[1]).map(([code, count]) => ({ sector: classView(code), count }));
  }

  @FieldResolver(() => Int, { description: 'Products whose current rating expires within `days` days.' })
  expiring(
    @Root() s: OcopSummary,
    @Ctx() ctx: Context,
    @Arg('days', () => Int, { defaultValue: 90, description: 'Days after asOf.' }) days: number,
  ): Promise<number> {
    return ctx.loaders.summary.expiringCount(s.unitId, s.asOf, days);
  }

  @FieldResolver(() => Number, {
    nullable: true,
    description:
      "Share of the area's communes with a cooperative in a running linkage project for a key product (plan target > 70%, seed 003 §II.2.2); null without communes.",
  })
  async linkedCommuneShare(@Root() s: OcopSummary, @Ctx() ctx: Context): Promise<number | null> {
    const r = await ctx.loaders.summary.linkedCommunes(s.unitId, s.asOf);
    return r.communes === 0 ? null : r.linked / r.communes;
  }

  @FieldResolver(() => Number, {
    nullable: true,
    description:
      "Share of the area's running linkage projects with a raw-material zone using digital technology (plan target: half); null without projects.",
  })
  async digitalZoneShare(@Root() s: OcopSummary, @Ctx() ctx: Context): Promise<number | null> {
    const r = await ctx.loaders.summary.digitalZones(s.unitId, s.asOf);
    return r.projects === 0 ? null : r.digitalZone / r.projects;
  }

  @FieldResolver(() => [OcopPlatformCount], { description: "E-commerce listings of the area's products by platform." })
  listingsByPlatform(@Root() s: OcopSummary, @Ctx() ctx: Context): Promise<OcopPlatformCount[]> {
    return ctx.loaders.summary.listingsByPlatform(s.unitId);
  }
}

@Resolver(() => OcopProduct)
export class OcopProductResolver {
  @Query(() => OcopProductConnection, { description: 'OCOP products of the whole country (or use AdminUnit.ocopProducts for an area).' })
  ocopProducts(
    @Ctx() ctx: Context,
    @Arg('filter', () => OcopProductFilter, { nullable: true, description: 'Filters.' }) filter: OcopProductFilter | null,
    @Arg('first', () => Int, { defaultValue: 20, description: 'Page size (at most 500).' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after.' }) after: string | null,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'Date current ratings are judged on (default today).' }) asOf: string | null,
  ) {
    return productConnection(ctx, null, filter, first, after, asOf);
  }

  @Query(() => OcopProduct, { nullable: true, description: 'One OCOP product by its code.' })
  async ocopProduct(@Arg('code', { description: 'Product code.' }) code: string, @Ctx() ctx: Context): Promise<OcopProduct | null> {
    return (await ctx.loaders.read.productsByCode([code]))[0] ?? null;
  }

  @Query(() => OcopSummary, { description: 'OCOP roll-ups of the whole country.' })
  ocopNationalSummary(@Arg('asOf', () => DateScalar, { nullable: true, description: 'Date (default today).' }) asOf: string | null): OcopSummary {
    return { unitId: null, asOf: asOf ?? today() };
  }

  @Query(() => [OcopProductClass], { description: 'The OCOP classification of a class system (default QĐ 26/2026).' })
  ocopProductClasses(
    @Arg('system', { defaultValue: 'QD26_2026', description: 'QD26_2026, QD148_2023 or QD1048_2019.' }) system: string,
  ): OcopProductClass[] {
    return catalog()
      .classes.filter((c) => c.system === system)
      .map((c) => classView(c.code)!);
  }

  @FieldResolver(() => OcopProductClass, { description: 'The product set (bộ sản phẩm) it is registered under.' })
  productSet(@Root() p: OcopProduct): OcopProductClass | null {
    return classView(p.productSetCode);
  }

  @FieldResolver(() => OcopAdminUnit, { description: 'The commune it was registered in (either list; resolved by admin-units).' })
  commune(@Root() p: OcopProduct): OcopAdminUnit {
    return { id: p.communeId };
  }

  @FieldResolver(() => [OcopAdminUnit], {
    description:
      "The commune(s) of today's list it was registered in: itself when registered on the current list, else the units its commune went into through the 2025 reform (the lineage; empty when unknown).",
  })
  async communeToday(@Root() p: OcopProduct, @Ctx() ctx: Context): Promise<OcopAdminUnit[]> {
    return ((await ctx.loaders.unitsToday.load(p.communeId))?.today ?? []).map((id) => ({ id }));
  }

  @FieldResolver(() => OcopOwner, { description: 'Its owner (chủ thể OCOP).' })
  owner(@Root() p: OcopProduct, @Ctx() ctx: Context) {
    return ctx.loaders.owners.load(Number(p.ownerId));
  }

  @FieldResolver(() => OcopRating, {
    nullable: true,
    description: 'Its current rating: the latest decided, unrevoked, unexpired one on asOf (null: none — expired ratings stay in `ratings`).',
  })
  currentRating(
    @Root() p: OcopProduct,
    @Ctx() ctx: Context,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'Date (default today).' }) asOf: string | null,
  ) {
    return ctx.loaders.currentRating.load({ productId: Number(p.id), asOf: asOf ?? today() });
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Stars of its current rating on asOf (null: no current rating).' })
  async stars(
    @Root() p: OcopProduct,
    @Ctx() ctx: Context,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'Date (default today).' }) asOf: string | null,
  ) {
    return (await ctx.loaders.currentRating.load({ productId: Number(p.id), asOf: asOf ?? today() }))?.stars ?? null;
  }

  @FieldResolver(() => [OcopRating], { description: 'Every rating decision, oldest first, including expired and revoked ones.' })
  ratings(@Root() p: OcopProduct, @Ctx() ctx: Context) {
    return ctx.loaders.ratings.load(Number(p.id));
  }

  @FieldResolver(() => [EcommerceListing], { description: 'E-commerce listings.' })
  listings(@Root() p: OcopProduct, @Ctx() ctx: Context) {
    return ctx.loaders.listings.load(Number(p.id));
  }

  @Mutation(() => Cooperative, {
    description: 'Registers a cooperative (needs EDITOR of the unit). Refused with the field named; nothing written on error.',
  })
  async createCooperative(@Arg('input', () => CooperativeInput, { description: 'The cooperative.' }) input: CooperativeInput, @Ctx() ctx: Context) {
    const id = await new OcopWriteService(ctx.em, ctx).createCooperative(input);
    return (await ctx.loaders.read.cooperativesById([id]))[0];
  }

  @Mutation(() => OcopProduct, { description: 'Registers an OCOP product (needs EDITOR of the unit).' })
  async createOcopProduct(@Arg('input', () => OcopProductInput, { description: 'The product.' }) input: OcopProductInput, @Ctx() ctx: Context) {
    const code = await new OcopWriteService(ctx.em, ctx).createProduct(input);
    return (await ctx.loaders.read.productsByCode([code]))[0];
  }

  @Mutation(() => OcopRating, { description: 'Records a rating decision (APPROVER of the province for 3–4★, MINISTRY or ADMIN for 5★).' })
  async recordOcopRating(@Arg('input', () => OcopRatingInput, { description: 'The decision.' }) input: OcopRatingInput, @Ctx() ctx: Context) {
    await new OcopWriteService(ctx.em, ctx).recordRating(input);
    return this.ratingById(ctx, input.productCode, null);
  }

  @Mutation(() => OcopRating, { description: 'Revokes a rating (APPROVER of the province for 3–4★, MINISTRY or ADMIN for 5★).' })
  async revokeOcopRating(
    @Arg('input', () => OcopRevocationInput, { description: 'The revocation.' }) input: OcopRevocationInput,
    @Ctx() ctx: Context,
  ) {
    const id = await new OcopWriteService(ctx.em, ctx).revokeRating(input);
    return this.ratingById(ctx, null, id);
  }

  private async ratingById(ctx: Context, productCode: string | null, id: number | null): Promise<OcopRating> {
    if (productCode) {
      const [p] = await ctx.loaders.read.productsByCode([productCode]);
      const all = await ctx.loaders.read.ratingsOf([Number(p.id)]);
      return all.reduce((a, b) => (Number(b.id) > Number(a.id) ? b : a));
    }
    const [row] = await ctx.em.getConnection().execute<{ product_id: number }[]>(`select product_id from ocop_rating where id = ?`, [id]);
    return (await ctx.loaders.read.ratingsOf([row.product_id])).find((r) => Number(r.id) === id)!;
  }
}

@Resolver(() => OcopRating)
export class OcopRatingResolver {
  @FieldResolver(() => OcopProductClass, { nullable: true, description: 'The product set it was decided under (its class system at the time).' })
  productSet(@Root() r: OcopRating): OcopProductClass | null {
    return classView(r.productSetCode);
  }
}

@Resolver(() => OcopProductClass)
export class OcopProductClassResolver {
  @FieldResolver(() => OcopProductClass, { nullable: true, description: 'The class one level up.' })
  parent(@Root() c: OcopProductClass): OcopProductClass | null {
    return classView(c.parentCode);
  }

  @FieldResolver(() => OcopProductClass, { nullable: true, description: 'The QĐ 26 sector it rolls up to (older classes through our mapping).' })
  sector(@Root() c: OcopProductClass): OcopProductClass | null {
    return classView(catalog().currentSector(c.code)?.code);
  }
}

@Resolver(() => LinkageProject)
export class LinkageProjectResolver {
  @FieldResolver(() => [LinkageParticipant], { description: 'Parties and their roles.' })
  participants(@Root() p: LinkageProject, @Ctx() ctx: Context) {
    return ctx.loaders.participants.load(Number(p.id));
  }

  @FieldResolver(() => [LinkageSupportItem], { description: 'Support items (VND).' })
  supportItems(@Root() p: LinkageProject, @Ctx() ctx: Context) {
    return ctx.loaders.supportItems.load(Number(p.id));
  }

  @FieldResolver(() => [OcopAdminUnit], { description: 'Communes covered (either list; resolved by admin-units).' })
  async communes(@Root() p: LinkageProject, @Ctx() ctx: Context): Promise<OcopAdminUnit[]> {
    return (await ctx.loaders.projectCommunes.load(Number(p.id))).map((c) => ({ id: c.communeId }));
  }
}

export const OCOP_RESOLVERS = [
  AdminUnitOcopResolver,
  OcopSummaryResolver,
  OcopProductResolver,
  OcopRatingResolver,
  OcopProductClassResolver,
  LinkageProjectResolver,
] as const;
export { ID };
