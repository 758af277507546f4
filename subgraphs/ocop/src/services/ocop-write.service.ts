import type { EntityManager } from '@mikro-orm/postgresql';
import { userInputError } from '@ntm/kit';
import { foldText } from '@ntm/names';
import { normaliseRegistrationNumber, registrationKey, validateCooperative } from '../domain/cooperative';
import { isIsoDate } from '../domain/dates';
import type { Problem } from '../domain/problems';
import { validateProduct } from '../domain/product';
import { formatProductCode } from '../domain/product-code';
import { AuthorityLevel, effectiveValidUntil, Stars, validateRating, validateRevocation, validUntil } from '../domain/rating';
import { authorize, needForStars, type AuthContext, type Authorizer } from './authorization';
import { catalog } from './catalog';
import { today as clockToday } from './clock';

export interface UnitFacts {
  unitId: string;
  code: string;
  level: string;
  ancestorIds: string[];
  successorIds: string[];
}

export interface CooperativeInput {
  legalForm: string;
  registrationNumber: string;
  name: string;
  commune: string;
  communeAsOf?: string | null;
  foundedOn: string;
  members: number;
  mainSector: string;
  status?: string | null;
}
export interface ProductInput {
  name: string;
  productSetCode: string;
  cooperativeId?: string | null;
  ownerId?: string | null;
  commune: string;
  communeAsOf?: string | null;
  keyProduct?: boolean | null;
  traceable?: boolean | null;
}
export interface AuthorityInput {
  level: string;
  unitCode?: string | null;
  name: string;
}
export interface RatingInput {
  productCode: string;
  score: number;
  partA: number;
  partB: number;
  partC: number;
  stars: number;
  decisionNumber: string;
  decisionDate: string;
  authority: AuthorityInput;
  productSetCode?: string | null;
}
export interface RevocationInput {
  ratingId: string;
  ground: string;
  reason: string;
  revokedOn: string;
  decisionNumber: string;
  authority: AuthorityInput;
}

/** A refused write: every problem, the first one's field in `extensions.field`. */
export function refuse(problems: Problem[]): never {
  throw userInputError(problems.map((p) => `${p.field}: ${p.reason}`).join('; '), { field: problems[0].field, problems });
}

/**
 * Writes: create a cooperative or a product, record a rating, revoke one. Each: reads what it needs,
 * `authorize` (before anything is written), validation by the pure domain (errors name the field),
 * then all rows in one transaction — nothing is written on error.
 */
export class OcopWriteService {
  constructor(
    private readonly em: EntityManager,
    private readonly ctx: AuthContext,
    private readonly authorizer: Authorizer = authorize,
    private readonly today: () => string = clockToday,
  ) {}

  private run<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.em.getConnection().execute<T[]>(sql, params);
  }

  /** A unit by AdminUnit id ("17380@2025-03-01") or by official code in the list in force on `asOf` (default today). */
  async resolveUnit(ref: string, asOf: string | null | undefined): Promise<UnitFacts | null> {
    const date = asOf ?? this.today();
    const rows = await this.run<UnitFacts>(
      `select unit_id as "unitId", code, level, ancestor_ids as "ancestorIds", successor_ids as "successorIds" from unit_profile
        where ${ref.includes('@') ? 'unit_id = ?' : `code = ? and (valid_from is null or valid_from <= ?::date) and (valid_to is null or valid_to >= ?::date)`}`,
      ref.includes('@') ? [ref] : [ref, date, date],
    );
    return rows[0] ?? null;
  }

  async createCooperative(input: CooperativeInput): Promise<number> {
    const unit = await this.resolveUnit(input.commune, input.communeAsOf);
    await this.authorizer(this.ctx, 'EDITOR', unit?.unitId ?? null);
    const taken = await this.run<{ key: string }>(`select registration_key as key from cooperative where registration_key = ?`, [
      registrationKey(String(input.registrationNumber ?? '')),
    ]);
    const status = input.status ?? 'ACTIVE';
    const check = validateCooperative(
      { ...input, communeCode: input.commune, status },
      { today: this.today(), communeLevel: (unit?.level ?? null) as never, takenRegistrationKeys: new Set(taken.map((t) => t.key)) },
    );
    if (check.problems.length) refuse(check.problems.map((p) => (p.field === 'communeCode' ? { ...p, field: 'commune' } : p)));
    return this.em.getConnection().transactional(async (trx) => {
      try {
        const [row] = (
          await trx.raw(
            `insert into cooperative (legal_form, registration_number, registration_key, name, name_key, commune_id, founded_on, members, main_sector, status, generated)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false) returning id`,
            [
              input.legalForm,
              normaliseRegistrationNumber(input.registrationNumber),
              registrationKey(input.registrationNumber),
              input.name.trim(),
              foldText(input.name),
              unit!.unitId,
              input.foundedOn,
              input.members,
              input.mainSector,
              status,
            ],
          )
        ).rows as { id: number }[];
        return row.id;
      } catch (error) {
        if ((error as { code?: string }).code === '23505')
          refuse([
            {
              field: 'registrationNumber',
              reason: `${normaliseRegistrationNumber(input.registrationNumber)} is already registered to another cooperative`,
            },
          ]);
        throw error;
      }
    });
  }

  async createProduct(input: ProductInput): Promise<string> {
    const unit = await this.resolveUnit(input.commune, input.communeAsOf);
    await this.authorizer(this.ctx, 'EDITOR', unit?.unitId ?? null);
    const problems = validateProduct(
      {
        name: input.name,
        productSetCode: input.productSetCode,
        ownerId: input.ownerId ?? input.cooperativeId ?? null,
        communeCode: input.commune,
        keyProduct: input.keyProduct ?? false,
      },
      { catalog: catalog(), communeLevel: (unit?.level ?? null) as never },
    ).map((p) => (p.field === 'communeCode' ? { ...p, field: 'commune' } : p.field === 'ownerId' ? { ...p, field: 'ownerId/cooperativeId' } : p));
    if (input.ownerId && input.cooperativeId)
      problems.push({ field: 'ownerId/cooperativeId', reason: 'give one of ownerId or cooperativeId, not both' });
    let ownerId: number | null = null;
    type CoopRow = { id: number; name: string; legal_form: string; commune_id: string; founded_on: string; owner_id: number | null };
    let cooperative = null as CoopRow | null;
    if (input.ownerId) {
      const [o] = await this.run<{ id: number }>(`select id from ocop_owner where id = ?`, [Number(input.ownerId) || 0]);
      if (!o) problems.push({ field: 'ownerId', reason: `no OCOP owner has id ${input.ownerId}` });
      else ownerId = o.id;
    } else if (input.cooperativeId) {
      const [c] = await this.run<CoopRow>(
        `select c.id, c.name, c.legal_form, c.commune_id, c.founded_on::text as founded_on, o.id as owner_id
        from cooperative c left join ocop_owner o on o.cooperative_id = c.id where c.id = ?`,
        [Number(input.cooperativeId) || 0],
      );
      if (!c) problems.push({ field: 'cooperativeId', reason: `no cooperative has id ${input.cooperativeId}` });
      else {
        cooperative = c;
        ownerId = c.owner_id;
      }
    }
    if (problems.length) refuse(problems);
    const set = catalog().get(input.productSetCode)!;
    const provinceCode = (unit!.ancestorIds[0] ?? unit!.unitId).split('@')[0];
    const year = Number(this.today().slice(0, 4));
    return this.em.getConnection().transactional(async (trx) => {
      const coop = cooperative;
      if (ownerId === null && coop) {
        const [o] = (
          await trx.raw(
            `insert into ocop_owner (owner_type, name, commune_id, established_on, cooperative_id, generated) values (?, ?, ?, ?, ?, false) returning id`,
            [coop.legal_form === 'COOPERATIVE_GROUP' ? 'COOPERATIVE_GROUP' : 'COOPERATIVE', coop.name, coop.commune_id, coop.founded_on, coop.id],
          )
        ).rows as { id: number }[];
        ownerId = o.id;
      }
      const prefix = `OCOP-${provinceCode}-${unit!.code}-${year}-`;
      await trx.raw(`select pg_advisory_xact_lock(hashtext(?))`, [prefix]);
      const [{ n }] = (await trx.raw(`select count(*)::int as n from ocop_product where code like ?`, [`${prefix}%`])).rows as { n: number }[];
      const code = formatProductCode({ provinceCode, communeCode: unit!.code, year, serial: n + 1 });
      await trx.raw(
        `insert into ocop_product (code, name, name_key, product_set_code, class_system, owner_id, commune_id, key_product, traceable, generated)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, false)`,
        [
          code,
          input.name.trim(),
          foldText(input.name),
          set.code,
          set.system,
          ownerId,
          unit!.unitId,
          input.keyProduct ?? false,
          input.traceable ?? false,
        ],
      );
      return code;
    });
  }

  async recordRating(input: RatingInput): Promise<number> {
    const [product] = await this.run<{ id: number; commune_id: string; product_set_code: string }>(
      `select id, commune_id, product_set_code from ocop_product where code = ?`,
      [input.productCode],
    );
    const unit = product ? await this.resolveUnit(product.commune_id, null) : null;
    await this.authorizer(this.ctx, needForStars(input.stars), unit?.unitId ?? null);
    if (!product) refuse([{ field: 'productCode', reason: `no OCOP product has code ${JSON.stringify(input.productCode)}` }]);
    const setCode = input.productSetCode ?? product.product_set_code;
    const set = catalog().get(setCode);
    const problems: Problem[] = [];
    if (!set || set.productSetNo === null)
      problems.push({ field: 'productSetCode', reason: `${JSON.stringify(setCode)} is not a product set of the classification` });
    problems.push(
      ...validateRating(
        {
          ...input,
          authority: { ...input.authority, level: input.authority?.level as AuthorityLevel },
          productSet: set ? { code: set.code, validFrom: set.validFrom, validTo: set.validTo } : null,
        },
        this.today(),
      ),
    );
    if (problems.length) refuse(problems);
    const until = validUntil(input.decisionDate);
    const through = effectiveValidUntil({ id: 0, stars: input.stars as Stars, decisionDate: input.decisionDate });
    return this.em.getConnection().transactional(async (trx) => {
      const [row] = (
        await trx.raw(
          `insert into ocop_rating (product_id, stars, score, part_a, part_b, part_c, class_system, product_set_code, decision_number, decided_on,
           authority_level, authority_unit_code, authority_name, valid_until, valid_through, generated)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false) returning id`,
          [
            product.id,
            input.stars,
            input.score,
            input.partA,
            input.partB,
            input.partC,
            set!.system,
            set!.code,
            input.decisionNumber.trim(),
            input.decisionDate,
            input.authority.level,
            input.authority.unitCode ?? null,
            input.authority.name.trim(),
            until,
            through,
          ],
        )
      ).rows as { id: number }[];
      return row.id;
    });
  }

  async revokeRating(input: RevocationInput): Promise<number> {
    const [rating] = await this.run<{ id: number; stars: number; decided_on: string; commune_id: string; revoked_on: string | null }>(
      `select r.id, r.stars, r.decided_on::text as decided_on, p.commune_id, v.revoked_on::text as revoked_on
         from ocop_rating r join ocop_product p on p.id = r.product_id left join ocop_revocation v on v.rating_id = r.id where r.id = ?`,
      [Number(input.ratingId) || 0],
    );
    const unit = rating ? await this.resolveUnit(rating.commune_id, null) : null;
    await this.authorizer(this.ctx, needForStars(rating?.stars ?? 3), unit?.unitId ?? null);
    if (!rating) refuse([{ field: 'ratingId', reason: `no OCOP rating has id ${JSON.stringify(input.ratingId)}` }]);
    const problems = validateRevocation(
      { id: rating.id, stars: rating.stars as Stars, decisionDate: rating.decided_on, revokedOn: rating.revoked_on },
      { ...input, authority: { ...input.authority, level: input.authority?.level as AuthorityLevel } },
      this.today(),
    );
    if (!isIsoDate(input.revokedOn) && !problems.some((p) => p.field === 'revokedOn'))
      problems.push({ field: 'revokedOn', reason: 'must be a date' });
    if (problems.length) refuse(problems);
    await this.em.getConnection().transactional(async (trx) => {
      await trx.raw(
        `insert into ocop_revocation (rating_id, revoked_on, ground, reason, decision_number, authority_level, authority_name, generated)
         values (?, ?, ?, ?, ?, ?, ?, false)`,
        [
          rating.id,
          input.revokedOn,
          input.ground,
          input.reason.trim(),
          input.decisionNumber.trim(),
          input.authority.level,
          input.authority.name.trim(),
        ],
      );
    });
    return rating.id;
  }
}
