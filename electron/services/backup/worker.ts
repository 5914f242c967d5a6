/**
 * The backup feature's worker entry (bundled as backup-worker.mjs; from source through tsx): the jobs that
 * run off the main thread, by name. Main starts them through `backupWorker` (threads.ts).
 */
import { serveJobs } from '../jobs/host';
import type { JobIo } from '../jobs/protocol';
import { FormatError } from './format';
import { checkFileJob, checkLiveJob } from './pipeline/checks';
import { formatJobError, targetError } from './pipeline/errors';
import { prepareLocalRestore, prepareRestore } from './pipeline/restore';
import { runBackup } from './pipeline/run';
import { localSnapshot, type LocalSnapshotSpec } from './snapshot';

const backupJobs = {
  backup: runBackup,
  restore: prepareRestore,
  'restore-local': prepareLocalRestore,
  snapshot: (spec: LocalSnapshotSpec, io: JobIo) => localSnapshot(spec, io.signal),
  check: checkFileJob,
  'check-live': checkLiveJob,
};
export type BackupJobs = typeof backupJobs;

serveJobs(backupJobs, {
  cancelled: 'backup.errors.cancelled',
  mapError: (e) => (e instanceof FormatError ? formatJobError(e) : targetError(e)),
});
