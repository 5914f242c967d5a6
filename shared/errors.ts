/**
 * Error codes that cross the IPC boundary. Messages are i18n keys (see renderer/lib/i18n), never raw text
 * and never a stack trace.
 */
export const ERROR_CODES = [
  'VALIDATION', // input failed its schema; `fields` says which field and why
  'UNKNOWN_CHANNEL',
  'NOT_SET_UP', // the office has not been set up yet
  'ALREADY_SET_UP',
  'UNAUTHENTICATED',
  'FORBIDDEN', // signed in, but the role may not use this channel
  'BAD_CREDENTIALS',
  'NOT_FOUND',
  'CONFLICT', // e.g. a record changed since it was read
  'REASON_REQUIRED',
  'DISK_FULL',
  'IO',
  'CANCELLED',
  'BAD_BACKUP',
  'WRONG_PASSPHRASE',
  'KEYS_UNAVAILABLE', // the database's keys were wrapped on another PC: restore with the passphrase
  'KEYS_DAMAGED', // a stored key envelope was altered
  'SCHEMA_TOO_NEW',
  'STARTUP_FAILED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A field error: an i18n key, optionally with interpolation parameters. */
export type FieldErrors = Record<string, string>;

export interface AppErrorShape {
  code: ErrorCode;
  /** i18n key, e.g. `errors.notFound` */
  message: string;
  /** i18n interpolation values for `message` */
  params?: Record<string, string | number>;
  fields?: FieldErrors;
}

/** Thrown by services and handlers for expected failures; the dispatcher turns it into an error envelope. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly messageKey: string;
  readonly params?: Record<string, string | number>;
  readonly fields?: FieldErrors;
  constructor(
    code: ErrorCode,
    messageKey: string,
    opts: { params?: Record<string, string | number>; fields?: FieldErrors } = {},
  ) {
    super(`${code}: ${messageKey}`);
    this.name = 'AppError';
    this.code = code;
    this.messageKey = messageKey;
    if (opts.params) this.params = opts.params;
    if (opts.fields) this.fields = opts.fields;
  }
  toShape(): AppErrorShape {
    const s: AppErrorShape = { code: this.code, message: this.messageKey };
    if (this.params) s.params = this.params;
    if (this.fields) s.fields = this.fields;
    return s;
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
