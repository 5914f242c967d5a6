import { z } from 'zod';
import { checkConfirmed } from './common';

/** A removable drive (or a folder chosen as fallback) that can hold backups. */
export interface Drive {
  id: string;
  /** mount point or drive root, e.g. /media/siti/KINGSTON or E:\ */
  path: string;
  label: string;
  /** normalised: FAT32, FAT16, exFAT, NTFS, APFS, HFS+, ext4… */
  fsType: string | null;
  sizeBytes: number | null;
  freeBytes: number | null;
  removable: boolean;
}

export type BackupCounts = Record<string, number>;

export interface BackupOfficeInfo {
  uuid: string;
  districtCode: string;
  districtName: string;
  regencyName: string;
}

/** A backup found on a stick (read from its plaintext header; trusted only after the check). */
export interface BackupEntry {
  file: string;
  name: string;
  bytes: number;
  createdAt: string;
  appVersion: string;
  schemaVersion: number;
  office: BackupOfficeInfo | null;
  counts: BackupCounts;
  lastChange: string | null;
  hasManifest: boolean;
  /** set when the header cannot be read: the file is listed so the clerk sees it is damaged */
  damaged: boolean;
}

export interface DbSummary {
  office: BackupOfficeInfo | null;
  schemaVersion: number;
  counts: BackupCounts;
  lastChange: string | null;
  bytes: number;
}

/** What a restore will replace with what; `planId` is needed to apply it. */
export interface RestorePlan {
  planId: string;
  file: string;
  createdAt: string;
  current: DbSummary | null;
  backup: DbSummary;
  /** the backup's schema is older and will be brought up to date after the swap */
  willMigrate: boolean;
  sameOffice: boolean;
}

export interface BackupResult {
  file: string;
  manifest: string;
  bytes: number;
  dbBytes: number;
  sha256: string;
  counts: BackupCounts;
  durationMs: number;
  removedOld: string[];
}

export interface AutoSnapshot {
  file: string;
  name: string;
  kind: 'harian' | 'keluar';
  createdAt: string;
  bytes: number;
}

/** Where a restored register came from: a backup on a stick (or folder), or an automatic copy on this PC. */
export type RestoreSource = 'usb' | 'auto';

/** Kept in the restored register (setting `backup.restoredFrom`) so it knows when its data was saved. */
export interface RestoredFrom {
  source: RestoreSource;
  /** when the backup (or the automatic copy) was made */
  backupCreatedAt: string;
  restoredAt: string;
  fileName: string;
}

export interface RestoreResult {
  /** the register as it was before, kept on this PC (an absolute path: for the log and IT staff) */
  safetyCopy: string;
  counts: Record<string, number>;
  backupCreatedAt: string;
  source: RestoreSource;
}

export interface BackupStatus {
  lastUsbAt: string | null;
  lastUsbTarget: string | null;
  /** the register was restored (and not backed up to a stick since): from what, made when */
  restoredFrom: RestoredFrom | null;
  /** true when there has never been a USB backup or the last one is older than 7 days (a register restored
   *  from a stick counts from when that backup was made: its data is on the stick) */
  reminderDue: boolean;
  daysSinceUsb: number | null;
  running: { jobId: string; kind: 'backup' | 'restore' } | null;
  keep: number;
}

export type BackupPhase = 'prepare' | 'snapshot' | 'write' | 'verify' | 'decrypt' | 'check' | 'swap' | 'done';

export interface BackupProgress {
  jobId: string;
  kind: 'backup' | 'restore';
  phase: BackupPhase;
  /** 0..1 over the whole job */
  fraction: number;
  bytesDone: number;
  bytesTotal: number;
}

export interface BackupJobEnd {
  jobId: string;
  kind: 'backup' | 'restore';
  ok: boolean;
  result?: BackupResult;
  error?: { code: string; message: string; params?: Record<string, string | number> };
}

const path = z.string().trim().min(1, 'validation.required').max(4096, 'validation.tooLong');

export const backupStartSchema = z.object({
  target: path,
  keep: z.number().int().min(1).max(100).optional(),
});
export const jobIdSchema = z.object({ jobId: z.string().min(1).max(100) });
export const backupListSchema = z.object({ dir: path });
export const restoreCheckSchema = z.object({
  file: path,
  passphrase: z.string().min(1, 'validation.required').max(1024, 'validation.tooLong'),
});
/**
 * A new backup passphrase (admin), confirmed with the administrator's own password. The same rules as at
 * set-up: at least 10 characters, typed twice.
 */
export const changePassphraseSchema = z
  .object({
    password: z.string().min(1, 'validation.required').max(200, 'validation.tooLong'),
    newPassphrase: z.string().min(10, 'validation.passphraseTooShort').max(200, 'validation.tooLong'),
    newPassphraseConfirm: z.string().max(200, 'validation.tooLong'),
  })
  .superRefine((v, ctx) => {
    checkConfirmed(
      ctx,
      v.newPassphrase,
      v.newPassphraseConfirm,
      ['newPassphraseConfirm'],
      'validation.passphraseMismatch',
    );
  });
export type ChangePassphraseInput = z.input<typeof changePassphraseSchema>;

/** the backup passphrase that opens the key escrow when this PC's machine key was lost (recover-keys.ts) */
export const recoverKeysSchema = z
  .object({ passphrase: z.string().min(1, 'validation.required').max(200, 'validation.tooLong') })
  .strict();
export type RecoverKeysInput = z.input<typeof recoverKeysSchema>;

/** an automatic snapshot, by its name in the list (never a path) */
export const restoreLocalCheckSchema = z.object({
  name: z
    .string()
    .max(100, 'validation.tooLong')
    .regex(/^(harian|keluar)-[0-9-]+\.sqlite$/, 'validation.invalid'),
});
export const restoreApplySchema = z.object({ planId: z.string().min(1).max(100) });

// ------------------------------------------------------------------ read from a stick (never trusted as a type)

const isoText = z.string().max(40);
const officeInfoSchema = z.object({
  uuid: z.string().max(100),
  districtCode: z.string().max(20),
  districtName: z.string().max(200),
  regencyName: z.string().max(200),
});
const countsSchema = z.record(z.string().max(100), z.number().int().min(0));

/**
 * scrypt parameters as a backup names them. Bounded: a crafted header must not make the restore allocate
 * gigabytes (N = 2^15 today; 2^10..2^20 accepted).
 */
export const kdfParamsSchema = z.object({
  salt: z.string().min(8).max(200),
  N: z
    .number()
    .int()
    .min(1 << 10)
    .max(1 << 20)
    .refine((n) => (n & (n - 1)) === 0, 'not a power of two'),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
});

/** The plaintext header of a `.dikm` file (docs/backup.md); its `format` is checked first (newer → "update"). */
/** What a header and a manifest both say about a backup. */
const described = {
  createdAt: isoText,
  appVersion: z.string().max(40),
  schemaVersion: z.number().int().min(0),
  office: officeInfoSchema.nullable(),
  counts: countsSchema,
  /** newest record change in the backup (ISO), to show "data up to" */
  lastChange: isoText.nullable(),
};

export const backupHeaderSchema = z.object({
  format: z.union([z.literal(1), z.literal(2)]),
  app: z.literal('daftar-ikm'),
  ...described,
  kdf: kdfParamsSchema,
  /** HMAC-SHA256(key, "daftar-ikm/key-check"), first 16 bytes, base64: a wrong passphrase is told apart */
  keyCheck: z.string().max(100),
  cipher: z.literal('aes-256-gcm'),
  compression: z.literal('zstd'),
  /** plaintext bytes per zstd block */
  blockSize: z.number().int().positive(),
  noncePrefix: z.string().max(100),
});
export type BackupHeader = z.output<typeof backupHeaderSchema>;

/** The authenticated final frame of a `.dikm` file. */
export const backupTrailerSchema = z.object({
  plainBytes: z.number().int().min(0),
  /** format 2: SHA-256 over the SHA-256 of each BLOCK_SIZE piece of the plaintext; format 1: of all of it */
  plainSha256: z.string().max(128),
  compressedBytes: z.number().int().min(0),
  frames: z.number().int().min(0),
});
export type BackupTrailer = z.output<typeof backupTrailerSchema>;

/** `<name>.dikm.json` beside a backup: for people and scripts; a restore never trusts it. */
export const backupManifestSchema = z.object({
  format: z.literal(1),
  file: z.string().max(300),
  bytes: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  ...described,
  dbBytes: z.number().int().min(0),
  compression: z.literal('zstd'),
  cipher: z.literal('aes-256-gcm'),
  kdf: kdfParamsSchema.extend({ algorithm: z.literal('scrypt') }),
});
export type BackupManifest = z.output<typeof backupManifestSchema>;
