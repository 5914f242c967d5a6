/**
 * The messages between the main thread and a job's worker thread, used by both sides (host.ts in the worker,
 * thread.ts on main). A worker runs exactly one job: its name, spec and the app's config come as `workerData`;
 * the job may then receive inputs (a stream of work, e.g. the chunks of a letter batch) and a cancel, and
 * answers with progress, outputs (one per input, or a signal such as "ready") and one final done or error.
 */
import type { AppErrorShape } from '../../../shared/errors';
import type { AppConfig } from '../../app/config';

export interface WorkerStart {
  job: string;
  spec: unknown;
  config: AppConfig;
}

export type ToWorker = { type: 'cancel' } | { type: 'input'; value: unknown } | { type: 'end' };

export type FromWorker =
  | { type: 'progress'; value: unknown }
  | { type: 'output'; value: unknown }
  | { type: 'done'; result: unknown }
  /** `detail` (the stack) only for INTERNAL: logged on main, never shown */
  | { type: 'error'; error: AppErrorShape; detail?: string };

/** What a job function gets besides its spec. */
export interface JobIo<P = never, I = never, O = never> {
  /** aborted when the client cancels: call `signal.throwIfAborted()` between steps, pass it to streams */
  readonly signal: AbortSignal;
  /** the app's config (environment knobs), read once at boot on main */
  readonly config: AppConfig;
  progress(p: P): void;
  /** an output to main: the answer to an input, or a signal such as "ready" */
  send(o: O): void;
  /** the inputs main sends, in order; ends when main calls `end()`; throws once cancelled */
  inputs(): AsyncIterable<I>;
}

/**
 * A worker entry's table of jobs by name (`serveJobs(table)`), each `(spec, io: JobIo<P, I, O>) => Promise<R>`;
 * main starts them by name with their types.
 */
export type JobTable = Record<string, (spec: never, io: never) => Promise<unknown>>;

export type SpecOf<F> = F extends (spec: infer S, io: never) => Promise<unknown> ? S : never;
export type ResultOf<F> = F extends (spec: never, io: never) => Promise<infer R> ? R : never;
type IoOf<F> = F extends (spec: never, io: infer X) => Promise<unknown> ? X : never;
export type ProgressOf<F> = IoOf<F> extends JobIo<infer P, infer _I, infer _O> ? P : never;
export type InputOf<F> = IoOf<F> extends JobIo<infer _P, infer I, infer _O> ? I : never;
export type OutputOf<F> = IoOf<F> extends JobIo<infer _P, infer _I, infer O> ? O : never;

export function isAbortError(e: unknown): boolean {
  const x = e as { name?: unknown; code?: unknown } | null;
  return x?.name === 'AbortError' || x?.code === 'ABORT_ERR';
}
