import { AppError } from '../../../shared/errors';
import { fieldMemo } from '../../../shared/schemas/business';
import type { ImportOptions } from '../../../shared/import/clean';
import { runDryRun, type DryRun, type DryRunProgress } from '../../../shared/import/dry-run';
import { mappingProblems, planOf, type ColumnTarget } from '../../../shared/import/targets';
import type { RawDb } from '../../../db/connection';
import { registerIndex } from './register-index';
import { openSource, type SourceInfo } from './source';
import { officeVillageMatcher } from './villages-db';

/**
 * The dry run of one file against this office's register: the file streamed through the readers, each row
 * cleaned, the whole-file checks, nothing written. The same path serves the screen's job and the command
 * line.
 */
export interface DryRunFileInput {
  file: string;
  sheet?: string | null;
  columns: readonly ColumnTarget[];
  options: ImportOptions;
}

export async function dryRunFile(
  raw: RawDb,
  office: { regencyCode: string; districtCode: string },
  input: DryRunFileInput,
  opts: { today?: Date; signal?: AbortSignal; onProgress?: (p: DryRunProgress) => void } = {},
): Promise<{ source: SourceInfo; dryRun: DryRun }> {
  const problems = mappingProblems(input.columns);
  if (problems.missing.length || problems.twice.length || problems.unknown.length)
    throw new AppError('VALIDATION', 'import.errors.mapping', {
      params: {
        missing: problems.missing.join(','),
        twice: problems.twice.join(','),
        unknown: problems.unknown.join(','),
      },
    });
  const source = await openSource(input.file, {
    sheet: input.sheet ?? null,
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  const ctx = {
    villages: officeVillageMatcher(raw, office),
    today: opts.today ?? new Date(),
    options: input.options,
    fields: fieldMemo(),
  };
  const dryRun = await runDryRun(
    source.rows(opts.signal),
    planOf(input.columns),
    ctx,
    registerIndex(raw),
    opts.onProgress,
  );
  return { source: source.info, dryRun };
}
