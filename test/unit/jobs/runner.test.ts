/**
 * The worker-job runner itself (electron/services/jobs/): the registry on main with jobs whose work runs on
 * main, and the worker protocol with the backup worker's small jobs (real threads, no fakes).
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import {
  cancelJob,
  runningJob,
  startJob,
  type JobDef,
  type JobOutcome,
} from '../../../electron/services/jobs/registry';
import { WorkerCrash, workerJobs } from '../../../electron/services/jobs/thread';
import type { BackupJobs } from '../../../electron/services/backup/worker';
import { type TestApp } from '../../fixtures/app';
import { testAppForAll } from '../../fixtures/app-hooks';

let app: TestApp;
testAppForAll((made) => (app = made), { setUp: false });

/** A job whose work waits until it is told to finish (or is cancelled), and remembers how it ended. */
function waitingJob(opts: { busy?: string; refuse?: AppError } = {}) {
  const ends: JobOutcome<string>[] = [];
  let finish: (v: string) => void = () => undefined;
  const def: JobDef<{ fail?: unknown }, string> = {
    group: 'test',
    kind: 'wait',
    busy: opts.busy,
    cancelled: 'test.cancelled',
    async start(_ctx, input, job) {
      if (opts.refuse) throw opts.refuse;
      return {
        run: () =>
          new Promise<string>((resolve, reject) => {
            finish = resolve;
            if (input.fail) reject(input.fail);
            job.signal.addEventListener('abort', () => {
              try {
                job.signal.throwIfAborted();
              } catch (e) {
                reject(e);
              }
            });
          }),
        end: (o) => void ends.push(o),
      };
    },
  };
  return { def, ends, finish: (v: string) => finish(v) };
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
}

describe('the job registry', () => {
  it('gives the id the client sees; cancel by that id ends the job as CANCELLED with its message', async () => {
    const j = waitingJob();
    const started = await startJob(app.ctx, j.def, {});
    expect(runningJob(app.ctx, 'test')).toEqual({ jobId: started.jobId, kind: 'wait' });
    expect(cancelJob(app.ctx, 'other-group', started.jobId)).toBe(false);
    expect(cancelJob(app.ctx, 'test', 'no-such-id')).toBe(false);
    expect(cancelJob(app.ctx, 'test', started.jobId)).toBe(true);
    const e = await rejection(started.done);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).toShape()).toEqual({ code: 'CANCELLED', message: 'test.cancelled' });
    // the end hook saw the same mapped error, and the job is gone from the list
    expect(j.ends).toEqual([{ ok: false, error: e }]);
    expect(runningJob(app.ctx, 'test')).toBeNull();
  });

  it('one at a time where the def asks: a second start is refused, the first still finishes', async () => {
    const j = waitingJob({ busy: 'test.busy' });
    const first = await startJob(app.ctx, j.def, {});
    const e = await rejection(startJob(app.ctx, j.def, {}));
    expect((e as AppError).toShape()).toEqual({ code: 'CONFLICT', message: 'test.busy' });
    j.finish('fertig');
    await expect(first.done).resolves.toBe('fertig');
    expect(j.ends).toEqual([{ ok: true, value: 'fertig' }]);
    // and the lane is free again
    const again = await startJob(app.ctx, j.def, {});
    j.finish('lagi');
    await expect(again.done).resolves.toBe('lagi');
  });

  it('a refused start (its checks failed) answers the caller at once and leaves nothing running', async () => {
    const j = waitingJob({ busy: 'test.busy', refuse: new AppError('IO', 'test.targetMissing') });
    const e = await rejection(startJob(app.ctx, j.def, {}));
    expect((e as AppError).messageKey).toBe('test.targetMissing');
    expect(runningJob(app.ctx, 'test')).toBeNull();
  });

  it('an unexpected error becomes INTERNAL (logged, no stack to the client); an AppError stays itself', async () => {
    const j = waitingJob();
    const internal = await rejection(
      (await startJob(app.ctx, j.def, { fail: new TypeError('x is undefined') })).done,
    );
    expect((internal as AppError).toShape()).toEqual({ code: 'INTERNAL', message: 'errors.internal' });
    const expected = await rejection(
      (await startJob(app.ctx, j.def, { fail: new AppError('DISK_FULL', 'test.full') })).done,
    );
    expect((expected as AppError).toShape()).toEqual({ code: 'DISK_FULL', message: 'test.full' });
  });
});

describe('jobs in a worker thread', () => {
  const backup = workerJobs<BackupJobs>('backup');

  it('an expected failure in the worker crosses as its code and i18n key (OS errors mapped by the feature)', async () => {
    const run = backup.run(
      'restore-local',
      { file: '/nonexistent/x.sqlite', createdAt: '', stagingFile: '/nonexistent/s.sqlite', latestSchema: 1 },
      { config: app.ctx.config },
    );
    // the file is missing: an OS error the backup worker maps to the clerk's message
    const e = await rejection(run.result);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).toShape()).toEqual({ code: 'IO', message: 'backup.errors.targetGone' });
  }, 60_000);

  it('an unexpected error in the worker crosses with its stack for the log, as a WorkerCrash', async () => {
    const e = await rejection(
      backup.run('check', { file: app.ctx.dataDir }, { config: app.ctx.config }).result,
    );
    expect(e).toBeInstanceOf(WorkerCrash);
    expect((e as Error).message).toMatch(/worker job check failed: .*\n\s+at /s);
  }, 60_000);

  it('an aborted signal cancels the job in the worker: CANCELLED with the feature message', async () => {
    const abort = new AbortController();
    abort.abort();
    const e = await rejection(
      backup.run(
        'snapshot',
        {
          dbFile: app.ctx.dbFile,
          autoDir: `${app.dataDir}/auto-test`,
          kind: 'harian',
          name: 'harian-x.sqlite',
        },
        { config: app.ctx.config, signal: abort.signal },
      ).result,
    );
    expect((e as AppError).toShape()).toEqual({ code: 'CANCELLED', message: 'backup.errors.cancelled' });
  }, 60_000);
});
