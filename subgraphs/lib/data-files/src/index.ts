/** Reading the project's reference data files: CSV with line and column in errors, and where `shared/data` is (pure, no database). */
export { type CsvRecord, CsvParseError, readCsvRecords, readCsvObjects, csvField } from './csv';
export { findRepoRoot, sharedDataDir, sharedDataFile, readSharedDataText } from './shared-data';
