/**
 * The screen's two long steps as jobs of the job runner (jobs/registry.ts), one import job at a time:
 *  - the dry run, in the import worker (worker.ts): staging and review sheet written there;
 *  - the commit, on main's own connection (commit.ts: one transaction per batch of 2,000, the event loop free
 *    between batches, a cancel stops between two), then the upload and its staging are removed.
 * Progress and the end are events (`import:progress`, `import:end`), like the export's.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { DryRunSummary } from '../../../shared/import/dry-run';
import { mappingProblems } from '../../../shared/import/targets';
import type { CommitCounts, ImportEnd, importDryRunSchema } from '../../../shared/schemas/import';
import { actorOf, dbOf, rawOf, type AppContext } from '../../app/context';
import { localDate } from '../business-record';
import { EXPORTS_DIR } from '../export/job';
import { cancelJob, startJob, type JobDef } from '../jobs/registry';
import { workerJobs } from '../jobs/thread';
import { throttle } from '../jobs/throttle';
import { requireOffice } from '../office';
import { commitImport } from './commit';
import { importLabels } from './labels';
import { Staging, stagingFile } from './staging';
import { completeUpload, removeUpload, updateMeta } from './upload';
import type { ImportJobs } from './worker';

const GROUP = 'import';
/** The dry run and the commit share one lane (one import at a time) and its two messages. */
const IMPORT_LANE = {
  group: GROUP,
  busy: 'import.errors.busy',
  cancelled: 'import.errors.cancelled',
} as const;
const importWorker = workerJobs<ImportJobs>('import');

type DryRunInput = z.output<typeof importDryRunSchema>;

const pad = (n: number) => String(n).padStart(2, '0');
function stamp(d: Date): string {
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
}

function ender(ctx: AppContext, jobId: string, uploadId: string, phase: ImportEnd['phase']) {
  return (e: Partial<ImportEnd> & Pick<ImportEnd, 'status'>) =>
    ctx.emit('import:end', {
      jobId,
      uploadId,
      phase,
      message: null,
      params: null,
      summary: null,
      result: null,
      ...e,
    });
}

function failure(error: AppError) {
  return {
    status: error.code === 'CANCELLED' ? ('cancelled' as const) : ('failed' as const),
    message: error.message,
    params: error.params ?? null,
  };
}

const dryRunDef: JobDef<DryRunInput, DryRunSummary> = {
  ...IMPORT_LANE,
  kind: 'import-dry-run',
  async start(ctx, input, job) {
    const office = await requireOffice(dbOf(ctx));
    const { file, meta } = completeUpload(ctx.dataDir, input.uploadId);
    const problems = mappingProblems(input.columns);
    if (problems.missing.length || problems.twice.length || problems.unknown.length)
      throw new AppError('VALIDATION', 'import.errors.mapping');
    // a new dry run replaces the last one's staging: its decisions went with its rows
    rmSync(stagingFile(ctx.dataDir, input.uploadId), { force: true });
    const now = ctx.now();
    const name = `tinjauan-impor-${stamp(now)}-${job.id.slice(0, 6)}.xlsx`;
    const dir = path.join(ctx.dataDir, EXPORTS_DIR);
    mkdirSync(dir, { recursive: true });
    const reviewAbs = path.join(dir, name);
    const end = ender(ctx, job.id, input.uploadId, 'dryRun');
    let rows = 0;
    const progress = throttle<void>(150, () =>
      ctx.emit('import:progress', { jobId: job.id, phase: 'dryRun', done: rows, total: -1 }),
    );
    return {
      async run() {
        const run = importWorker.run(
          'dry-run',
          {
            dbFile: ctx.dbFile,
            dataDir: ctx.dataDir,
            uuid: input.uploadId,
            file,
            fileName: meta.fileName,
            sheet: input.sheet ?? null,
            columns: input.columns,
            options: input.options,
            office: { regencyCode: office.regencyCode, districtCode: office.districtCode },
            now: now.toISOString(),
            reviewPart: path.join(dir, `.${name}.part`),
            reviewAbs,
          },
          {
            config: ctx.config,
            signal: job.signal,
            onProgress: (p) => {
              rows = p.rows;
              progress();
            },
          },
        );
        const r = await run.result;
        progress(undefined, true);
        // the mapping the rows were read with, for the commit's record
        updateMeta(ctx.dataDir, input.uploadId, {
          sheet: r.sheet,
          mapping: { headers: r.headers, columns: input.columns, options: input.options },
          reviewFile: { fileRel: `${EXPORTS_DIR}/${name}`, fileName: name },
        });
        return r.summary;
      },
      end(outcome) {
        if (outcome.ok) end({ status: 'done', summary: outcome.value });
        else end(failure(outcome.error));
      },
    };
  },
};

const commitDef: JobDef<{ uploadId: string }, CommitCounts> = {
  ...IMPORT_LANE,
  kind: 'import-commit',
  async start(ctx, input, job) {
    const office = await requireOffice(dbOf(ctx));
    const { meta } = completeUpload(ctx.dataDir, input.uploadId);
    const mapping = meta.mapping;
    if (!mapping) throw new AppError('CONFLICT', 'import.errors.noDryRun');
    const staging = openStaging(ctx, input.uploadId);
    const end = ender(ctx, job.id, input.uploadId, 'commit');
    let done = 0;
    let total = staging.count();
    const progress = throttle<void>(150, () =>
      ctx.emit('import:progress', { jobId: job.id, phase: 'commit', done, total }),
    );
    const now = ctx.now();
    return {
      async run() {
        try {
          const r = await commitImport(
            rawOf(ctx),
            staging,
            {
              importUuid: input.uploadId,
              fileName: meta.fileName,
              sheet: meta.sheet,
              mapping: {
                columns: mapping.columns.map((c) => ({
                  header: mapping.headers[c.index] ?? '',
                  target: c.target,
                })),
                options: mapping.options,
              },
              actor: actorOf(ctx),
              now: now.toISOString(),
              today: localDate(now),
              districtCode: office.districtCode,
              labels: importLabels(),
            },
            {
              signal: job.signal,
              onProgress: (p) => {
                done = p.done;
                total = p.total;
                progress();
              },
            },
          );
          progress(undefined, true);
          return r;
        } finally {
          staging.close();
          // written rows are recorded under the import (and undone from its history); a second commit of
          // the same staging would write them twice, so the upload ends here whatever happened
          removeUpload(ctx.dataDir, input.uploadId);
        }
      },
      end(outcome) {
        if (outcome.ok)
          end({ status: outcome.value.cancelled ? 'cancelled' : 'done', result: outcome.value });
        else end(failure(outcome.error));
      },
    };
  },
};

/** The staging of an upload's dry run; CONFLICT when the dry run has not run (or its file is gone). */
export function openStaging(ctx: AppContext, uploadId: string): Staging {
  try {
    return Staging.open(ctx.dataDir, uploadId);
  } catch {
    throw new AppError('CONFLICT', 'import.errors.noDryRun');
  }
}

export async function startDryRun(
  ctx: AppContext,
  input: DryRunInput,
): Promise<{ jobId: string; done: Promise<DryRunSummary> }> {
  return startJob(ctx, dryRunDef, input);
}

export async function startCommit(
  ctx: AppContext,
  uploadId: string,
): Promise<{ jobId: string; done: Promise<CommitCounts> }> {
  return startJob(ctx, commitDef, { uploadId });
}

export function cancelImportJob(ctx: AppContext, jobId: string): { ok: true } {
  cancelJob(ctx, GROUP, jobId);
  return { ok: true };
}
