import { checkPageSize, decodeOffsetCursor, offsetConnection, requireUser, userInputError } from '@ntm/kit';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { authorizeImport } from '../../services/import/import-authorization';
import { commitImport, unitsToWrite } from '../../services/import/import-commit';
import { conflictsOf, findJob, jobsWithin, qualityOf, reportRows, type JobRow, type ReportRow } from '../../services/import/import-queries';
import {
  ImportChoiceInput,
  ImportCommitResult,
  ImportConflict,
  ImportCounts,
  ImportJobType,
  ImportQuality,
  ImportRowConnection,
  ImportRowReport,
  ImportRowStatus,
  ImportStatus,
  ImportStrategy,
} from './import.types';

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

export function toJob(row: JobRow): ImportJobType {
  return {
    id: row.id,
    status: row.status as ImportStatus,
    failure: row.failure,
    progress: Number(row.progress),
    rowsRead: row.rows_read,
    fileName: row.file_name,
    fileHash: row.file_hash,
    source: row.source,
    year: row.year,
    within: row.within_code,
    strategy: row.strategy as ImportStrategy,
    mapping: row.mapping ? JSON.stringify(row.mapping) : null,
    counts: (row.counts as unknown as ImportCounts) ?? null,
    createdBy: row.created_by,
    createdAt: iso(row.created_at)!,
    committedBy: row.committed_by,
    committedAt: iso(row.committed_at),
    choices: row.choices ? JSON.stringify(row.choices) : null,
  };
}

function toReport(r: ReportRow): ImportRowReport {
  return {
    row: r.row,
    item: r.item,
    status: r.status as ImportRowStatus,
    reasons: r.reasons,
    unit: r.unit_id ? { id: r.unit_id, code: r.unit_code ?? '', name: r.unit_name ?? '' } : null,
    matchStatus: r.match_status,
    matchScore: r.match_score,
    candidates: (r.candidates ?? []).map((c) => ({ id: c.unitId, code: c.code, name: c.name, score: c.score })),
    indicator: r.raw_indicator,
    year: r.year,
    rawValue: r.raw_value,
    value: r.value,
    rawUnit: r.raw_unit,
    action: r.action,
    duplicateOf: r.duplicate_of,
  };
}

@Resolver(() => ImportJobType)
export class ImportResolver {
  @Query(() => ImportJobType, {
    nullable: true,
    description:
      'An import by the id POST /imports answered: its status, progress, counts, conflicts and report rows. Signed-in users only (a report shows values not yet written).',
  })
  async importJob(@Arg('id', () => ID, { description: 'The import id.' }) id: string, @Ctx() ctx: Context): Promise<ImportJobType | null> {
    requireUser(ctx.user, 'reading an import');
    const row = await findJob(ctx.em, id);
    return row ? toJob(row) : null;
  }

  @Query(() => [ImportJobType], {
    description: 'Imports whose rows touch an area (a unit code, on either official list), newest first. Signed-in users only.',
  })
  async imports(
    @Arg('within', { description: 'Code of the area (province, district or commune).' }) within: string,
    @Arg('first', () => Int, { defaultValue: 20, description: 'How many, at most 500.' }) first: number,
    @Ctx() ctx: Context,
  ): Promise<ImportJobType[]> {
    requireUser(ctx.user, 'listing imports');
    checkPageSize(first);
    return (await jobsWithin(ctx.em, within, first)).map(toJob);
  }

  @Query(() => ImportQuality, {
    nullable: true,
    description:
      "Completeness and quality of an area's values for a year: share of unit × indicator cells with a value, share approved, values rejected by reason, the last import. Null when no unit has this code on the year's list.",
  })
  async importQuality(
    @Arg('within', { description: 'Code of the area on the list in force for the year.' }) within: string,
    @Arg('year', () => Int, { description: 'Reporting year.' }) year: number,
    @Ctx() ctx: Context,
  ): Promise<ImportQuality | null> {
    if (!Number.isInteger(year) || year < 2010 || year > 2100)
      throw userInputError(`year must be between 2010 and 2100, got ${year}`, { field: 'year' });
    const q = await qualityOf(ctx.em, within, year);
    if (!q) return null;
    return {
      within,
      year,
      cellCount: q.cellCount,
      filledCount: q.filledCount,
      filledShare: q.cellCount ? q.filledCount / q.cellCount : 0,
      approvedShare: q.cellCount ? q.approvedCount / q.cellCount : 0,
      rejectedByReason: q.rejected,
      lastImport: q.lastImport ? toJob(q.lastImport) : null,
    };
  }

  @FieldResolver(() => [ImportConflict], { description: 'Warnings and errors grouped by reason, each with every row number that has it.' })
  async conflicts(@Root() job: ImportJobType, @Ctx() ctx: Context): Promise<ImportConflict[]> {
    return conflictsOf(ctx.em, job.id);
  }

  @FieldResolver(() => ImportRowConnection, { description: 'The report rows, in file order, optionally only those of some statuses.' })
  async rows(
    @Root() job: ImportJobType,
    @Arg('status', () => [ImportRowStatus], { nullable: true, description: 'Only rows with one of these statuses.' })
    status: ImportRowStatus[] | null,
    @Arg('first', () => Int, { defaultValue: 100, description: 'Page size, at most 500.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last row of the previous page.' }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    checkPageSize(first);
    const offset = decodeOffsetCursor(after);
    const { rows, total } = await reportRows(ctx.em, job.id, status, offset, first + 1);
    return offsetConnection(rows.map(toReport), offset, first, total);
  }

  @Mutation(() => ImportCommitResult, {
    description:
      'Commits a finished dry run (READY) by its id: all or nothing, in one transaction. Needs an EDITOR whose units cover every row written. Choices say which candidate an ambiguous row means; the strategy which actions are written (default CREATE_AND_UPDATE). Committing the same file again creates and updates nothing.',
  })
  async commitImport(
    @Arg('id', () => ID, { description: 'The import id.' }) id: string,
    @Arg('choices', () => [ImportChoiceInput], { nullable: true, description: 'For ambiguous rows: row → chosen unit code.' })
    choices: ImportChoiceInput[] | null,
    @Arg('strategy', () => ImportStrategy, { nullable: true, description: 'CREATE, UPDATE or CREATE_AND_UPDATE (default).' })
    strategy: ImportStrategy | null,
    @Ctx() ctx: Context,
  ): Promise<ImportCommitResult> {
    const job = await findJob(ctx.em, id);
    if (!job) throw userInputError(`no import "${id}"`, { field: 'id' });
    const picked = (choices ?? []).map((c) => ({ row: c.row, unitCode: c.unitCode }));
    requireUser(ctx.user, 'committing an import');
    const user = await authorizeImport(ctx.em, ctx.user, await unitsToWrite(ctx.em, id, picked));
    const result = await commitImport(ctx.em, id, { choices: picked, strategy: strategy ?? ImportStrategy.CREATE_AND_UPDATE, actor: user.sub });
    return { status: ImportStatus.COMMITTED, counts: result.counts };
  }
}
