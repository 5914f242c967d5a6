/** What the backup worker's failures mean to the clerk: OS errors on the stick and damaged backup files. */
import { AppError } from '../../../../shared/errors';
import type { FormatError } from '../format';

/** Maps an OS error on the target (or the file being read) to the clerk's message; null: not one of them. */
export function targetError(e: unknown): AppError | null {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new AppError('DISK_FULL', 'backup.errors.targetFull');
  if (code === 'EFBIG') return new AppError('IO', 'backup.errors.fat32Limit');
  if (code === 'ENOENT' || code === 'EIO' || code === 'ENODEV' || code === 'ENXIO' || code === 'ESTALE')
    return new AppError('IO', 'backup.errors.targetGone');
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
    return new AppError('IO', 'backup.errors.targetReadOnly');
  return null;
}

export function formatJobError(e: FormatError): AppError {
  switch (e.kind) {
    case 'wrong-key':
      return new AppError('WRONG_PASSPHRASE', 'backup.errors.wrongPassphrase');
    case 'truncated':
      return new AppError('BAD_BACKUP', 'backup.errors.truncated');
    case 'not-backup':
      return new AppError('BAD_BACKUP', 'backup.errors.notBackup');
    case 'version':
      return new AppError('SCHEMA_TOO_NEW', 'backup.errors.schemaTooNew');
    default:
      return new AppError('BAD_BACKUP', 'backup.errors.corrupt');
  }
}
