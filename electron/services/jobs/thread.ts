/**
 * The calling side of the job runner: starts one job in a worker thread of a feature and gives its result,
 * progress and outputs, takes its inputs, and passes a cancel on (the caller's `AbortSignal`). Used on main
 * (registry.ts) and inside a worker that starts helpers of its own (the backup's overlapped integrity check).
 *
 * Where the worker is: a feature `<f>` has its entry at `electron/services/<f>/worker.ts`. From source
 * (vitest, tsx, `npm run cli`) that file runs through tsx; bundled, `scripts/build-node.mjs` writes it as
 * `<f>-worker.mjs` beside every bundle that may start it, and it is found there.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import type { AppConfig } from '../../app/config';
import type {
  FromWorker,
  InputOf,
  JobTable,
  OutputOf,
  ProgressOf,
  ResultOf,
  SpecOf,
  ToWorker,
  WorkerStart,
} from './protocol';

interface WorkerEntry {
  file: string;
  execArgv: string[];
}

function workerEntry(feature: string, override: string | null = null): WorkerEntry {
  if (override) return { file: override, execArgv: [] };
  const here = fileURLToPath(import.meta.url);
  const dir = path.dirname(here);
  const tsx = ['--import', 'tsx'];
  if (here.endsWith('.ts')) return { file: path.join(dir, '..', feature, 'worker.ts'), execArgv: tsx };
  const bundled = path.join(dir, `${feature}-worker.mjs`);
  if (existsSync(bundled)) return { file: bundled, execArgv: [] };
  // A bundle without its worker beside it: the source tree (development only).
  return { file: path.resolve('electron/services', feature, 'worker.ts'), execArgv: tsx };
}

/** A worker that failed outside the protocol (crashed, exited) or with an unexpected error (its stack). */
export class WorkerCrash extends Error {
  override readonly name = 'WorkerCrash';
}

export interface RunOptions<P, O> {
  config: AppConfig;
  /** aborting it asks the job to stop (the job sees its own signal abort) */
  signal?: AbortSignal;
  onProgress?: (p: P) => void;
  /** outputs not claimed by `request()` */
  onOutput?: (o: O) => void;
}

export interface WorkerRun<R, I, O> {
  /** the job's result; rejects with an AppError (expected failures, CANCELLED) or a WorkerCrash */
  readonly result: Promise<R>;
  send(input: I): void;
  /** sends an input and resolves with the next output (the job answers each input, in order) */
  request(input: I): Promise<O>;
  /** no more inputs */
  end(): void;
  /** stops the thread at once (a job stuck in synchronous work); the result rejects if it had not settled */
  terminate(): Promise<void>;
}

function startWorker<R, I, O, P>(
  entry: WorkerEntry,
  job: string,
  spec: unknown,
  opts: RunOptions<P, O>,
): WorkerRun<R, I, O> {
  const start: WorkerStart = { job, spec, config: opts.config };
  const w = new Worker(entry.file, { execArgv: entry.execArgv, workerData: start });
  const pending: { resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  let settled = false;
  let terminated = false;
  const post = (m: ToWorker) => {
    if (!settled) w.postMessage(m);
  };
  const cancel = () => post({ type: 'cancel' });
  const result = new Promise<R>((resolve, reject) => {
    const settle = (e: unknown, value?: R) => {
      if (settled) return;
      settled = true;
      opts.signal?.removeEventListener('abort', cancel);
      for (const p of pending.splice(0))
        p.reject(e ?? new WorkerCrash(`worker job ${job} ended before answering`));
      if (e) reject(e);
      else resolve(value as R);
    };
    w.on('message', (m: FromWorker) => {
      if (m.type === 'progress') opts.onProgress?.(m.value as P);
      else if (m.type === 'output') {
        const p = pending.shift();
        if (p) p.resolve(m.value as O);
        else opts.onOutput?.(m.value as O);
      } else if (m.type === 'done') settle(null, m.result as R);
      else if (m.error.code === 'INTERNAL')
        settle(new WorkerCrash(`worker job ${job} failed: ${m.detail ?? ''}`));
      else settle(new AppError(m.error.code, m.error.message, { params: m.error.params }));
    });
    w.once('error', (e) => settle(e));
    w.once('exit', (code) =>
      settle(
        terminated
          ? new DOMException(`worker job ${job} stopped`, 'AbortError')
          : new WorkerCrash(`worker job ${job} exited with ${code}`),
      ),
    );
  });
  // The caller awaits the result later (after feeding inputs); a failure meanwhile is not "unhandled".
  result.catch(() => undefined);
  if (opts.signal?.aborted) cancel();
  else opts.signal?.addEventListener('abort', cancel, { once: true });
  return {
    result,
    send: (value) => post({ type: 'input', value }),
    request: (value) =>
      new Promise<O>((resolve, reject) => {
        if (settled) return reject(new WorkerCrash(`worker job ${job} has ended`));
        pending.push({ resolve, reject });
        post({ type: 'input', value });
      }),
    end: () => post({ type: 'end' }),
    terminate: async () => {
      terminated = true;
      await w.terminate();
    },
  };
}

/**
 * The jobs of one feature's worker, typed from its table: `workerJobs<typeof backupJobs>('backup')` on the
 * calling side, `serveJobs(backupJobs, …)` in `backup/worker.ts` (a type-only import, so main never loads it).
 */
export function workerJobs<T extends JobTable>(
  feature: string,
  opts: { override?: (config: AppConfig) => string | null } = {},
) {
  return {
    run<K extends keyof T & string>(
      job: K,
      spec: SpecOf<T[K]>,
      o: RunOptions<ProgressOf<T[K]>, OutputOf<T[K]>>,
    ): WorkerRun<ResultOf<T[K]>, InputOf<T[K]>, OutputOf<T[K]>> {
      return startWorker(workerEntry(feature, opts.override?.(o.config) ?? null), job, spec, o);
    },
  };
}
