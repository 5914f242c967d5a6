/**
 * Worker-thread entry for backup and restore (bundled to backup-worker.mjs; run from source with tsx).
 * Messages in: { type: 'backup' | 'restore' | 'restore-local' | 'snapshot', spec } then optionally { type: 'cancel' }.
 * Messages out: { type: 'progress', ... } and finally { type: 'done', result } or { type: 'error', error }.
 * With workerData.role === 'check' it runs one integrity_check and answers once.
 */
import { parentPort, workerData } from 'node:worker_threads';
import {
  JobError,
  integrityCheckFile,
  prepareLocalRestore,
  prepareRestore,
  quickCheckLive,
  runBackup,
  type BackupSpec,
  type LocalRestoreSpec,
  type RestorePrepareSpec,
} from './pipeline';
import { localSnapshot, type LocalSnapshotSpec } from './snapshot';

type Incoming =
  | { type: 'backup'; spec: BackupSpec }
  | { type: 'restore'; spec: RestorePrepareSpec }
  | { type: 'restore-local'; spec: LocalRestoreSpec }
  | { type: 'snapshot'; spec: LocalSnapshotSpec }
  | { type: 'cancel' };

const port = parentPort!;
const data = workerData as { role?: string; file?: string } | undefined;

if (data?.role === 'check-live') {
  try {
    const result = quickCheckLive(data.file!, () => port.postMessage({ ready: true }));
    port.postMessage({ ok: true, result });
  } catch (e) {
    port.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) });
  }
} else if (data?.role === 'check') {
  try {
    port.postMessage({ ok: true, result: integrityCheckFile(data.file!) });
  } catch (e) {
    port.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) });
  }
} else {
  const abort = new AbortController();
  let lastSent = 0;
  const progress = (phase: string, fraction: number, bytesDone: number, bytesTotal: number) => {
    const now = Date.now();
    if (now - lastSent < 100 && phase !== 'done') return;
    lastSent = now;
    port.postMessage({ type: 'progress', phase, fraction, bytesDone, bytesTotal });
  };
  // Peak memory of this thread's process, sampled for the benchmark.
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50);
  port.on('message', (m: Incoming) => {
    if (m.type === 'cancel') {
      abort.abort();
      return;
    }
    const run =
      m.type === 'backup'
        ? runBackup(m.spec, progress, abort.signal)
        : m.type === 'restore'
          ? prepareRestore(m.spec, progress, abort.signal)
          : m.type === 'restore-local'
            ? prepareLocalRestore(m.spec, progress, abort.signal)
            : localSnapshot(m.spec, abort.signal);
    run.then(
      (result) => {
        clearInterval(sampler);
        port.postMessage({ type: 'done', result, peakRss });
        port.close();
      },
      (e: unknown) => {
        clearInterval(sampler);
        const error =
          e instanceof JobError
            ? { code: e.code, message: e.messageKey, params: e.params }
            : {
                code: 'INTERNAL',
                message: 'errors.internal',
                detail: e instanceof Error ? e.stack : String(e),
              };
        port.postMessage({ type: 'error', error, peakRss });
        port.close();
      },
    );
  });
}
