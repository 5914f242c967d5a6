import { z } from 'zod';
import { channel, noInput } from '../define';
import {
  backupListSchema,
  backupStartSchema,
  jobIdSchema,
  restoreApplySchema,
  restoreCheckSchema,
  restoreLocalCheckSchema,
  type AutoSnapshot,
  type BackupEntry,
  type BackupStatus,
  type Drive,
  type RestorePlan,
} from '../../schemas/backup';

export const backupChannels = {
  /** Removable drives now; keeps a poll running for a minute that emits `backup:drives` on a change. */
  'backup:drives': channel<Drive[]>()(noInput),
  'backup:status': channel<BackupStatus>()(noInput),
  /** Starts a backup in a worker; progress and the end come as `backup:progress` / `backup:end` events. */
  'backup:start': channel<{ jobId: string }>()(backupStartSchema),
  'backup:cancel': channel<{ cancelled: boolean }>()(jobIdSchema),
  'backup:setKeep': channel<{ keep: number }>()(z.object({ keep: z.number().int().min(1).max(100) })),
  /** Backups on a stick or in a folder (works before set-up too: restoring on a new PC). */
  'backup:list': channel<BackupEntry[]>()(backupListSchema),
  /** Decrypts and checks a backup; changes nothing; answers with what would replace what. */
  'backup:restoreCheck': channel<RestorePlan>()(restoreCheckSchema),
  /** The same check for an automatic snapshot in the data folder (no passphrase: it never left this PC). */
  'backup:restoreLocalCheck': channel<RestorePlan>()(restoreLocalCheckSchema),
  'backup:restoreApply': channel<{ safetyCopy: string; counts: Record<string, number> }>()(
    restoreApplySchema,
  ),
  'backup:restoreDiscard': channel<{ ok: true }>()(noInput),
  'backup:autoList': channel<AutoSnapshot[]>()(noInput),
  /** Electron: the native folder dialog; browser mode answers supported=false (the page asks for a path). */
  'backup:pickFolder': channel<{ supported: boolean; path: string | null }>()(noInput),
} as const;
