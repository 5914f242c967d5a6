import { workerJobs } from '../jobs/thread';
import type { BackupJobs } from './worker';

/** The backup worker's jobs (worker.ts), typed; `config.backupWorker` runs another build of it (benchmarks). */
export const backupWorker = workerJobs<BackupJobs>('backup', { override: (c) => c.backupWorker });
