/**
 * Starts backup/restore work in a worker thread. From source (vitest, tsx, `npm run cli`) the entry is
 * worker.ts loaded through tsx; bundled, it is backup-worker.mjs next to the bundle that imports this file
 * (scripts/build-node.mjs builds it into dist/node and dist/electron).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerEntry } from './pipeline';

export function workerEntry(): WorkerEntry {
  // Benchmarks run the shipped (bundled) worker while the rest runs from source.
  const override = process.env.DAFTAR_IKM_BACKUP_WORKER;
  if (override) return { file: override, execArgv: [] };
  const here = fileURLToPath(import.meta.url);
  const dir = path.dirname(here);
  if (here.endsWith('.ts')) return { file: path.join(dir, 'worker.ts'), execArgv: ['--import', 'tsx'] };
  const bundled = path.join(dir, 'backup-worker.mjs');
  if (existsSync(bundled)) return { file: bundled, execArgv: [] };
  // A bundle without its worker next to it: fall back to the source tree (development only).
  return { file: path.resolve('electron/services/backup/worker.ts'), execArgv: ['--import', 'tsx'] };
}

export interface WorkerError {
  code: string;
  message: string;
  params?: Record<string, string | number>;
  detail?: string;
}

export interface WorkerJob<T> {
  promise: Promise<T>;
  cancel(): void;
  /** peak RSS (bytes) the worker saw, known when the job ends */
  peakRss(): number;
}

export class WorkerJobError extends Error {
  constructor(readonly error: WorkerError) {
    super(`${error.code}: ${error.message}${error.detail ? `\n${error.detail}` : ''}`);
    this.name = 'WorkerJobError';
  }
}

export type ProgressMsg = { phase: string; fraction: number; bytesDone: number; bytesTotal: number };

export function runInWorker<T>(
  type: 'backup' | 'restore' | 'restore-local' | 'snapshot',
  spec: unknown,
  onProgress: (p: ProgressMsg) => void = () => undefined,
): WorkerJob<T> {
  const entry = workerEntry();
  const w = new Worker(entry.file, { execArgv: entry.execArgv });
  let peak = 0;
  let settled = false;
  const promise = new Promise<T>((resolve, reject) => {
    w.on(
      'message',
      (m: { type: string; result?: T; error?: WorkerError; peakRss?: number } & ProgressMsg) => {
        if (m.type === 'progress') onProgress(m);
        else if (m.type === 'done') {
          settled = true;
          peak = m.peakRss ?? 0;
          resolve(m.result as T);
        } else if (m.type === 'error') {
          settled = true;
          peak = m.peakRss ?? 0;
          reject(new WorkerJobError(m.error!));
        }
      },
    );
    w.once('error', (e) => {
      if (!settled) reject(e);
      settled = true;
    });
    w.once('exit', (code) => {
      if (!settled) reject(new Error(`backup worker exited with ${code}`));
      settled = true;
    });
  });
  w.postMessage({ type, spec });
  return {
    promise,
    cancel: () => w.postMessage({ type: 'cancel' }),
    peakRss: () => peak,
  };
}
