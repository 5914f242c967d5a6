/**
 * The worker side of the job runner: `serveJobs(table)` in a feature's worker entry
 * (`electron/services/<feature>/worker.ts`) runs the one job named in `workerData` and speaks the protocol
 * (protocol.ts). Expected failures are `AppError`s and cross as their code and i18n key; a cancel arrives as
 * the signal's abort and crosses as CANCELLED; anything else crosses as INTERNAL with its stack for the log.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError, type AppErrorShape } from '../../../shared/errors';
import {
  isAbortError,
  type FromWorker,
  type JobIo,
  type JobTable,
  type ToWorker,
  type WorkerStart,
} from './protocol';

export interface ServeOptions {
  /** i18n key of the CANCELLED error of this feature's jobs */
  cancelled: string;
  /** the feature's own mapping of OS errors (disk full, stick pulled out) to app errors */
  mapError?: (e: unknown) => AppError | null;
}

/** Inputs from main as an async iterable that ends at `end` and throws once the job is cancelled. */
class Inputs<I> {
  private readonly items: I[] = [];
  private ended = false;
  private wake: (() => void) | null = null;
  constructor(private readonly signal: AbortSignal) {
    signal.addEventListener('abort', () => this.notify(), { once: true });
  }
  push(i: I): void {
    this.items.push(i);
    this.notify();
  }
  end(): void {
    this.ended = true;
    this.notify();
  }
  private notify(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }
  async *iterate(): AsyncGenerator<I> {
    for (;;) {
      this.signal.throwIfAborted();
      if (this.items.length > 0) {
        yield this.items.shift()!;
        continue;
      }
      if (this.ended) return;
      await new Promise<void>((r) => (this.wake = r));
    }
  }
}

function errorOf(
  e: unknown,
  signal: AbortSignal,
  opts: ServeOptions,
): { error: AppErrorShape; detail?: string } {
  if (e instanceof AppError) return { error: e.toShape() };
  if (signal.aborted || isAbortError(e)) return { error: { code: 'CANCELLED', message: opts.cancelled } };
  const mapped = opts.mapError?.(e);
  if (mapped) return { error: mapped.toShape() };
  return {
    error: { code: 'INTERNAL', message: 'errors.internal' },
    detail: e instanceof Error ? (e.stack ?? e.message) : String(e),
  };
}

export function serveJobs(jobs: JobTable, opts: ServeOptions): void {
  const port = parentPort;
  // imported on the main thread (for its types, or by mistake): nothing to serve
  if (!port) return;
  const start = workerData as WorkerStart;
  const post = (m: FromWorker) => port.postMessage(m);
  const abort = new AbortController();
  const inputs = new Inputs<unknown>(abort.signal);
  port.on('message', (m: ToWorker) => {
    if (m.type === 'cancel') abort.abort();
    else if (m.type === 'input') inputs.push(m.value);
    else inputs.end();
  });
  const io: JobIo<unknown, unknown, unknown> = {
    signal: abort.signal,
    config: start.config,
    progress: (value) => post({ type: 'progress', value }),
    send: (value) => post({ type: 'output', value }),
    inputs: () => inputs.iterate(),
  };
  const job = jobs[start.job] as
    ((spec: unknown, io: JobIo<unknown, unknown, unknown>) => Promise<unknown>) | undefined;
  const run = job ? job(start.spec, io) : Promise.reject(new Error(`no job "${start.job}" in this worker`));
  run
    .then(
      (result) => post({ type: 'done', result }),
      (e: unknown) => post({ type: 'error', ...errorOf(e, abort.signal, opts) }),
    )
    .finally(() => port.close());
}
