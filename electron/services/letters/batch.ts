import os from 'node:os';
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
import { loadLetterBusinesses, permitsFor } from './content';
import type { LetterDoc } from './render';
import { emblemAbsPath } from './settings';
import { issueContext, LETTER_SEQUENCE, letterRelPath, prepareLetter, recordLetter } from './service';
import type { RenderTask, WorkerReply, WorkerTask } from './worker';

/**
 * Batch printing. Numbers come from the single database writer: every letter of the batch is numbered,
 * signed and recorded in ONE transaction first; then worker threads (one per core, at most two) render the
 * PDFs off the main event loop, and main records the files as chunks come back. Cancelling stops handing
 * out chunks; letters that were numbered but never rendered are voided with a reason, so their numbers stay
 * in the register and are never reused.
 */

const CHUNK = 25;

interface Job {
  id: string;
  cancelled: boolean;
  workers: Worker[];
}

const jobs = new Map<string, Job>();

/**
 * From source (vitest, tsx) the worker is the .ts file, run through tsx (about 70 MB more per worker than the
 * bundle); bundled, letters-worker.mjs next to the main bundle.
 */
function spawnWorker(): Worker {
  const self = import.meta.url;
  if (self.endsWith('.ts'))
    return new Worker(new URL('./worker.ts', self), { execArgv: ['--import', 'tsx'] });
  return new Worker(new URL('./letters-worker.mjs', self));
}

export function batchWorkerCount(): number {
  return Math.max(1, Math.min(2, os.availableParallelism()));
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
  const year = Number(date.slice(0, 4));
  const emblemPath = emblemAbsPath(ctx.dataDir);
  const permits = new Map<number, Awaited<ReturnType<typeof permitsFor>>>();
  for (const b of businesses) permits.set(b.id, await permitsFor(db, b.id));

  // 1. Reserve and record every number in one transaction.
  const letters = await withWrite(ctx, async (w) => {
    const out: { id: number; seq: number; rel: string; doc: LetterDoc }[] = [];
    for (const b of businesses) {
      const seq = await nextSequence(w.trx, LETTER_SEQUENCE, year);
      const p = prepareLetter(ic, b, permits.get(b.id)!, seq, date, input.purpose, false);
      const id = await recordLetter(w, {
        businessId: b.id,
        number: p.record.number,
        seq,
        year,
        kind: 'original',
        originalId: null,
        purpose: input.purpose,
        paper: ic.settings.paper,
        fullNik: false,
        filePath: null,
        page: null,
        sha256: null,
        payload: p.payload,
        verificationCode: p.verificationCode,
        doc: p.doc,
        batchId: jobId,
      });
      out.push({ id, seq, rel: letterRelPath(year, seq), doc: { ...p.doc, emblemPath } });
    }
    await writeAudit(w, {
      table: 'letters',
      recordId: null,
      recordUuid: jobId,
      action: 'batch_start',
      after: { count: out.length, output: input.output, purpose: input.purpose },
    });
    return out;
  });

  const job: Job = { id: jobId, cancelled: false, workers: [] };
  jobs.set(jobId, job);
  void runBatch(ctx, job, letters, input.output, year, date)
    .catch(async (e: unknown): Promise<BatchDone> => {
      log.error('letter batch failed', e);
      try {
        rmSync(path.join(ctx.dataDir, `letters/${year}/.batch-${jobId.slice(0, 8)}`), {
          recursive: true,
          force: true,
        });
      } catch {
        // best effort: the parts folder may not exist or not be reachable
      }
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
        total: letters.length,
        rendered,
        filePath: null,
        folder: null,
        message: 'letters.errors.batchFailed',
      };
    })
    .then((done) => {
      jobs.delete(jobId);
      for (const wk of job.workers) void wk.terminate();
      ctx.emit('letter:batchDone', done);
      opts.onDone?.(done);
    });
  return { jobId, total: letters.length };
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

async function runBatch(
  ctx: AppContext,
  job: Job,
  letters: { id: number; seq: number; rel: string; doc: LetterDoc }[],
  output: 'single' | 'separate',
  year: number,
  date: string,
): Promise<BatchDone> {
  const total = letters.length;
  const short = job.id.slice(0, 8);
  const partsDir = `letters/${year}/.batch-${short}`;
  const chunks: RenderTask[] = [];
  for (let i = 0, k = 0; i < letters.length; i += CHUNK, k++)
    chunks.push({
      type: 'render',
      taskId: k,
      dataDir: ctx.dataDir,
      mode: output,
      letters: letters.slice(i, i + CHUNK).map((l) => ({ id: l.id, rel: l.rel, doc: l.doc })),
      partRel: `${partsDir}/part-${String(k).padStart(4, '0')}.pdf`,
    });

  let done = 0;
  let lastEmit = 0;
  const progress = (force = false) => {
    const now = Date.now();
    if (!force && now - lastEmit < 100) return;
    lastEmit = now;
    ctx.emit('letter:batchProgress', { jobId: job.id, done, total });
  };
  progress(true);

  const rendered = new Map<number, { rel: string; sha256: string; page: number | null }>();
  const update = rawOf(ctx).prepare(
    'UPDATE letters SET file_path = ?, sha256 = ?, page = ?, updated_at = ? WHERE id = ?',
  );
  const recordFiles = rawOf(ctx).transaction(
    (rows: { id: number; rel: string; sha256: string; page: number | null }[]) => {
      const now = ctx.now().toISOString();
      for (const r of rows) update.run(r.rel, r.sha256, r.page, now, r.id);
    },
  );

  const workers = Array.from({ length: Math.min(batchWorkerCount(), chunks.length) }, spawnWorker);
  job.workers = workers;
  let next = 0;
  const run = (wk: Worker, task: WorkerTask) =>
    new Promise<WorkerReply>((resolve, reject) => {
      const onMsg = (m: WorkerReply) => {
        if (m.taskId !== task.taskId) return;
        if (m.type === 'progress') {
          done += m.n;
          progress();
          return;
        }
        wk.off('message', onMsg);
        wk.off('error', onErr);
        if (m.type === 'error') reject(new Error(m.message));
        else resolve(m);
      };
      const onErr = (e: Error) => {
        wk.off('message', onMsg);
        reject(e);
      };
      wk.on('message', onMsg);
      wk.once('error', onErr);
      wk.postMessage(task);
    });

  await Promise.all(
    workers.map(async (wk) => {
      while (!job.cancelled && next < chunks.length) {
        const task = chunks[next++]!;
        const reply = await run(wk, task);
        if (reply.type !== 'rendered') continue;
        for (const r of reply.results) rendered.set(r.id, r);
        // separate files are final as they come; chunk parts are recorded after the merge
        if (output === 'separate') recordFiles(reply.results);
      }
    }),
  );
  progress(true);

  let filePath: string | null = null;
  let folder: string | null = null;
  const complete = !job.cancelled && rendered.size === total;
  if (output === 'single') {
    if (complete) {
      filePath = `letters/${year}/cetak-massal-${date}-${short}.pdf`;
      const merged = await run(workers[0]!, {
        type: 'merge',
        taskId: 1_000_000,
        dataDir: ctx.dataDir,
        parts: chunks.map((c) => c.partRel!),
        outRel: filePath,
      });
      if (merged.type !== 'merged') throw new Error('merge failed');
      recordFiles(letters.map((l, i) => ({ id: l.id, rel: filePath!, sha256: merged.sha256, page: i + 1 })));
    }
    rmSync(path.join(ctx.dataDir, partsDir), { recursive: true, force: true });
  } else folder = `letters/${year}`;

  // Numbered but not printed (cancelled): void them, so the numbers stay in the register with the reason.
  const unprinted = output === 'single' && !complete ? letters : letters.filter((l) => !rendered.has(l.id));
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
      after: { total, printed: total - unprinted.length, file_path: filePath },
    });
  });

  return {
    jobId: job.id,
    status: job.cancelled ? 'cancelled' : 'done',
    total,
    rendered: total - unprinted.length,
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
