/**
 * Batch printing, as a two-stage pipeline over both cores, run as a job (jobs/registry.ts). The main thread
 * (the single database writer) numbers, signs and records the letters a chunk at a time, each chunk in one
 * transaction; the letters worker lays the chunks out with pdfkit off the main event loop while main numbers
 * the next. For one PDF the worker streams every page into the batch's file as it is drawn (one page in
 * memory, no merging); for separate files it writes one file per letter, recorded as chunks come back.
 * Cancelling stops numbering: letters numbered but not printed are voided with a reason, so their numbers
 * stay in the register and are never reused, and the rest of the selection never takes a number.
 *
 * One worker, not one per core: a second pdfkit isolate costs about 90 MB and a merge of the parts 40 MB
 * more, which broke the 300 MB budget, while numbering and signing already keep the second core busy.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { writeAudit } from '../../../db/queries/audit';
import { nextSequence } from '../../../db/queries/sequence';
import { AppError } from '../../../shared/errors';
import type { BatchDone, BatchStarted, batchStartSchema } from '../../../shared/schemas/letter';
import { dbOf, rawOf, type AppContext } from '../../app/context';
import { log } from '../../app/log';
import { withWrite } from '../../app/write';
import { localDate } from '../business';
import { cancelJob, startJob, type JobDef, type JobHandle } from '../jobs/registry';
import { workerJobs } from '../jobs/thread';
import { throttle } from '../jobs/throttle';
import { loadLetterBusinesses, permitsFor, type LetterBusiness } from './content';
import { issueContext, letterRelPath, prepareLetter, recordLetter, type IssueContext } from './issue';
import { voidLetters } from './register';
import { LETTER_SEQUENCE, emblemAbsPath } from './settings';
import type { BatchChunk, LettersJobs, RenderedLetter } from './worker';

const CHUNK = 25;
const GROUP = 'letters';
const lettersWorker = workerJobs<LettersJobs>('letters');

interface BatchPlan {
  ic: IssueContext;
  businesses: LetterBusiness[];
  output: 'single' | 'separate';
  purpose: string;
  date: string;
}

function batchRel(year: number, date: string, jobId: string): string {
  return `letters/${year}/cetak-massal-${date}-${jobId.slice(0, 8)}.pdf`;
}

function batchTempRel(year: number, jobId: string): string {
  return `letters/${year}/.cetak-massal-${jobId.slice(0, 8)}.pdf.tmp`;
}

/** Numbers, signs and records one chunk of letters in one transaction. */
async function numberChunk(
  ctx: AppContext,
  plan: BatchPlan,
  jobId: string,
  chunk: LetterBusiness[],
): Promise<BatchChunk> {
  const db = dbOf(ctx);
  const year = Number(plan.date.slice(0, 4));
  const emblemPath = emblemAbsPath(ctx.dataDir);
  const permits = new Map<number, Awaited<ReturnType<typeof permitsFor>>>();
  for (const b of chunk) permits.set(b.id, await permitsFor(db, b.id));
  return withWrite(ctx, async (w) => {
    const out: BatchChunk = [];
    for (const b of chunk) {
      const seq = await nextSequence(w.trx, LETTER_SEQUENCE, year);
      const p = prepareLetter(plan.ic, b, permits.get(b.id)!, seq, plan.date, plan.purpose, false);
      const id = await recordLetter(w, {
        businessId: b.id,
        number: p.record.number,
        seq,
        year,
        kind: 'original',
        originalId: null,
        purpose: plan.purpose,
        paper: plan.ic.settings.paper,
        fullNik: false,
        filePath: null,
        page: null,
        sha256: null,
        payload: p.payload,
        verificationCode: p.verificationCode,
        doc: p.doc,
        batchId: jobId,
      });
      out.push({ id, rel: letterRelPath(year, seq), doc: { ...p.doc, emblemPath } });
    }
    return out;
  });
}

/** The pipeline itself: number a chunk, hand it to the worker, number the next while it is drawn. */
async function runBatch(ctx: AppContext, job: JobHandle, plan: BatchPlan): Promise<BatchDone> {
  const { businesses, output, date } = plan;
  const total = businesses.length;
  const year = Number(date.slice(0, 4));
  const cancelled = () => job.signal.aborted;

  let done = 0;
  const progress = throttle<void>(100, () =>
    ctx.emit('letter:batchProgress', { jobId: job.id, done, total }),
  );
  progress(undefined, true);

  const update = rawOf(ctx).prepare(
    'UPDATE letters SET file_path = ?, sha256 = ?, page = ?, updated_at = ? WHERE id = ?',
  );
  const recordFiles = rawOf(ctx).transaction((rows: RenderedLetter[]) => {
    const now = ctx.now().toISOString();
    for (const r of rows) update.run(r.rel, r.sha256, r.page, now, r.id);
  });

  // The worker stops on its own signal, not the job's: the chunks it already has are finished first.
  const stopWorker = new AbortController();
  const worker = lettersWorker.run(
    'render-batch',
    {
      dataDir: ctx.dataDir,
      output,
      partRel: batchTempRel(year, job.id),
      outRel: batchRel(year, date, job.id),
      title: `Surat keterangan terdaftar IKM, cetak massal ${date}`,
    },
    {
      config: ctx.config,
      signal: stopWorker.signal,
      onProgress: (n) => {
        done += n;
        progress();
      },
    },
  );
  try {
    // At most two chunks handed to the worker, so it always has the next one while main numbers the one after.
    const numbered: BatchChunk = [];
    const printed = new Set<number>();
    /** each letter's first page in the one PDF, as the worker drew it */
    const firstPage = new Map<number, number | null>();
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < total && !cancelled(); i += CHUNK) {
      const letters = await numberChunk(ctx, plan, job.id, businesses.slice(i, i + CHUNK));
      numbered.push(...letters);
      const p = worker.request(letters).then((results) => {
        for (const r of results) {
          printed.add(r.id);
          firstPage.set(r.id, r.page);
        }
        // separate files are final as they come; the pages of the one PDF are recorded when it is complete
        if (output === 'separate') recordFiles(results);
      });
      p.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
      inFlight.push(p);
      if (inFlight.length >= 2) await inFlight.shift();
    }
    await Promise.all(inFlight);
    progress(undefined, true);

    let filePath: string | null = null;
    let folder: string | null = null;
    const complete = !cancelled() && printed.size === total;
    if (output === 'single' && complete) {
      worker.end();
      const fin = await worker.result;
      if (!fin || fin.letters !== total) throw new Error('the batch PDF is incomplete');
      filePath = batchRel(year, date, job.id);
      recordFiles(
        numbered.map((l) => ({
          id: l.id,
          rel: filePath!,
          sha256: fin.sha256,
          page: firstPage.get(l.id) ?? null,
        })),
      );
    } else if (output === 'separate') {
      worker.end();
      await worker.result;
      folder = `letters/${year}`;
    }

    // Numbered but not printed (cancelled): void them, so the numbers stay in the register with the reason.
    const unprinted =
      output === 'single' && !complete ? numbered : numbered.filter((l) => !printed.has(l.id));
    await withWrite(ctx, async (w) => {
      await voidLetters(
        w,
        unprinted.map((l) => l.id),
        'Pencetakan massal dibatalkan sebelum surat ini dicetak',
        job.id,
      );
      await writeAudit(w, {
        table: 'letters',
        recordId: null,
        recordUuid: job.id,
        action: cancelled() ? 'batch_cancelled' : 'batch_done',
        after: {
          total,
          numbered: numbered.length,
          printed: numbered.length - unprinted.length,
          file_path: filePath,
        },
      });
    });
    return {
      jobId: job.id,
      status: cancelled() ? 'cancelled' : 'done',
      total,
      rendered: numbered.length - unprinted.length,
      filePath,
      folder,
      message: null,
    };
  } finally {
    // a half-written PDF: the worker discards it when stopped; it is removed here too, once the worker is gone
    stopWorker.abort();
    await worker.result.catch(() => undefined);
    try {
      rmSync(path.join(ctx.dataDir, batchTempRel(year, job.id)), { force: true });
    } catch {
      // the folder itself may be unreachable (the reason a batch failed)
    }
  }
}

/** A failed batch: its letters without a file are voided with the reason; answers how many kept a file. */
async function voidUnprinted(ctx: AppContext, jobId: string): Promise<number> {
  return withWrite(ctx, async (w) => {
    const rows = await w.trx
      .selectFrom('letters')
      .select(['id', 'file_path'])
      .where('batch_id', '=', jobId)
      .execute();
    const unprinted = rows.filter((r) => r.file_path === null).map((r) => r.id);
    await voidLetters(w, unprinted, 'Pencetakan massal gagal sebelum surat ini dicetak', jobId);
    return rows.length - unprinted.length;
  });
}

const batchJob: JobDef<BatchPlan, BatchDone> = {
  group: GROUP,
  kind: 'letters-batch',
  cancelled: 'letters.errors.batchCancelled',
  async start(ctx, plan, job) {
    await withWrite(ctx, (w) =>
      writeAudit(w, {
        table: 'letters',
        recordId: null,
        recordUuid: job.id,
        action: 'batch_start',
        after: { count: plan.businesses.length, output: plan.output, purpose: plan.purpose },
      }),
    );
    const failed = async (e: unknown): Promise<BatchDone> => {
      log.error('letter batch failed', e);
      const rendered = await voidUnprinted(ctx, job.id).catch(() => 0);
      return {
        jobId: job.id,
        status: 'failed',
        total: plan.businesses.length,
        rendered,
        filePath: null,
        folder: null,
        message: 'letters.errors.batchFailed',
      };
    };
    return {
      run: () => runBatch(ctx, job, plan).catch(failed),
      async end(o) {
        ctx.emit('letter:batchDone', o.ok ? o.value : await failed(o.error));
      },
    };
  },
};

async function resolveIds(ctx: AppContext, input: z.output<typeof batchStartSchema>): Promise<number[]> {
  if (input.businessIds && input.businessIds.length > 0) return [...new Set(input.businessIds)];
  const rows = await dbOf(ctx)
    .selectFrom('businesses')
    .select('id')
    .where('archived_at', 'is', null)
    .where('registration_date', '>=', input.registeredFrom!)
    .where('registration_date', '<=', input.registeredTo!)
    .orderBy('registration_date')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

async function launchBatch(
  ctx: AppContext,
  input: z.output<typeof batchStartSchema>,
): Promise<BatchStarted & { done: Promise<BatchDone> }> {
  const db = dbOf(ctx);
  const ic = await issueContext(ctx);
  const businesses = (await loadLetterBusinesses(db, await resolveIds(ctx, input))).filter(
    (b) => !b.archived,
  );
  if (businesses.length === 0) throw new AppError('VALIDATION', 'letters.errors.batchEmpty');
  const plan: BatchPlan = {
    ic,
    businesses,
    output: input.output,
    purpose: input.purpose,
    date: localDate(ctx.now()),
  };
  const { jobId, done } = await startJob(ctx, batchJob, plan);
  return { jobId, total: businesses.length, done };
}

/** Starts a batch; its progress and end arrive as `letter:batchProgress` and `letter:batchDone` events. */
export async function startBatch(
  ctx: AppContext,
  input: z.output<typeof batchStartSchema>,
): Promise<BatchStarted> {
  const { jobId, total } = await launchBatch(ctx, input);
  return { jobId, total };
}

/** Starts a batch and resolves when it has finished (tests, benchmarks). */
export async function runBatchToEnd(
  ctx: AppContext,
  input: z.output<typeof batchStartSchema>,
  onStarted?: (s: BatchStarted) => void,
): Promise<BatchDone> {
  const { done, ...started } = await launchBatch(ctx, input);
  onStarted?.(started);
  return done;
}

export function cancelBatch(ctx: AppContext, jobId: string): { ok: true } {
  if (!cancelJob(ctx, GROUP, jobId)) throw new AppError('NOT_FOUND', 'letters.errors.batchNotRunning');
  return { ok: true };
}
