import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** One step of a pilot's lifecycle (seed 001), seeded from `data/lifecycle.csv`: the table SQL roll-ups join. */
@Entity({ tableName: 'lifecycle_step' })
export class LifecycleStepRow {
  @PrimaryKey({ type: 'string', columnType: 'text' })
  code!: string;

  /** DESIGN, IMPLEMENTATION or MONITORING (thiết kế / triển khai / giám sát và đánh giá). */
  @Property({ type: 'string', columnType: 'text' })
  phase!: string;

  @Property({ type: 'integer' })
  stepOrder!: number;

  @Property({ type: 'string', columnType: 'text' })
  nameVi!: string;

  @Property({ type: 'string', columnType: 'text' })
  nameEn!: string;

  @Property({ type: 'string[]', columnType: 'text[]', defaultRaw: "'{}'" })
  dependsOn!: string[];

  @Property({ type: 'boolean' })
  evidenceRequired!: boolean;

  /** The step of the central plan whose deadline applies. */
  @Property({ type: 'integer' })
  centralStep!: number;

  @Property({ type: 'string', columnType: 'text' })
  source!: string;

  @Property({ type: 'string', columnType: 'text' })
  quoteVi!: string;
}

/** One step of the central 7-step plan (seed 000), seeded from `data/central-plan.csv`. */
@Entity({ tableName: 'central_plan_step' })
export class CentralPlanStepRow {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  step!: number;

  @Property({ type: 'string', columnType: 'text' })
  code!: string;

  @Property({ type: 'string', columnType: 'text' })
  nameVi!: string;

  @Property({ type: 'string', columnType: 'text' })
  nameEn!: string;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  startsOn!: string | null;

  /** Last day that counts as on time. */
  @Property({ type: 'string', columnType: 'date' })
  deadline!: string;

  @Property({ type: 'string', columnType: 'text' })
  responsible!: string;

  @Property({ type: 'string', columnType: 'text' })
  source!: string;

  @Property({ type: 'string', columnType: 'text' })
  quoteVi!: string;

  @Property({ type: 'string', columnType: 'text' })
  note!: string;
}

/**
 * Villages (thôn, bản, xóm) of the provinces that have them in admin-units (generated there), pulled from
 * admin-units' public API at seed time: the unit-profile replica holds provinces, districts and communes only.
 */
@Entity({ tableName: 'village_profile' })
export class VillageProfile {
  @PrimaryKey({ type: 'string', columnType: 'text' })
  unitId!: string;

  @Property({ type: 'string', columnType: 'text' })
  code!: string;

  @Property({ type: 'string', columnType: 'text' })
  name!: string;

  /** The commune the village belongs to (in the unit-profile replica). */
  @Property({ type: 'string', columnType: 'text' })
  communeUnitId!: string;
}
