import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase, type OpenedDb } from '../../db/connection';
import { migrate, MigrationError, SchemaTooNewError } from '../../db/migrate';
import type { Result } from '../../shared/errors';
import type { AppInfo } from '../../shared/schemas/office';
import { defaultUuid, type AppContext, type Platform } from './context';
import { createDispatcher, type Dispatch } from '../ipc/dispatcher';
import { handlers } from '../handlers/index';
import { configureLog, log } from './log';
import { dbPath } from './paths';
import { readConfig, type AppConfig } from './config';
import { reconcileHighWater } from '../services/backup/high-water';
import { scrubLocalCopies } from '../services/backup/scrub-keys';
import { tightenDataDir } from './permissions';
import { defaultKeyDir, fileKeyStore, openMachineKey } from './machine-key';
import { protectSecrets, SecretError, type KeyRing } from '../services/secrets';
import { currentSession, SessionStore, type ClientSession } from './sessions';

export interface BootOptions {
  dataDir: string;
  appVersion?: string;
  now?: () => Date;
  uuid?: () => string;
  /** the host's services (events to the renderer, print, folder, save and scan dialogs); none when not given */
  platform?: Partial<Platform>;
  /** environment knobs; read from process.env once when not given */
  config?: AppConfig;
}

export interface BootedApp {
  ok: true;
  ctx: AppContext;
  dispatch: Dispatch;
  close(): Promise<void>;
}

export interface FailedApp {
  ok: false;
  error: NonNullable<AppInfo['startupError']>;
  /** Answers app:info with the startup error and every other channel with STARTUP_FAILED. */
  dispatch: Dispatch;
  close(): Promise<void>;
}

export function readAppVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(path.join(process.cwd(), 'package.json'), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/**
 * Opens the database in the data folder and migrates it before any window opens. On failure the data is left
 * as it was and the app answers with an error screen instead of a stack trace.
 */
export async function bootApp(opts: BootOptions): Promise<BootedApp | FailedApp> {
  const config = opts.config ?? readConfig();
  configureLog({ dir: path.join(opts.dataDir, 'logs'), verbose: config.verbose });
  const appVersion = opts.appVersion ?? readAppVersion();
  const file = dbPath(opts.dataDir);
  let opened: OpenedDb | null = null;
  let keys: KeyRing;
  try {
    opened = openDatabase(file);
    await migrate(opened.raw, {
      backupDir: path.join(opts.dataDir, 'backups', 'pre-migration'),
      now: opts.now,
    });
    // A restore that crashed between its swap and raising the counters is finished here.
    reconcileHighWater(opts.dataDir, opened.raw);
    // Unix: the data folder is private to the account (0700/0600, umask 077 for new files).
    tightenDataDir(opts.dataDir);
    // The secrets are wrapped under the machine key, kept outside the database (plain ones from before are
    // wrapped now, in one transaction). Keys wrapped on another PC do not stop the start: the pages that
    // need them say to restore with the passphrase.
    const machine = openMachineKey(
      opts.platform?.keyStore ?? fileKeyStore(defaultKeyDir(opts.dataDir, config.keyDir)),
    );
    try {
      keys = { machine, state: protectSecrets(opened.raw, machine).state };
    } catch (e) {
      if (!(e instanceof SecretError)) throw e;
      log.error('startup: a stored key is damaged', e);
      keys = { machine, state: 'unavailable' };
    }
    if (keys.state !== 'ok') log.warn("startup: this database's keys do not open with this PC's key");
    // Copies of the database in the data folder made before the keys were wrapped hold them in plain text:
    // each is rewritten with its keys wrapped (a failure leaves that copy as it was, logged; never fatal).
    scrubLocalCopies(opts.dataDir, machine);
  } catch (e) {
    if (opened) await opened.close().catch(() => undefined);
    log.error('startup failed', e);
    const error: FailedApp['error'] =
      e instanceof MigrationError
        ? { code: 'MIGRATION_FAILED', detail: e.message, backupPath: e.backupPath }
        : e instanceof SchemaTooNewError
          ? { code: 'SCHEMA_TOO_NEW', detail: e.message, backupPath: null }
          : { code: 'OPEN_FAILED', detail: e instanceof Error ? e.message : String(e), backupPath: null };
    const dispatch: Dispatch = async (channel): Promise<Result<unknown>> => {
      if (channel === 'app:info') {
        const info: AppInfo = {
          setUp: false,
          office: null,
          user: null,
          sessionEnded: null,
          idleTimeoutSeconds: config.idleTimeoutSeconds,
          language: 'id',
          appVersion,
          schemaVersion: 0,
          startupError: error,
          dataDir: opts.dataDir,
          keysUnavailable: false,
        };
        return { ok: true, value: info };
      }
      return { ok: false, error: { code: 'STARTUP_FAILED', message: 'errors.startupFailed' } };
    };
    return { ok: false, error, dispatch, close: async () => undefined };
  }
  const platform: Platform = {
    emit: opts.platform?.emit ?? (() => undefined),
    printer: opts.platform?.printer ?? null,
    pickFolder: opts.platform?.pickFolder ?? null,
    pickSavePath: opts.platform?.pickSavePath ?? null,
    pickScanFile: opts.platform?.pickScanFile ?? null,
    keyStore: opts.platform?.keyStore ?? null,
  };
  const ownSession: ClientSession = { user: null };
  const ctx: AppContext = {
    dataDir: opts.dataDir,
    config,
    dbFile: file,
    appVersion,
    opened,
    // The session of the client a dispatched call serves; outside one (command line, tests calling dispatch
    // without a client), the app's own.
    get session() {
      return currentSession() ?? ownSession;
    },
    sessions: new SessionStore(config.idleTimeoutSeconds * 1000, () =>
      (opts.now ?? (() => new Date()))().getTime(),
    ),
    now: opts.now ?? (() => new Date()),
    uuid: opts.uuid ?? defaultUuid,
    emit: platform.emit,
    platform,
    keys,
  };
  const dispatch = createDispatcher(() => ctx, handlers);
  return {
    ok: true,
    ctx,
    dispatch,
    close: () => ctx.opened.close(),
  };
}
