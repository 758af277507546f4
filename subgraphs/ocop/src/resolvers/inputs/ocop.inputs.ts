import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '@ntm/kit';

@InputType({ description: 'Filters on OCOP products (all optional, combined with AND).' })
export class OcopProductFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Words of the name, with or without diacritics ("mat ong" finds "Mật ong …"); matches word starts.',
  })
  search?: string | null;
  @Field(() => String, { nullable: true, description: 'Product set code (e.g. "26-I.3.b").' })
  productSet?: string | null;
  @Field(() => Int, { nullable: true, description: 'At least this many stars in the current rating (3–5).' })
  minStars?: number | null;
  @Field(() => Int, { nullable: true, description: 'Exactly this many stars in the current rating.' })
  stars?: number | null;
  @Field(() => Int, { nullable: true, description: 'Current rating expires (last valid day) within this many days after asOf.' })
  expiresWithinDays?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Only key products (true) or only others (false).' })
  keyProduct?: boolean | null;
}

@InputType({ description: 'Filters on cooperatives.' })
export class CooperativeFilter {
  @Field(() => String, { nullable: true, description: 'Words of the name, with or without diacritics.' })
  search?: string | null;
  @Field(() => String, { nullable: true, description: 'Legal form: COOPERATIVE_GROUP, COOPERATIVE, COOPERATIVE_UNION.' })
  legalForm?: string | null;
  @Field(() => String, { nullable: true, description: 'Status: ACTIVE, SUSPENDED, DISSOLVED.' })
  status?: string | null;
}

@InputType({ description: 'A new cooperative (hợp tác xã, tổ hợp tác, liên hiệp hợp tác xã).' })
export class CooperativeInput {
  @Field({ description: 'COOPERATIVE_GROUP, COOPERATIVE or COOPERATIVE_UNION.' })
  legalForm!: string;
  @Field({ description: 'Registration number; unique.' })
  registrationNumber!: string;
  @Field({ description: 'Name.' })
  name!: string;
  @Field({
    description: 'The commune it is registered in: an AdminUnit id ("17380@2025-03-01") or an official code (in the list in force on communeAsOf).',
  })
  commune!: string;
  @Field(() => DateScalar, { nullable: true, description: 'Date the commune code is read in (default today).' })
  communeAsOf?: string | null;
  @Field(() => DateScalar, { description: 'Founding date.' })
  foundedOn!: string;
  @Field(() => Int, { description: 'Members.' })
  members!: number;
  @Field({
    description: 'Main sector: AGRICULTURE, INDUSTRY_HANDICRAFT, TRADE_SERVICES, TRANSPORT, CONSTRUCTION, PEOPLES_CREDIT_FUND, ENVIRONMENT, OTHER.',
  })
  mainSector!: string;
  @Field(() => String, { nullable: true, description: 'Status (default ACTIVE).' })
  status?: string | null;
}

@InputType({ description: 'A new OCOP product.' })
export class OcopProductInput {
  @Field({ description: 'Product name.' })
  name!: string;
  @Field({ description: 'Product set code (a leaf of the classification).' })
  productSetCode!: string;
  @Field(() => ID, { nullable: true, description: 'An existing OCOP owner (give this or cooperativeId).' })
  ownerId?: string | null;
  @Field(() => ID, { nullable: true, description: 'A cooperative as the owner (give this or ownerId).' })
  cooperativeId?: string | null;
  @Field({ description: 'The commune the product comes from: an AdminUnit id or an official code (a district or province is refused).' })
  commune!: string;
  @Field(() => DateScalar, { nullable: true, description: 'Date the commune code is read in (default today).' })
  communeAsOf?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Key product of its area (default false).' })
  keyProduct?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Sold with traceability (default false).' })
  traceable?: boolean | null;
}

@InputType({ description: 'The body that issued (or revokes) a decision.' })
export class OcopAuthorityInput {
  @Field({ description: 'MINISTRY, PROVINCE or DISTRICT.' })
  level!: string;
  @Field(() => String, { nullable: true, description: 'Official code of the province or district (required unless MINISTRY).' })
  unitCode?: string | null;
  @Field({ description: 'Name as written on the decision.' })
  name!: string;
}

@InputType({ description: 'A rating decision to record (QĐ 26/2026/QĐ-TTg).' })
export class OcopRatingInput {
  @Field({ description: 'Code of the product rated.' })
  productCode!: string;
  @Field(() => Float, { description: 'Score out of 100 (= partA + partB + partC).' })
  score!: number;
  @Field(() => Float, { description: 'Part A, 0–40.' })
  partA!: number;
  @Field(() => Float, { description: 'Part B, 0–25.' })
  partB!: number;
  @Field(() => Float, { description: 'Part C, 0–35.' })
  partC!: number;
  @Field(() => Int, { description: 'Stars; must agree with the score.' })
  stars!: number;
  @Field({ description: 'Decision number.' })
  decisionNumber!: string;
  @Field(() => DateScalar, { description: 'Decision date (not in the future).' })
  decisionDate!: string;
  @Field(() => OcopAuthorityInput, { description: 'Issuing authority.' })
  authority!: OcopAuthorityInput;
  @Field(() => String, { nullable: true, description: "Product set it is rated under (default: the product's)." })
  productSetCode?: string | null;
}

@InputType({ description: 'A revocation of a rating (QĐ 26/2026 Art. 8).' })
export class OcopRevocationInput {
  @Field(() => ID, { description: 'The rating revoked.' })
  ratingId!: string;
  @Field({ description: 'Ground of Art. 8.1.' })
  ground!: string;
  @Field({ description: 'The finding.' })
  reason!: string;
  @Field(() => DateScalar, { description: 'Effective date (not before the decision, not in the future).' })
  revokedOn!: string;
  @Field({ description: 'Revocation decision number.' })
  decisionNumber!: string;
  @Field(() => OcopAuthorityInput, { description: 'Who revokes.' })
  authority!: OcopAuthorityInput;
}
