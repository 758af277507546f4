import 'reflect-metadata';
export * from './admin-level';
export * from './descriptions';
export * from './admin-unit';
export * from './unit-profile/unit-profile.entity';
export * from './unit-profile/unit-profile.migration';
export * from './unit-profile/unit-profile.sync';
export * from './unit-profile/unit-profile.service';
export * from './unit-profile/scope';
