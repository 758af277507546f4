import { connectionTypes } from '@ntm/kit';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ImportStatus {
  RUNNING = 'RUNNING',
  READY = 'READY',
  COMMITTED = 'COMMITTED',
  FAILED = 'FAILED',
}
registerEnumType(ImportStatus, {
  name: 'ImportStatus',
  description: 'Where an import stands: RUNNING (dry run under way) → READY (dry run done, nothing written) → COMMITTED; or FAILED with a reason.',
});

export enum ImportRowStatus {
  OK = 'OK',
  WARNING = 'WARNING',
  ERROR = 'ERROR',
}
registerEnumType(ImportRowStatus, {
  name: 'ImportRowStatus',
  description: "The dry run's verdict on one value: OK, WARNING (written, but look: a fuzzy or lineage match) or ERROR (not written).",
});

export enum ImportStrategy {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  CREATE_AND_UPDATE = 'CREATE_AND_UPDATE',
}
registerEnumType(ImportStrategy, {
  name: 'ImportStrategy',
  description: 'What a commit writes: new values only (CREATE), changes to stored values only (UPDATE), or both (CREATE_AND_UPDATE, the default).',
});

@ObjectType({ description: 'Counts of an import, each kept apart: statuses of the values read, and what the commit does (or did) with them.' })
export class ImportCounts {
  @Field(() => Int, { description: 'Values read from the file (a wide row carries several).' })
  rows!: number;
  @Field(() => Int, { description: 'Values with no problem.' })
  ok!: number;
  @Field(() => Int, { description: 'Values written with a warning (fuzzy or lineage match of the unit).' })
  warning!: number;
  @Field(() => Int, { description: 'Values with an error, not written.' })
  error!: number;
  @Field(() => Int, { description: 'Values that create a value not stored yet.' })
  create!: number;
  @Field(() => Int, { description: 'Values that change a stored value.' })
  update!: number;
  @Field(() => Int, { description: 'Values equal to the stored value: nothing to write.' })
  unchanged!: number;
  @Field(() => Int, { description: 'Values refused (errors, or outside the strategy).' })
  reject!: number;
}

@ObjectType({ description: 'Problems of one kind, with every row that has it.' })
export class ImportConflict {
  @Field({ description: 'Reason code, e.g. UNIT_AMBIGUOUS, VALUE_INVALID, DUPLICATE, APPROVED_VALUE.' })
  reason!: string;
  @Field(() => Int, { description: 'How many values have this reason.' })
  count!: number;
  @Field(() => [Int], { description: 'Their row numbers in the file, ascending.' })
  rows!: number[];
}

@ObjectType({ description: 'Why a value got its status.' })
export class ImportReason {
  @Field({
    description:
      'Reason code (UNIT_MATCHED, UNIT_LINEAGE, UNIT_AMBIGUOUS, UNIT_UNMATCHED, UNIT_MISSING, UNIT_LEVEL, YEAR_MISSING, YEAR_INVALID, INDICATOR_UNKNOWN, INDICATOR_NOT_IN_FORCE, VALUE_INVALID, DUPLICATE, APPROVED_VALUE, CHOICE_APPLIED, STRATEGY_SKIPPED).',
  })
  code!: string;
  @Field({ description: 'The field concerned: unit, indicator, year, value or row.' })
  field!: string;
  @Field({ description: 'What is wrong, in words.' })
  message!: string;
}

@ObjectType({ description: 'A unit as an import row resolved it (from the unit replica).' })
export class ImportUnit {
  @Field(() => ID, { description: 'Unit id "<code>@<list>".' })
  id!: string;
  @Field({ description: 'Official code.' })
  code!: string;
  @Field({ description: 'Official name.' })
  name!: string;
}

@ObjectType({ description: 'A unit an ambiguous or unmatched name could mean.' })
export class ImportCandidate {
  @Field(() => ID, { description: 'Unit id "<code>@<list>".' })
  id!: string;
  @Field({ description: 'Official code: pass it in ImportChoiceInput.unitCode.' })
  code!: string;
  @Field({ description: 'Official name.' })
  name!: string;
  @Field(() => Float, { description: 'Name-matching score, 0..1.' })
  score!: number;
}

@ObjectType({ description: "One value of an imported file and the dry run's verdict on it." })
export class ImportRowReport {
  @Field(() => Int, { description: 'Row number in the file, as the spreadsheet shows it.' })
  row!: number;
  @Field(() => Int, { description: 'Which value of the row (wide layouts carry one per indicator column), from 0.' })
  item!: number;
  @Field(() => ImportRowStatus, { description: 'OK, WARNING or ERROR.' })
  status!: ImportRowStatus;
  @Field(() => [ImportReason], { description: 'Reasons for the status (empty when OK).' })
  reasons!: ImportReason[];
  @Field(() => ImportUnit, { nullable: true, description: 'The unit the row resolved to; null when ambiguous or unmatched.' })
  unit!: ImportUnit | null;
  @Field(() => String, {
    nullable: true,
    description: 'How the unit was found: EXACT, MATCHED, LINEAGE (an old name followed through the 2025 reform), AMBIGUOUS or UNMATCHED.',
  })
  matchStatus!: string | null;
  @Field(() => Float, { nullable: true, description: 'Name-matching score of the unit, 0..1.' })
  matchScore!: number | null;
  @Field(() => [ImportCandidate], { description: 'Units an ambiguous or unmatched name could mean, best first.' })
  candidates!: ImportCandidate[];
  @Field(() => String, { nullable: true, description: 'Indicator as written.' })
  indicator!: string | null;
  @Field(() => Int, { nullable: true, description: 'Year of the value.' })
  year!: number | null;
  @Field(() => String, { nullable: true, description: 'Value as written.' })
  rawValue!: string | null;
  @Field(() => String, { nullable: true, description: 'Value in canonical form, as it would be stored.' })
  value!: string | null;
  @Field(() => String, { nullable: true, description: 'Unit as written (code | name | district).' })
  rawUnit!: string | null;
  @Field(() => String, { nullable: true, description: 'What the commit does with it: CREATE, UPDATE, UNCHANGED or REJECT.' })
  action!: string | null;
  @Field(() => Int, { nullable: true, description: 'For a duplicate: the row it repeats.' })
  duplicateOf!: number | null;
}

export const { ConnectionType: ImportRowConnection } = connectionTypes(ImportRowReport, 'ImportRow', 'import report row');

@ObjectType('ImportJob', { description: 'An import of a spreadsheet (nhập số liệu từ tệp): its dry run, report and, once committed, its record.' })
export class ImportJobType {
  @Field(() => ID, { description: 'Identifier (a UUID), as POST /imports answered it.' })
  id!: string;
  @Field(() => ImportStatus, { description: 'RUNNING → READY → COMMITTED, or FAILED.' })
  status!: ImportStatus;
  @Field(() => String, { nullable: true, description: 'Why the import failed (FAILED only).' })
  failure!: string | null;
  @Field(() => Float, { description: 'Share of the dry run done, 0..1.' })
  progress!: number;
  @Field(() => Int, { description: 'Data rows read so far.' })
  rowsRead!: number;
  @Field({ description: 'File name as uploaded.' })
  fileName!: string;
  @Field({ description: 'SHA-256 of the file, hex.' })
  fileHash!: string;
  @Field(() => String, { nullable: true, description: 'Source name given at upload; its mapping is saved and reused.' })
  source!: string | null;
  @Field(() => Int, { nullable: true, description: 'Year for rows that carry none.' })
  year!: number | null;
  @Field(() => String, {
    nullable: true,
    description: 'Code of the area the file is about (upload option `within`): names were matched among its units only.',
  })
  within!: string | null;
  @Field(() => ImportStrategy, { description: 'Strategy asked at upload, or used at commit.' })
  strategy!: ImportStrategy;
  @Field(() => String, {
    nullable: true,
    description: 'The column mapping used, as JSON (layout, header rows, column of each role, indicator columns).',
  })
  mapping!: string | null;
  @Field(() => ImportCounts, { nullable: true, description: 'Counts of the dry run (null while RUNNING); after commit, the counts of the commit.' })
  counts!: ImportCounts | null;
  @Field(() => String, { nullable: true, description: 'Who uploaded the file (the signed-in user).' })
  createdBy!: string | null;
  @Field({ description: 'When the file was uploaded (ISO 8601).' })
  createdAt!: string;
  @Field(() => String, { nullable: true, description: 'Who committed it.' })
  committedBy!: string | null;
  @Field(() => String, { nullable: true, description: 'When it was committed (ISO 8601).' })
  committedAt!: string | null;
  @Field(() => String, { nullable: true, description: 'The choices made for ambiguous rows at commit, as JSON [{ row, unitCode }].' })
  choices!: string | null;
}

@InputType({ description: 'A choice for an ambiguous row: which of its candidates the row means.' })
export class ImportChoiceInput {
  @Field(() => Int, { description: 'Row number in the file.' })
  row!: number;
  @Field({ description: 'Code of the chosen candidate.' })
  unitCode!: string;
}

@ObjectType({ description: 'What a commit did.' })
export class ImportCommitResult {
  @Field(() => ImportStatus, { description: 'COMMITTED.' })
  status!: ImportStatus;
  @Field(() => ImportCounts, {
    description: 'create, update, unchanged and reject of the commit (rows, ok, warning and error of the report after the choices).',
  })
  counts!: ImportCounts;
}

@ObjectType({ description: 'How many values of one reason were rejected.' })
export class RejectedByReason {
  @Field({ description: 'Reason code.' })
  reason!: string;
  @Field(() => Int, { description: 'How many values.' })
  count!: number;
}

@ObjectType({ description: 'Completeness and quality of reported values in an area for a year.' })
export class ImportQuality {
  @Field({ description: 'The area (its code) on the list in force for the year.' })
  within!: string;
  @Field(() => Int, { description: 'Year.' })
  year!: number;
  @Field(() => Int, {
    description:
      'Unit × indicator cells expected: communes and districts of the area × the indicators of the standard national set of their level in force that year.',
  })
  cellCount!: number;
  @Field(() => Int, { description: 'Cells with a value.' })
  filledCount!: number;
  @Field(() => Float, { description: 'Share of cells with a value, 0..1.' })
  filledShare!: number;
  @Field(() => Float, { description: 'Share of cells with an APPROVED value, 0..1.' })
  approvedShare!: number;
  @Field(() => [RejectedByReason], { description: "Values of this year rejected by the area's imports, by reason." })
  rejectedByReason!: RejectedByReason[];
  @Field(() => ImportJobType, { nullable: true, description: 'The newest import touching the area.' })
  lastImport!: ImportJobType | null;
}
