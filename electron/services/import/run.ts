import path from 'node:path';
import type { DryRunSummary } from '../../../shared/import/dry-run';
import { applyMapping, type SavedMapping } from '../../../shared/import/mapping';
import { DEFAULT_IMPORT_OPTIONS } from '../../../shared/import/clean';
import type { RawDb } from '../../../db/connection';
import { newRecordUuid } from '../../../db/record-uuid';
import type { Actor } from '../../../db/queries/audit';
import { commitImport, type CommitProgress, type CommitResult } from './commit';
import { dryRunFile } from './dry-run';
import { openSource, type SourceInfo } from './source';
import { Staging } from './staging';

/**
 * A whole import without a person at the screen (the command line): the file's mapping from a saved one and
 * the proposals, the dry run, and — unless it is only a dry run — the commit of every row that needs no
 * decision. Rows that wait for a decision (a desa to confirm, a possible duplicate) are left out and
 * counted: the screen, or the review sheet, is where a person decides them.
 */
export interface FileImportOptions {
  file: string;
  sheet?: string | null;
  mapping?: SavedMapping | null;
  dryRun: boolean;
  dataDir: string;
  actor: Actor;
  now: Date;
  today: string;
  districtCode: string;
  regencyCode: string;
  labels: Record<string, string>;
  signal?: AbortSignal;
  onProgress?: (p: CommitProgress) => void;
}

export interface FileImportResult {
  source: SourceInfo;
  summary: DryRunSummary;
  columns: { header: string; target: string | null; source: string }[];
  commit: CommitResult | null;
}

export async function runFileImport(raw: RawDb, o: FileImportOptions): Promise<FileImportResult> {
  const src = await openSource(o.file, { sheet: o.sheet ?? null, ...(o.signal ? { signal: o.signal } : {}) });
  const applied = applyMapping(src.info.headers, o.mapping ?? null);
  const columns = applied.map((c) => ({ index: c.index, target: c.target }));
  const options = o.mapping?.options ?? DEFAULT_IMPORT_OPTIONS;
  const { source, dryRun } = await dryRunFile(
    raw,
    { regencyCode: o.regencyCode, districtCode: o.districtCode },
    { file: o.file, sheet: src.info.sheet, columns, options },
    { today: o.now, ...(o.signal ? { signal: o.signal } : {}) },
  );
  const out: FileImportResult = {
    source,
    summary: dryRun.summary,
    columns: applied.map((c) => ({ header: c.header, target: c.target, source: c.source })),
    commit: null,
  };
  if (o.dryRun) return out;
  const uuid = newRecordUuid();
  const staging = Staging.create(o.dataDir, uuid);
  try {
    staging.writeDryRun(dryRun);
    out.commit = await commitImport(
      raw,
      staging,
      {
        importUuid: uuid,
        fileName: path.basename(o.file),
        sheet: source.sheet,
        mapping: { columns: out.columns, options },
        actor: o.actor,
        now: o.now.toISOString(),
        today: o.today,
        districtCode: o.districtCode,
        labels: o.labels,
      },
      { ...(o.signal ? { signal: o.signal } : {}), ...(o.onProgress ? { onProgress: o.onProgress } : {}) },
    );
  } finally {
    staging.remove();
  }
  return out;
}
