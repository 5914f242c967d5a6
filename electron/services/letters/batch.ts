import path from 'node:path';
import { rmSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { BatchDone, BatchStarted, batchStartSchema } from '../../../shared/schemas/letter';
import { writeAudit } from '../../../db/queries/audit';
import { nextSequence } from '../../../db/queries/sequence';
import { dbOf, rawOf, type AppContext } from '../../app/context';
import { withWrite } from '../../app/write';
import { log } from '../../app/log';
import { localDate } from '../business';
import { loadLetterBusinesses, permitsFor, type LetterBusiness } from './content';
import type { LetterDoc } from './render';
import { emblemAbsPath } from './settings';
import {
  issueContext,
  LETTER_SEQUENCE,
  letterRelPath,
  prepareLetter,
  recordLetter,
  type IssueContext,
} from './service';
import type { RenderedLetter, WorkerReply, WorkerTask } from './worker';

/**
 * Batch printing, as a two-stage pipeline over both cores. The main thread (the single database writer)
 * numbers, signs and records the letters a chunk at a time, each chunk in one transaction; one worker thread
 * lays the chunks out with pdfkit off the main event loop while main prepares the next. For one PDF the
 * worker streams every page into the batch's file as it is drawn (one page in memory, no merging); for
 * separate files it writes one file per letter, recorded as chunks come back. Cancelling stops numbering:
 * letters numbered but not printed are voided with a reason, so their numbers stay in the register and are
 * never reused, and the rest of the selection never takes a number.
 *
 * One worker, not one per core: a second pdfkit isolate costs about 90 MB and a merge of the parts 40 MB
 * more, which broke the 300 MB budget, while numbering and signing already keep the second core busy.
 */

const CHUNK = 25;

interface Job {
  id: string;
  cancelled: boolean;
  worker: Worker | null;
}

const jobs = new Map<string, Job>();

/**
 * From source (vitest, tsx) the worker is the .ts file, run through tsx (about 70 MB more than the bundle);
 * bundled, letters-worker.mjs next to the main bundle.
 */
function spawnWorker(): Worker {
  const self = import.meta.url;
  if (self.endsWith('.ts'))
    return new Worker(new URL('./worker.ts', self), { execArgv: ['--import', 'tsx'] });
  return new Worker(new URL('./letters-worker.mjs', self));
}

export interface BatchOptions {
  /** called with the final state (tests and benchmarks await it) */
  onDone?: (d: BatchDone) => void;
}

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

export async function startBatch(
  ctx: AppContext,
  input: z.output<typeof batchStartSchema>,
  opts: BatchOptions = {},
): Promise<BatchStarted> {
  const db = dbOf(ctx);
  const ic = await issueContext(db);
  const ids = await resolveIds(ctx, input);
  const businesses = (await loadLetterBusinesses(db, ids)).filter((b) => !b.archived);
  if (businesses.length === 0) throw new AppError('VALIDATION', 'letters.errors.batchEmpty');
  const jobId = ctx.uuid();
  const date = localDate(ctx.now());
  await withWrite(ctx, (w) =>
    writeAudit(w, {
      table: 'letters',
      recordId: null,
      recordUuid: jobId,
      action: 'batch_start',
      after: { count: businesses.length, output: input.output, purpose: input.purpose },
    }),
  );

  const job: Job = { id: jobId, cancelled: false, worker: null };
  jobs.set(jobId, job);
  const year = Number(date.slice(0, 4));
  void runBatch(ctx, job, { ic, businesses, output: input.output, purpose: input.purpose, date })
    .catch(async (e: unknown): Promise<BatchDone> => {
      log.error('letter batch failed', e);
      const rendered = await voidUnprinted(
        ctx,
        jobId,
        'Pencetakan massal gagal sebelum surat ini dicetak',
      ).catch((e2: unknown) => {
        log.error('voiding the unprinted letters of a failed batch failed', e2);
        return 0;
      });
      return {
        jobId,
        status: 'failed',
        total: businesses.length,
        rendered,
        filePath: null,
        folder: null,
        message: 'letters.errors.batchFailed',
      };
    })
    .then(async (done) => {
      jobs.delete(jobId);
      // stopped before it is removed, so no late write recreates the half-written batch PDF
      await job.worker?.terminate();
      // a batch PDF left half-written by a failure or a cancel
      try {
        rmSync(path.join(ctx.dataDir, batchTempRel(year, jobId)), { force: true });
      } catch {
        // the folder itself may be unreachable (the reason a batch failed)
      }
      ctx.emit('letter:batchDone', done);
      opts.onDone?.(done);
    });
  return { jobId, total: businesses.length };
}

function batchRel(year: number, date: string, jobId: string): string {
  return `letters/${year}/cetak-massal-${date}-${jobId.slice(0, 8)}.pdf`;
}

function batchTempRel(year: number, jobId: string): string {
  return `letters/${year}/.cetak-massal-${jobId.slice(0, 8)}.pdf.tmp`;
}

/** A failed batch: its letters without a file are voided with the reason; answers how many kept a file. */
async function voidUnprinted(ctx: AppContext, jobId: string, reason: string): Promise<number> {
  return withWrite(ctx, async (w) => {
    const rows = await w.trx
      .selectFrom('letters')
      .select(['id', 'uuid', 'file_path'])
      .where('batch_id', '=', jobId)
      .execute();
    const unprinted = rows.filter((r) => r.file_path === null);
    for (const r of unprinted) {
      await w.trx
        .updateTable('letters')
        .set({
          status: 'voided',
          void_reason: reason,
          voided_at: w.now,
          voided_by: w.actor.name,
          updated_at: w.now,
        })
        .where('id', '=', r.id)
        .execute();
      await writeAudit(w, {
        table: 'letters',
        recordId: r.id,
        recordUuid: r.uuid,
        action: 'void',
        after: { status: 'voided', batch_id: jobId },
        reason,
      });
    }
    return rows.length - unprinted.length;
  });
}

export function cancelBatch(jobId: string): { ok: true } {
  const job = jobs.get(jobId);
  if (!job) throw new AppError('NOT_FOUND', 'letters.errors.batchNotRunning');
  job.cancelled = true;
  return { ok: true };
}

interface BatchPlan {
  ic: IssueContext;
  businesses: LetterBusiness[];
  output: 'single' | 'separate';
  purpose: string;
  date: string;
}

interface Numbered {
  id: number;
  rel: string;
  doc: LetterDoc;
}

/** Numbers, signs and records one chunk of letters in one transaction. */
async function numberChunk(
  ctx: AppContext,
  plan: BatchPlan,
  jobId: string,
  chunk: LetterBusiness[],
): Promise<Numbered[]> {
  const db = dbOf(ctx);
  const year = Number(plan.date.slice(0, 4));
  const emblemPath = emblemAbsPath(ctx.dataDir);
  const permits = new Map<number, Awaited<ReturnType<typeof permitsFor>>>();
  for (const b of chunk) permits.set(b.id, await permitsFor(db, b.id));
  return withWrite(ctx, async (w) => {
    const out: Numbered[] = [];
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

async function runBatch(ctx: AppContext, job: Job, plan: BatchPlan): Promise<BatchDone> {
  const { businesses, output, date } = plan;
  const total = businesses.length;
  const year = Number(date.slice(0, 4));
  const tempRel = batchTempRel(year, job.id);

  let done = 0;
  let lastEmit = 0;
  const progress = (force = false) => {
    const now = Date.now();
    if (!force && now - lastEmit < 100) return;
    lastEmit = now;
    ctx.emit('letter:batchProgress', { jobId: job.id, done, total });
  };
  progress(true);

  const update = rawOf(ctx).prepare(
    'UPDATE letters SET file_path = ?, sha256 = ?, page = ?, updated_at = ? WHERE id = ?',
  );
  const recordFiles = rawOf(ctx).transaction(
    (rows: { id: number; rel: string; sha256: string | null; page: number | null }[]) => {
      const now = ctx.now().toISOString();
      for (const r of rows) update.run(r.rel, r.sha256, r.page, now, r.id);
    },
  );

  const worker = spawnWorker();
  job.worker = worker;
  let taskId = 0;
  const run = (task: WorkerTask) =>
    new Promise<WorkerReply>((resolve, reject) => {
      const onMsg = (m: WorkerReply) => {
        if (m.taskId !== task.taskId) return;
        if (m.type === 'progress') {
          done += m.n;
          progress();
          return;
        }
        worker.off('message', onMsg);
        worker.off('error', onErr);
        if (m.type === 'error') reject(new Error(m.message));
        else resolve(m);
      };
      const onErr = (e: Error) => {
        worker.off('message', onMsg);
        reject(e);
      };
      worker.on('message', onMsg);
      worker.once('error', onErr);
      worker.postMessage(task);
    });

  // The pipeline: at most two chunks handed to the worker, so it always has the next one while main numbers
  // the one after.
  const numbered: Numbered[] = [];
  const printed = new Set<number>();
  const inFlight: Promise<void>[] = [];
  const hand = (letters: Numbered[]): Promise<void> => {
    const task: WorkerTask =
      output === 'separate'
        ? { type: 'render', taskId: taskId++, dataDir: ctx.dataDir, letters }
        : {
            type: 'append',
            taskId: taskId++,
            dataDir: ctx.dataDir,
            partRel: tempRel,
            title: `Surat keterangan terdaftar IKM, cetak massal ${date}`,
            letters: letters.map((l) => ({ id: l.id, doc: l.doc })),
          };
    return run(task).then((reply) => {
      if (reply.type !== 'rendered') return;
      for (const r of reply.results) printed.add(r.id);
      // separate files are final as they come; the pages of the one PDF are recorded when it is complete
      if (output === 'separate') recordFiles(reply.results as RenderedLetter[]);
    });
  };
  for (let i = 0; i < total && !job.cancelled; i += CHUNK) {
    const letters = await numberChunk(ctx, plan, job.id, businesses.slice(i, i + CHUNK));
    numbered.push(...letters);
    const p = hand(letters);
    p.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
    inFlight.push(p);
    if (inFlight.length >= 2) await inFlight.shift();
  }
  await Promise.all(inFlight);
  progress(true);

  let filePath: string | null = null;
  let folder: string | null = null;
  const complete = !job.cancelled && printed.size === total;
  if (output === 'single' && complete) {
    filePath = batchRel(year, date, job.id);
    const fin = await run({ type: 'finish', taskId: taskId++, outRel: filePath });
    if (fin.type !== 'finished' || fin.pages !== total) throw new Error('the batch PDF is incomplete');
    recordFiles(numbered.map((l, i) => ({ id: l.id, rel: filePath!, sha256: fin.sha256, page: i + 1 })));
  } else if (output === 'separate') folder = `letters/${year}`;

  // Numbered but not printed (cancelled): void them, so the numbers stay in the register with the reason.
  const unprinted = output === 'single' && !complete ? numbered : numbered.filter((l) => !printed.has(l.id));
  await withWrite(ctx, async (w) => {
    if (unprinted.length > 0) {
      const reason = 'Pencetakan massal dibatalkan sebelum surat ini dicetak';
      for (const l of unprinted) {
        await w.trx
          .updateTable('letters')
          .set({
            status: 'voided',
            void_reason: reason,
            voided_at: w.now,
            voided_by: w.actor.name,
            file_path: null,
            sha256: null,
            page: null,
            updated_at: w.now,
          })
          .where('id', '=', l.id)
          .execute();
        await writeAudit(w, {
          table: 'letters',
          recordId: l.id,
          recordUuid: null,
          action: 'void',
          after: { status: 'voided', batch_id: job.id },
          reason,
        });
      }
    }
    await writeAudit(w, {
      table: 'letters',
      recordId: null,
      recordUuid: job.id,
      action: job.cancelled ? 'batch_cancelled' : 'batch_done',
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
    status: job.cancelled ? 'cancelled' : 'done',
    total,
    rendered: numbered.length - unprinted.length,
    filePath,
    folder,
    message: null,
  };
}

/** Starts a batch and resolves when it has finished (tests, benchmarks, the command line). */
export function runBatchToEnd(
  ctx: AppContext,
  input: z.output<typeof batchStartSchema>,
  onStarted?: (s: BatchStarted) => void,
): Promise<BatchDone> {
  return new Promise<BatchDone>((resolve, reject) => {
    startBatch(ctx, input, { onDone: resolve }).then(onStarted, reject);
  });
}
