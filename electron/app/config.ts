import { z } from 'zod';
import { SCRYPT_N } from '../services/password';

/**
 * Every environment knob the main side honours, read once at boot (`readConfig()`), parsed with a schema and
 * passed down through `AppContext.config` (and to workers in their start data). Nothing else reads
 * `process.env` for app behaviour: a knob is one line here.
 *
 * Knobs prefixed FAULT/FAKE exist for tests of failure paths and are never set in production.
 */
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : null));
const optionalInt = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v.trim() === '') return null;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) {
      ctx.addIssue({ code: 'custom', message: `not a whole number: ${v}` });
      return z.NEVER;
    }
    return n;
  });
const flag = z
  .string()
  .optional()
  .transform((v) => v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false');

const envSchema = z.object({
  /** the data folder (tests, browser mode, a second office profile) */
  DAFTAR_IKM_DATA_DIR: optionalText,
  /** INFO lines to stderr too */
  DAFTAR_IKM_VERBOSE: flag,
  /** extra folder searched for the letter fonts */
  DAFTAR_IKM_FONTS_DIR: optionalText,
  /** browser mode: where the built renderer is */
  DAFTAR_IKM_RENDERER_DIR: optionalText,
  /** browser mode: the loopback port (0 or unset: any free port) */
  DAFTAR_IKM_PORT: optionalInt,
  /** benchmarks: run this (bundled) backup worker instead of the one beside the code */
  DAFTAR_IKM_BACKUP_WORKER: optionalText,
  /** benchmarks: log backup phase timings */
  DAFTAR_IKM_BACKUP_TIMINGS: flag,
  /** tests: a JSON list of drives instead of asking the OS */
  DAFTAR_IKM_FAKE_DRIVES: optionalText,
  /** tests: writes to a backup target fail with ENOSPC after this many bytes */
  DAFTAR_IKM_FAULT_ENOSPC_AFTER: optionalInt,
  /** seconds without activity after which a signed-in session ends (default 1800: 30 minutes) */
  DAFTAR_IKM_IDLE_TIMEOUT_SECONDS: optionalInt,
  /** where the machine key file is kept when the OS offers no protection (default: `<data folder>-kunci`) */
  DAFTAR_IKM_KEY_DIR: optionalText,
  /** tests: pause (ms) at each restore step so a test can kill the process there */
  DAFTAR_IKM_FAULT_RESTORE_PAUSE_MS: optionalInt,
  /** the command line: the backup passphrase for restore and verify, instead of the prompt (scripts) */
  DAFTAR_IKM_BACKUP_PASSPHRASE: z.string().optional(),
});

export interface AppConfig {
  dataDir: string | null;
  /** the fallback machine key's folder (machine-key.ts); null: beside the data folder */
  keyDir: string | null;
  verbose: boolean;
  fontsDir: string | null;
  rendererDir: string | null;
  port: number;
  backupWorker: string | null;
  backupTimings: boolean;
  fakeDrives: string | null;
  faultEnospcAfter: number | null;
  faultRestorePauseMs: number;
  /**
   * scrypt cost for new password hashes and backup keys. Never read from the environment: always SCRYPT_N
   * (2^15) here; only the test fixture boots with a cheap one (2^10) so that each test's set-up and sign-in
   * take milliseconds. Verifying reads the cost stored with the hash, so either kind of hash verifies.
   */
  scryptN: number;
  idleTimeoutSeconds: number;
  /** the command line's backup passphrase (restore, verify) when given in the environment; never logged */
  backupPassphrase: string | null;
}

/** A signed-in session ends after 30 minutes without activity unless configured otherwise. */
export const DEFAULT_IDLE_TIMEOUT_SECONDS = 30 * 60;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads and checks the environment once; a malformed knob is a clear start-up error, not a silent NaN. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const r = envSchema.safeParse(env);
  if (!r.success) {
    const what = r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid environment setting (${what})`);
  }
  const e = r.data;
  return {
    dataDir: e.DAFTAR_IKM_DATA_DIR,
    keyDir: e.DAFTAR_IKM_KEY_DIR,
    verbose: e.DAFTAR_IKM_VERBOSE,
    fontsDir: e.DAFTAR_IKM_FONTS_DIR,
    rendererDir: e.DAFTAR_IKM_RENDERER_DIR,
    port: e.DAFTAR_IKM_PORT ?? 0,
    backupWorker: e.DAFTAR_IKM_BACKUP_WORKER,
    backupTimings: e.DAFTAR_IKM_BACKUP_TIMINGS,
    fakeDrives: e.DAFTAR_IKM_FAKE_DRIVES,
    faultEnospcAfter: e.DAFTAR_IKM_FAULT_ENOSPC_AFTER,
    faultRestorePauseMs: e.DAFTAR_IKM_FAULT_RESTORE_PAUSE_MS ?? 0,
    scryptN: SCRYPT_N,
    idleTimeoutSeconds: e.DAFTAR_IKM_IDLE_TIMEOUT_SECONDS || DEFAULT_IDLE_TIMEOUT_SECONDS,
    // as given: a passphrase may begin or end with a space; empty is none
    backupPassphrase: e.DAFTAR_IKM_BACKUP_PASSPHRASE || null,
  };
}
