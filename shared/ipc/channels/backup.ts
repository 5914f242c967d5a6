import { z } from 'zod';
import { channel, noInput, admin, operator } from '../define';
import {
  backupListSchema,
  backupStartSchema,
  changePassphraseSchema,
  recoverKeysSchema,
  jobIdSchema,
  restoreApplySchema,
  restoreCheckSchema,
  restoreLocalCheckSchema,
  type AutoSnapshot,
  type BackupEntry,
  type BackupStatus,
  type Drive,
  type RestorePlan,
  type RestoreResult,
} from '../../schemas/backup';

export const backupChannels = {
  /** Removable drives now; keeps a poll running for a minute that emits `backup:drives` on a change. */
  'backup:drives': channel<Drive[]>()(noInput, { role: 'operator', beforeSetUp: true }),
  'backup:status': channel<BackupStatus>()(noInput, operator),
  /** Starts a backup in a worker; progress and the end come as `backup:progress` / `backup:end` events. */
  'backup:start': channel<{ jobId: string }>()(backupStartSchema, operator),
  'backup:cancel': channel<{ cancelled: boolean }>()(jobIdSchema, operator),
  'backup:setKeep': channel<{ keep: number }>()(z.object({ keep: z.number().int().min(1).max(100) }), admin),
  /** Backups on a stick or in a folder (works before set-up too: restoring on a new PC). */
  'backup:list': channel<BackupEntry[]>()(backupListSchema, { role: 'operator', beforeSetUp: true }),
  /** Decrypts and checks a backup; changes nothing; answers with what would replace what. */
  'backup:restoreCheck': channel<RestorePlan>()(restoreCheckSchema, { role: 'admin', beforeSetUp: true }),
  /** The same check for an automatic snapshot in the data folder (no passphrase: it never left this PC). */
  'backup:restoreLocalCheck': channel<RestorePlan>()(restoreLocalCheckSchema, admin),
  'backup:restoreApply': channel<RestoreResult>()(restoreApplySchema, { role: 'admin', beforeSetUp: true }),
  'backup:restoreDiscard': channel<{ ok: true }>()(noInput, { role: 'admin', beforeSetUp: true }),
  /**
   * A new backup passphrase for the backups to come (admin, with the admin's own password); backups made
   * before still open with the passphrase they were made under.
   */
  'backup:changePassphrase': channel<{ changedAt: string }>()(changePassphraseSchema, admin),
  /**
   * The stored keys no longer open with this PC's key (its machine key was lost): the backup passphrase opens
   * the key escrow in the database and they are wrapped again under this PC's new key (admin).
   */
  'backup:recoverKeys': channel<{ recoveredAt: string }>()(recoverKeysSchema, admin),
  'backup:autoList': channel<AutoSnapshot[]>()(noInput, admin),
  /** Electron: the native folder dialog; browser mode answers supported=false (the page asks for a path). */
  'backup:pickFolder': channel<{ supported: boolean; path: string | null }>()(noInput, {
    role: 'operator',
    beforeSetUp: true,
  }),
} as const;
