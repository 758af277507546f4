import type { EntityManager } from '@mikro-orm/postgresql';
import type { User } from '@ntm/kit';
import { AccessService } from './access';
import { ValueApprovalService } from './value-approval.service';
import { ValueHistoryService } from './value-history.service';
import { AttainmentService } from './attainment.service';
import { getCatalog } from './catalog';
import { IndicatorValuesService } from './indicator-values.service';
import { ProvinceCompletionService } from './province-completion.service';
import { RecognitionService } from './recognition.service';
import { UnitProfilesService } from './unit-profiles.service';

/**
 * The services of one request, on its EntityManager (the loaders' batch functions call them).
 * Those that need the criteria catalogue (built once per process) are resolved asynchronously.
 */
export function createCriteriaServices({ em, user }: { em: EntityManager; user: User | null }) {
  const catalog = () => getCatalog(em);
  let attainment: Promise<AttainmentService> | null = null;
  let values: Promise<IndicatorValuesService> | null = null;
  return {
    catalog,
    attainment: () => (attainment ??= catalog().then((c) => new AttainmentService(em, c))),
    values: () => (values ??= catalog().then((c) => new IndicatorValuesService(em, c))),
    recognitions: new RecognitionService(em, catalog),
    unitProfiles: new UnitProfilesService(em),
    access: new AccessService(em, user),
    approvals: () => catalog().then((c) => new ValueApprovalService(em, c)),
    valueHistory: new ValueHistoryService(em),
    provinceCompletion: () => catalog().then((c) => new ProvinceCompletionService(em, c)),
  };
}

export type CriteriaServices = ReturnType<typeof createCriteriaServices>;
