import { randomUUID } from 'node:crypto';
import type { Db, OpenedDb, RawDb } from '../../db/connection';
import type { Actor } from '../../db/queries/audit';
import type { EventName, Events } from '../../shared/ipc/contract';
import type { AppConfig } from './config';
import type { PdfPrinter } from '../services/letters/print';
import type { FolderPicker } from '../services/backup/folder-picker';
import type { SavePicker } from '../services/export/save-as';
import type { ScanPicker } from '../services/permits/scans';
import type { ClientSession, SessionStore } from './sessions';
import type { MachineKeyStore } from './machine-key';
import type { KeyRing } from '../services/secrets';

export type Emit = <E extends EventName>(event: E, payload: Events[E]) => void;

/**
 * What the host (Electron, the browser-mode server, the command line, a test) provides, passed to bootApp:
 * pushing events to the renderer, and the OS dialogs only Electron has. Null: not available here. Every
 * service is optional in `bootApp({ platform })` (Partial) and defaults to nothing here, in boot.ts.
 */
export interface Platform {
  emit: Emit;
  /** the system print dialog for a saved PDF (Electron) */
  printer: PdfPrinter | null;
  /** the native "choose folder" dialog (Electron) */
  pickFolder: FolderPicker | null;
  /** the native "save as" dialog, for a made export or report (Electron) */
  pickSavePath: SavePicker | null;
  /** the native "open file" dialog for a permit scan (Electron) */
  pickScanFile: ScanPicker | null;
  /** where the machine key is kept: the OS's protection (Electron's safeStorage); null: the key file fallback */
  keyStore: MachineKeyStore | null;
}

/**
 * What every handler and service gets. Plain Node: never imports electron, so it runs the same in Electron,
 * in the browser-mode server, in the command line, in tests and in benchmarks.
 */
export interface AppContext {
  readonly dataDir: string;
  readonly dbFile: string;
  readonly appVersion: string;
  /** environment knobs, read once at boot (config.ts) */
  readonly config: AppConfig;
  /** The open database. Restore swaps it, so always read it through the context. */
  opened: OpenedDb;
  /** The session of the client this call serves (sessions.ts); outside a client's call, the app's own. */
  readonly session: ClientSession;
  /** Every client's session: ended by sign-out, idle time-out, disabling a user, a restore. */
  readonly sessions: SessionStore;
  now: () => Date;
  uuid: () => string;
  /** the same as `platform.emit` */
  emit: Emit;
  readonly platform: Platform;
  /** the machine key that wraps `secrets`, and whether this database's keys open with it (secrets.ts) */
  keys: KeyRing;
}

export function dbOf(ctx: AppContext): Db {
  return ctx.opened.db;
}
export function rawOf(ctx: AppContext): RawDb {
  return ctx.opened.raw;
}

export function actorOf(ctx: AppContext): Actor {
  const u = ctx.session.user;
  return u ? { id: u.id, name: u.username } : { id: null, name: 'system' };
}

/**
 * Random (version 4): these ids are also cut to their first 8 characters for names (letter previews, batch
 * files, activity export folders, office permit-type codes), which a time-ordered uuid would make the same for
 * everything made in the same minute. The import's bulk writes use `newRecordUuid` (db/record-uuid.ts).
 */
export const defaultUuid = (): string => randomUUID();
