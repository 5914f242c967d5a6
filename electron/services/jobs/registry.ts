/**
 * The job runner on main: every long job the clerk can watch and stop (a backup, a restore check, a letter
 * batch; imports and exports next) starts here. It gives the job the id the client sees — the id its
 * progress events carry and its cancel channel takes —, an `AbortSignal` that cancelling aborts, one job
 * at a time per group where the def asks for it, and maps whatever the job throws to the app's error
 * codes (an `AppError` as it is; a cancel as CANCELLED with the def's message; anything else logged with
 * its stack and answered as INTERNAL). The heavy part runs in a worker (thread.ts, host.ts); the def's
 * `start` checks and prepares on main and hands back the work. See docs/design.md, "Long jobs".
 */
import { AppError } from '../../../shared/errors';
import type { AppContext } from '../../app/context';
import { log } from '../../app/log';
import { isAbortError } from './protocol';

export interface JobHandle {
  /** the id the client sees: in the start answer, in every event, in the cancel call */
  readonly id: string;
  readonly signal: AbortSignal;
}

export type JobOutcome<R> = { ok: true; value: R } | { ok: false; error: AppError };

export interface JobWork<R> {
  run(): Promise<R>;
  /** after `run` settled (its error already mapped), before `done` settles: record, emit the end, clean up */
  end?(outcome: JobOutcome<R>): Promise<void> | void;
}

export interface JobDef<I, R> {
  /** jobs of a group are listed and cancelled together (`backup`, `letters`) */
  group: string;
  kind: string;
  /** set: one job of the group at a time; another start is refused with CONFLICT and this message */
  busy?: string;
  /** i18n key of this job's CANCELLED error */
  cancelled: string;
  /**
   * Checks and set-up on main; throwing refuses the start (the caller gets the error at once, nothing runs).
   * Answers the work, which runs after the caller has the job id.
   */
  start(ctx: AppContext, input: I, job: JobHandle): Promise<JobWork<R>>;
}

export interface StartedJob<R> {
  jobId: string;
  /** settles when the job has ended; rejects with an AppError */
  done: Promise<R>;
}

interface Running {
  id: string;
  group: string;
  kind: string;
  abort: AbortController;
}

const running = new WeakMap<AppContext, Map<string, Running>>();
function jobsOf(ctx: AppContext): Map<string, Running> {
  let m = running.get(ctx);
  if (!m) running.set(ctx, (m = new Map()));
  return m;
}

/** What any failure of a job becomes for the client. */
export function jobError(e: unknown, cancelled: string, signal?: AbortSignal): AppError {
  if (e instanceof AppError) return e;
  if (signal?.aborted || isAbortError(e)) return new AppError('CANCELLED', cancelled);
  log.error('job failed', e);
  return new AppError('INTERNAL', 'errors.internal');
}

export async function startJob<I, R>(ctx: AppContext, def: JobDef<I, R>, input: I): Promise<StartedJob<R>> {
  const jobs = jobsOf(ctx);
  if (def.busy && runningJob(ctx, def.group)) throw new AppError('CONFLICT', def.busy);
  const entry: Running = { id: ctx.uuid(), group: def.group, kind: def.kind, abort: new AbortController() };
  const handle: JobHandle = { id: entry.id, signal: entry.abort.signal };
  // Registered before the checks, so a second start while they run is refused too.
  jobs.set(entry.id, entry);
  let work: JobWork<R>;
  try {
    work = await def.start(ctx, input, handle);
  } catch (e) {
    jobs.delete(entry.id);
    throw jobError(e, def.cancelled, handle.signal);
  }
  const done = (async () => {
    let outcome: JobOutcome<R>;
    try {
      outcome = { ok: true, value: await work.run() };
    } catch (e) {
      outcome = { ok: false, error: jobError(e, def.cancelled, handle.signal) };
    }
    jobs.delete(entry.id);
    try {
      await work.end?.(outcome);
    } catch (e) {
      log.error(`the end of a ${def.kind} job failed`, e);
    }
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  })();
  done.catch(() => undefined);
  return { jobId: entry.id, done };
}

/** Cancels a running job of `group` by its id; false when no such job runs (it may just have ended). */
export function cancelJob(ctx: AppContext, group: string, jobId: string): boolean {
  const j = jobsOf(ctx).get(jobId);
  if (!j || j.group !== group) return false;
  j.abort.abort();
  return true;
}

/** Cancels every running job of `group` (the app is closing). */
export function cancelGroup(ctx: AppContext, group: string): void {
  for (const j of jobsOf(ctx).values()) if (j.group === group) j.abort.abort();
}

export function runningJob(ctx: AppContext, group: string): { jobId: string; kind: string } | null {
  for (const j of jobsOf(ctx).values()) if (j.group === group) return { jobId: j.id, kind: j.kind };
  return null;
}
