import { AdminUnitRef, EXTENDED_ADMIN_UNIT_DESCRIPTION } from '@ntm/admin-unit-contract';
import { connectionTypes } from '@ntm/kit';
import { Directive, Field, Float, ID, Int, InterfaceType, ObjectType } from 'type-graphql';
import { VndScalar } from './vnd.scalar';

/**
 * AdminUnit as this subgraph declares it: its own subclass of the contract's key stub, so the fields it
 * adds (type-graphql attaches field resolvers to a class globally) never leak into another subgraph's
 * AdminUnit when several are loaded in one process (the tests).
 */
@ObjectType('AdminUnit', { description: EXTENDED_ADMIN_UNIT_DESCRIPTION })
@Directive('@key(fields: "id")')
export class OcopAdminUnit extends AdminUnitRef {}

@ObjectType({
  description:
    'A class of the OCOP classification (danh mục phân loại sản phẩm OCOP): sector (ngành), group (nhóm), subgroup (phân nhóm); a product set (bộ sản phẩm) is a class with a set number. Real data from QĐ 26/2026/QĐ-TTg Appendix I and the older systems (see `source`, `verified`).',
})
export class OcopProductClass {
  @Field({ description: 'Stable code, e.g. "26-I.3.b" (QĐ 26 numbering), "148-2", "1048-5".' })
  code!: string;
  @Field({ description: 'Class system: QD26_2026, QD148_2023 or QD1048_2019.' })
  system!: string;
  @Field({ description: 'SECTOR (ngành), GROUP (nhóm) or SUBGROUP (phân nhóm).' })
  level!: string;
  @Field({ description: 'Vietnamese name as the decision writes it.' })
  nameVi!: string;
  @Field({ description: 'English name (our translation).' })
  nameEn!: string;
  @Field(() => Int, { nullable: true, description: 'Product set number (1–26 in QĐ 26 Appendix II order); null for inner classes.' })
  productSetNo!: number | null;
  @Field(() => [String], { description: 'Lead ministries (cơ quan chủ trì quản lý), codes MAE, MOIT, MOH, MOCST.' })
  leadMinistries!: string[];
  @Field(() => String, { description: 'First decision date a rating may carry under this class.' })
  validFrom!: string;
  @Field(() => String, { nullable: true, description: 'Last decision date a rating may carry under this class (null: open).' })
  validTo!: string | null;
  @Field({ description: 'True when the row was read in the legal text; false marks unverified wording.' })
  verified!: boolean;
  @Field({ description: 'Where the row comes from.' })
  source!: string;
  parentCode!: string | null;
}

@InterfaceType('OcopOwner', {
  description: 'The owner of an OCOP product (chủ thể OCOP, QĐ 26/2026 Art. 2.3): query into it with `... on Cooperative` etc.',
  resolveType: (value: { typeName: string }) => value.typeName,
})
export abstract class OcopOwner {
  @Field(() => ID, { description: 'Identifier within its type.' })
  id!: string;
  @Field({ description: 'Name as registered.' })
  name!: string;
  @Field(() => OcopAdminUnit, { description: 'The commune it is registered in (either official list; resolved by admin-units).' })
  commune!: OcopAdminUnit;
  @Field({ description: 'True for generated (synthetic) records.' })
  generated!: boolean;
  typeName!: string;
}

@ObjectType({
  implements: OcopOwner,
  description: 'A cooperative, cooperative group or union (hợp tác xã, tổ hợp tác, liên hiệp hợp tác xã; Law 17/2023/QH15).',
})
export class Cooperative extends OcopOwner {
  @Field({
    description:
      'Registration number (mã số hợp tác xã), unique; its 10-digit tax-code form is not verified, so any 1–20 letters and digits are accepted.',
  })
  registrationNumber!: string;
  @Field({ description: 'Legal form: COOPERATIVE_GROUP (tổ hợp tác), COOPERATIVE (hợp tác xã), COOPERATIVE_UNION (liên hiệp hợp tác xã).' })
  legalForm!: string;
  @Field(() => Int, { description: 'Members (thành viên); a hợp tác xã needs at least 5 (Law 17/2023 Art. 4.7).' })
  members!: number;
  @Field(() => String, { description: 'Founding date.' })
  foundedOn!: string;
  @Field({ description: 'Main sector of activity (our coarse grouping, unverified).' })
  mainSector!: string;
  @Field({ description: 'ACTIVE (đang hoạt động), SUSPENDED (tạm ngừng), DISSOLVED (đã giải thể).' })
  status!: string;
}

@ObjectType({ implements: OcopOwner, description: 'A cooperative group (tổ hợp tác) owning OCOP products.' })
export class CooperativeGroup extends Cooperative {}

@ObjectType({ implements: OcopOwner, description: 'A small or medium enterprise (doanh nghiệp nhỏ và vừa) owning OCOP products.' })
export class Enterprise extends OcopOwner {
  @Field(() => String, { nullable: true, description: 'Date established.' })
  establishedOn!: string | null;
}

@ObjectType({ implements: OcopOwner, description: 'A farm (trang trại) owning OCOP products.' })
export class Farm extends OcopOwner {
  @Field(() => String, { nullable: true, description: 'Date established.' })
  establishedOn!: string | null;
}

@ObjectType({ implements: OcopOwner, description: 'A registered household business (hộ kinh doanh) owning OCOP products.' })
export class HouseholdBusiness extends OcopOwner {
  @Field(() => String, { nullable: true, description: 'Date established.' })
  establishedOn!: string | null;
}

@ObjectType({ description: 'Revocation of an OCOP certificate (thu hồi, QĐ 26/2026 Art. 8).' })
export class OcopRevocation {
  @Field(() => String, { description: 'Day the revocation takes effect.' })
  revokedOn!: string;
  @Field({
    description:
      'Ground of Art. 8.1 (FALSE_DOSSIER, NO_LONGER_MEETS_CRITERIA, LEGAL_VIOLATION, MISUSE_OF_OCOP_MARK, PRODUCTION_STOPPED, OTHER_AUTHORITY_FINDING).',
  })
  ground!: string;
  @Field({ description: 'The finding, as written.' })
  reason!: string;
  @Field({ description: 'Revocation decision number.' })
  decisionNumber!: string;
}

@ObjectType({ description: 'One OCOP rating decision (quyết định công nhận sản phẩm OCOP); kept in the history after it expires or is revoked.' })
export class OcopRating {
  @Field(() => ID, { description: 'Identifier.' })
  id!: string;
  @Field(() => Int, { description: 'Stars: 3, 4 or 5 (90+ points → 5★, 70–<90 → 4★, 50–<70 → 3★; QĐ 26/2026 Art. 3.3).' })
  stars!: number;
  @Field(() => Float, { description: 'Score out of 100 (average of the council, two decimals).' })
  score!: number;
  @Field(() => Float, { description: 'Part A, product and community strength, 0–40 (Art. 3.1).' })
  partA!: number;
  @Field(() => Float, { description: 'Part B, marketing, 0–25 (Art. 3.1).' })
  partB!: number;
  @Field(() => Float, { description: 'Part C, quality, 0–35 (Art. 3.1).' })
  partC!: number;
  @Field({ description: 'Recognition decision number.' })
  decisionNumber!: string;
  @Field(() => String, { description: 'Decision date.' })
  decidedOn!: string;
  @Field({ description: 'The issuing authority as written on the decision (e.g. "UBND tỉnh Nghệ An").' })
  authority!: string;
  @Field({ description: 'Level of the issuing authority: MINISTRY, PROVINCE, or DISTRICT (3★ before the 2025 reform).' })
  authorityLevel!: string;
  @Field(() => String, { nullable: true, description: 'Official code of the issuing province or district (null for the ministry).' })
  authorityUnitCode!: string | null;
  @Field(() => String, {
    description: 'Last day the certificate is valid: 36 months from the decision (Art. 4.3; our reading of the Civil Code for the end day).',
  })
  validUntil!: string;
  @Field(() => String, {
    description: "Last valid day including a late re-rating filer's extension (Art. 12.3); equals validUntil when there is none.",
  })
  validThrough!: string;
  @Field({ description: 'Class system the rating was decided under.' })
  classSystem!: string;
  @Field(() => OcopRevocation, { nullable: true, description: 'The revocation, if the certificate was revoked.' })
  revocation!: OcopRevocation | null;
  @Field({ description: 'True for generated (synthetic) records.' })
  generated!: boolean;
  productId!: number;
  productSetCode!: string;
}

@ObjectType({ description: 'An e-commerce listing of an OCOP product.' })
export class EcommerceListing {
  @Field({ description: 'Platform: SHOPEE, LAZADA, TIKTOK_SHOP, TIKI, SENDO, POSTMART, VOSO, OWN_WEBSITE, OTHER.' })
  platform!: string;
  @Field({ description: 'Address of the listing.' })
  url!: string;
  @Field(() => String, { description: 'Listed since.' })
  since!: string;
  @Field({ description: 'True for generated (synthetic) records.' })
  generated!: boolean;
  productId!: number;
}

@ObjectType({ description: 'An OCOP product (sản phẩm OCOP), registered in a commune of either official list.' })
export class OcopProduct {
  @Field(() => ID, { description: 'Identifier.' })
  id!: string;
  @Field({ description: 'Stable product code OCOP-<province>-<commune>-<year>-<serial>, assigned at registration and never recomputed.' })
  code!: string;
  @Field({ description: 'Product name.' })
  name!: string;
  @Field({ description: 'Key product of its area (sản phẩm chủ lực).' })
  keyProduct!: boolean;
  @Field({ description: 'Sold with traceability (truy xuất nguồn gốc).' })
  traceable!: boolean;
  @Field({ description: 'True for generated (synthetic) records.' })
  generated!: boolean;
  productSetCode!: string;
  ownerId!: number;
  communeId!: string;
}

@ObjectType({ description: 'A party to a linkage project and its role.' })
export class LinkageParticipant {
  @Field({ description: 'COOPERATIVE, COOPERATIVE_UNION, ENTERPRISE, FARMER_GROUP or HOUSEHOLD.' })
  kind!: string;
  @Field({ description: 'LEAD (chủ trì liên kết), INPUT_SUPPLIER, PRODUCER, PROCESSOR, BUYER or SERVICE_PROVIDER.' })
  role!: string;
  @Field({ description: 'Reference of the party.' })
  ref!: string;
  projectId!: number;
  cooperativeId!: number | null;
}

@ObjectType({ description: 'A support item of a linkage project (Decree 98/2018/NĐ-CP Art. 7).' })
export class LinkageSupportItem {
  @Field({ description: 'CONSULTANCY, INFRASTRUCTURE, TECHNOLOGY_QUALITY, EXTENSION_TRAINING or SEEDS_MATERIALS_PACKAGING.' })
  kind!: string;
  @Field(() => Float, { description: 'Share of the cost supported, percent.' })
  sharePercent!: number;
  @Field(() => VndScalar, { description: 'Cap in VND.' })
  capVnd!: string;
  @Field(() => VndScalar, { description: 'Amount supported in VND.' })
  amountVnd!: string;
  projectId!: number;
}

@ObjectType({ description: 'A linkage project or plan (dự án / kế hoạch liên kết, Decree 98/2018/NĐ-CP).' })
export class LinkageProject {
  @Field(() => ID, { description: 'Identifier.' })
  id!: string;
  @Field({ description: 'Project name.' })
  name!: string;
  @Field({ description: 'Kind of the lead partner.' })
  leadKind!: string;
  @Field({ description: 'Reference of the lead partner.' })
  leadRef!: string;
  @Field(() => String, { nullable: true, description: 'Key product (sản phẩm chủ lực) the linkage is for.' })
  keyProduct!: string | null;
  @Field(() => Float, { nullable: true, description: 'Raw-material zone (vùng nguyên liệu) area in hectares; null when it has none.' })
  rawMaterialAreaHa!: number | null;
  @Field(() => [String], { description: 'Growing-area codes (mã số vùng trồng).' })
  growingAreaCodes!: string[];
  @Field(() => String, { description: 'Start date.' })
  startDate!: string;
  @Field(() => String, { nullable: true, description: 'End date (null: open).' })
  endDate!: string | null;
  @Field(() => [String], { description: 'Contract references.' })
  contractRefs!: string[];
  @Field(() => [String], {
    description: 'Digital technology used: TRACEABILITY, E_COMMERCE, GROWING_AREA_CODES_DIGITAL, FARM_MANAGEMENT_SOFTWARE, IOT_SENSORS.',
  })
  digitalTechnologies!: string[];
  @Field(() => String, { nullable: true, description: 'Approving decision number.' })
  approvalDecisionNumber!: string | null;
  @Field(() => String, { nullable: true, description: 'Approving decision date.' })
  approvalDecisionDate!: string | null;
  @Field({ description: 'True for generated (synthetic) records.' })
  generated!: boolean;
}

@ObjectType({ description: 'Products with a given number of stars.' })
export class OcopStarCount {
  @Field(() => Int, { description: 'Stars (3, 4, 5).' })
  stars!: number;
  @Field(() => Int, { description: 'Products whose current rating has these stars.' })
  count!: number;
}

@ObjectType({ description: 'Products with a current rating in one QĐ 26 sector.' })
export class OcopSectorCount {
  @Field(() => OcopProductClass, { nullable: true, description: 'The QĐ 26 sector (null: an old class with no mapped sector).' })
  sector!: OcopProductClass | null;
  @Field(() => Int, { description: 'Products with a current rating in it.' })
  count!: number;
}

@ObjectType({ description: 'Listings on one e-commerce platform.' })
export class OcopPlatformCount {
  @Field({ description: 'Platform.' })
  platform!: string;
  @Field(() => Int, { description: "Listings of the area's products on it." })
  count!: number;
}

@ObjectType({ description: 'OCOP and linkage roll-ups of an area on a date, computed from the records (never stored).' })
export class OcopSummary {
  /** The area (null: the whole country) and the date. */
  unitId!: string | null;
  asOf!: string;
}

export const { ConnectionType: OcopProductConnection } = connectionTypes(OcopProduct, 'OcopProduct', 'OCOP product');
export const { ConnectionType: CooperativeConnection } = connectionTypes(Cooperative, 'Cooperative', 'cooperative');
export const { ConnectionType: LinkageProjectConnection } = connectionTypes(LinkageProject, 'LinkageProject', 'linkage project');
