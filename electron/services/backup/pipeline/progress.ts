import type { BackupProgress } from '../../../../shared/schemas/backup';
import type { JobIo } from '../../jobs/protocol';
import { throttle } from '../../jobs/throttle';

/** A backup or restore step's progress, as the worker reports it (main adds the job id and kind). */
export type PhaseProgress = Omit<BackupProgress, 'jobId' | 'kind'>;

type ProgressFn = (
  phase: PhaseProgress['phase'],
  fraction: number,
  bytesDone: number,
  bytesTotal: number,
) => void;

/** At most one progress message per 100 ms from the worker; the last ('done') always. */
export function phaseReporter(io: JobIo<PhaseProgress, never, never>): ProgressFn {
  const send = throttle(100, (p: PhaseProgress) => io.progress(p));
  return (phase, fraction, bytesDone, bytesTotal) =>
    send({ phase, fraction, bytesDone, bytesTotal }, phase === 'done');
}
