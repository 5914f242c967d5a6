/**
 * Export as a job of the job runner (jobs/registry.ts): main checks the input, decides masking
 * (`maySeePersonalData`), turns the list's filters into the ids query and names the file; the export worker
 * writes it (worker.ts). Progress and the end are events (`export:progress`, `export:end`); a cancel by the
 * job id removes the half-written file. Finished files stay under `<data>/exports/` (the browser mode serves
 * them for download; Electron copies one where the clerk chooses, `saveExportAs`).
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { syncSearchIndex } from '../../../db/queries/search-index';
import { writeAudit } from '../../../db/queries/audit';
import { AppError } from '../../../shared/errors';
import { businessListSchema } from '../../../shared/schemas/business-search';
import type {
  ExportEnd,
  ExportStarted,
  SaveAsResult,
  exportStartSchema,
} from '../../../shared/schemas/export';
import type { z } from 'zod';
import { dbOf, rawOf, type AppContext } from '../../app/context';
import { withWrite } from '../../app/write';
import { listIdsQuery } from '../business-search';
import { pp7RuleOf } from '../../../db/queries/pp7-class';
import { cancelJob, startJob, type JobDef } from '../jobs/registry';
import { workerJobs } from '../jobs/thread';
import { throttle } from '../jobs/throttle';
import { requireOffice } from '../office';
import { maySeePersonalData } from './access';
import type { ExportJobs } from './worker';

const GROUP = 'export';
const exportWorker = workerJobs<ExportJobs>('export');

export const EXPORTS_DIR = 'exports';

const pad = (n: number) => String(n).padStart(2, '0');
function stamp(d: Date): string {
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
}

type StartInput = z.output<typeof exportStartSchema>;

/** the file each started job writes, read by `startExport` right after the start (the job id is new then) */
const fileOfJob = new Map<string, { fileRel: string; fileName: string }>();

const exportDef: JobDef<StartInput, ExportEnd> = {
  group: GROUP,
  kind: 'export',
  busy: 'export.errors.busy',
  cancelled: 'export.errors.cancelled',
  async start(ctx, input, job) {
    const office = await requireOffice(dbOf(ctx));
    const personalData = maySeePersonalData(ctx.session);
    const list = input.list ?? businessListSchema.parse({ sort: 'registrationNumber', direction: 'asc' });
    syncSearchIndex(rawOf(ctx));
    const ids = listIdsQuery(list, pp7RuleOf(rawOf(ctx)));
    const name = `${input.shape === 'siinas' ? 'siinas' : 'daftar-ikm'}-${stamp(ctx.now())}-${job.id.slice(0, 6)}.${input.format}`;
    const dir = path.join(ctx.dataDir, EXPORTS_DIR);
    mkdirSync(dir, { recursive: true });
    const outAbs = path.join(dir, name);
    const partAbs = path.join(dir, `.${name}.part`);
    const fileRel = `${EXPORTS_DIR}/${name}`;
    fileOfJob.set(job.id, { fileRel, fileName: name });
    const end = (e: Omit<ExportEnd, 'jobId' | 'personalData'>) =>
      ctx.emit('export:end', { jobId: job.id, personalData: personalData ? 'full' : 'masked', ...e });
    let total = -1;
    let done = 0;
    const progress = throttle<void>(150, () => ctx.emit('export:progress', { jobId: job.id, done, total }));
    return {
      async run() {
        const run = exportWorker.run(
          'write-export',
          {
            dbFile: ctx.dbFile,
            query: { idsSql: ids.sql, params: ids.params, order: ids.order },
            format: input.format,
            shape: input.shape,
            office: {
              districtName: office.districtName,
              regencyName: office.regencyName,
              provinceName: office.provinceName,
            },
            personalData,
            sheetName: input.shape === 'siinas' ? 'SIINas' : 'Daftar IKM',
            partAbs,
            outAbs,
          },
          {
            config: ctx.config,
            signal: job.signal,
            onProgress: (p) => {
              if ('total' in p) total = p.total;
              else done = p.done;
              progress();
            },
          },
        );
        const { rows } = await run.result;
        progress(undefined, true);
        // an export is a disclosure of the register: recorded like any other act on it
        await withWrite(ctx, (w) =>
          writeAudit(w, {
            table: 'exports',
            recordId: null,
            recordUuid: job.id,
            action: 'exported',
            after: {
              file: name,
              rows,
              format: input.format,
              shape: input.shape,
              personalData,
              list: input.list ?? null,
            },
          }),
        );
        return {
          jobId: job.id,
          status: 'done',
          rows,
          fileRel,
          fileName: name,
          message: null,
          personalData: personalData ? 'full' : 'masked',
        };
      },
      end(outcome) {
        if (outcome.ok)
          end({ status: 'done', rows: outcome.value.rows, fileRel, fileName: name, message: null });
        else
          end({
            status: outcome.error.code === 'CANCELLED' ? 'cancelled' : 'failed',
            rows: done,
            fileRel: null,
            fileName: null,
            message: outcome.error.message,
          });
      },
    };
  },
};

export async function startExport(
  ctx: AppContext,
  input: StartInput,
): Promise<ExportStarted & { done: Promise<ExportEnd> }> {
  const { jobId, done } = await startJob(ctx, exportDef, input);
  const file = fileOfJob.get(jobId)!;
  fileOfJob.delete(jobId);
  return { jobId, ...file, done };
}

export function cancelExport(ctx: AppContext, jobId: string): { ok: true } {
  cancelJob(ctx, GROUP, jobId);
  return { ok: true };
}

/** Electron: copies a finished export where the clerk chooses; the browser mode answers unsupported. */
export async function saveExportAs(ctx: AppContext, fileRel: string): Promise<SaveAsResult> {
  const src = path.join(ctx.dataDir, fileRel);
  const fileName = path.basename(fileRel);
  if (!existsSync(src)) throw new AppError('NOT_FOUND', 'export.errors.fileGone');
  const pick = ctx.platform.pickSavePath;
  if (!pick) return { supported: false, savedTo: null };
  const to = await pick(fileName);
  if (!to) return { supported: true, savedTo: null };
  copyFileSync(src, to);
  return { supported: true, savedTo: to };
}
