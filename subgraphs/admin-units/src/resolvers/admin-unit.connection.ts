import { connectionTypes } from '@ntm/kit';
import { AdminUnit } from '../entities/admin-unit.entity';

export const { ConnectionType: AdminUnitConnection } = connectionTypes(AdminUnit, 'AdminUnit', 'administrative unit');
