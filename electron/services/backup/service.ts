/**
 * The backup feature's face to the rest of the app (handlers, command line, shells, benchmarks): everything
 * they may call, from the files that do it. Inside the folder: drive-watch.ts (the drive list), job.ts (the
 * backup job), restore.ts (restore check and swap), runs.ts (the run log, reminder, keep), lifecycle.ts
 * (start and close), catalog.ts and header.ts (what is on a stick, read with schemas). `pipeline/` is the file
 * work that runs in the backup worker (worker.ts), reached through the job runner.
 */
export { drivesAndWatch } from './drive-watch';
export { cancelJob, startBackup, toAppError } from './job';
export { listBackups } from './catalog';
export { listAutoSnapshots, onAppClosing, onAppStarted } from './lifecycle';
export { applyRestore, checkLocalRestore, checkRestore, discardPlan, verifyBackupFile } from './restore';
export { getStatus, setKeep } from './runs';
export { changeBackupPassphrase } from './passphrase';
