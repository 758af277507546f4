/** Where shared reference data is: one resolver for seeds, specs and benchmarks, kept in the pure @ntm/data-files. */
export { sharedDataDir, sharedDataFile, readSharedDataText } from '@ntm/data-files';
