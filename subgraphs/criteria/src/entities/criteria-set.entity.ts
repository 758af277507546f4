import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { CriteriaLevel, Tier } from './enums';

/** A national criteria set (bộ tiêu chí), versioned by phase, level and tier; loaded from data files. */
@Entity({ tableName: 'criteria_set' })
@ObjectType({ description: 'A criteria set (bộ tiêu chí), versioned by phase, level and tier. Loaded from data files committed in the repository.' })
export class CriteriaSet {
  @PrimaryKey({ type: 'string', columnType: 'text' })
  @Field({ description: 'Code, e.g. "COMMUNE_NTM_2021_2025".' })
  code!: string;

  @Property({ type: 'string', columnType: 'text' })
  @Field({ description: 'NATIONAL (a recognition standard) or PILOT_ELIGIBILITY (conditions to join a pilot model).' })
  kind!: string;

  @Property({ type: 'string', columnType: 'text' })
  @Field({ description: 'Programme phase, e.g. "2021-2025".' })
  phase!: string;

  @Enum({ items: () => CriteriaLevel, columnType: 'text' })
  @Field(() => CriteriaLevel, { description: 'Level of unit it applies to.' })
  level!: CriteriaLevel;

  @Property({ type: 'string', columnType: 'text' })
  @Field(() => Tier, { description: 'STANDARD (đạt chuẩn), ADVANCED (nâng cao) or MODEL (kiểu mẫu).' })
  tier!: Tier;

  @Property({ type: 'string', columnType: 'text' })
  @Field({ description: 'Vietnamese name.' })
  nameVi!: string;

  @Property({ type: 'string', columnType: 'text' })
  @Field({ description: 'English name.' })
  nameEn!: string;

  @Property({ type: 'string', columnType: 'text' })
  @Field({ description: 'Legal basis, e.g. "318/QĐ-TTg, 08/03/2022".' })
  legalBasis!: string;

  @Property({ type: 'string', columnType: 'text' })
  @Field({ description: 'Where the set’s structure comes from.' })
  source!: string;

  @Property({ type: 'string', columnType: 'text' })
  @Field({ description: 'Confidence in the source: HIGH, MEDIUM or LOW.' })
  confidence!: string;
}
