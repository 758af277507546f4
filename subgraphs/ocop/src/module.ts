import { keepUnitProfilesCurrent, UnitProfile } from '@ntm/admin-unit-contract';
import type { SubgraphModule } from '@ntm/kit';
import { CooperativeRecord } from './entities/cooperative.entity';
import { LinkageCommuneRecord, LinkageParticipantRecord, LinkageProjectRecord, LinkageSupportItemRecord } from './entities/linkage.entity';
import { EcommerceListingRecord } from './entities/listing.entity';
import { OcopOwnerRecord } from './entities/owner.entity';
import { ProductClassRecord } from './entities/product-class.entity';
import { OcopProductRecord } from './entities/product.entity';
import { OcopRatingRecord, OcopRevocationRecord } from './entities/rating.entity';
import { createOcopLoaders, type OcopLoaders } from './loaders/ocop.loader';
import { migrations } from './migrations';
import { buildOcopSchema } from './schema';
import { seedOcop } from './seed/ocop.seed';

/** The OCOP & cooperatives subgraph (sản phẩm OCOP, hợp tác xã, liên kết; issue 12). */
export const ocopSubgraph: SubgraphModule<OcopLoaders> = {
  name: 'ocop',
  schema: 'ocop',
  defaultPort: 4004,
  pullsFrom: ['admin-units'],
  entities: [
    ProductClassRecord,
    OcopOwnerRecord,
    CooperativeRecord,
    OcopProductRecord,
    OcopRatingRecord,
    OcopRevocationRecord,
    LinkageProjectRecord,
    LinkageParticipantRecord,
    LinkageCommuneRecord,
    LinkageSupportItemRecord,
    EcommerceListingRecord,
    UnitProfile,
  ],
  migrations,
  buildSchema: buildOcopSchema,
  createLoaders: createOcopLoaders,
  seed: seedOcop,
  background: keepUnitProfilesCurrent,
};
