/** The criteria domain: pure TypeScript, no I/O. */
export * from './types';
export * from './threshold-rule';
export * from './indicator-value';
export * from './criteria-file';
export * from './attainment';
export * from './synthetic';
export * from './set-validity';
export * from './province-completion';
