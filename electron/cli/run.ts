/**
 * The command line's commands (loaded by main.ts once the Node version is known to be supported):
 *
 *   backup --to FOLDER [--data-dir FOLDER] [--keep N]
 *   restore --from FILE [--data-dir FOLDER] [--yes]
 *   verify FILE
 *   list DIR
 *   import FILE [--sheet NAME] [--mapping FILE] [--dry-run] [--json] [--data-dir FOLDER]
 *   setup --from FILE.json [--data-dir FOLDER] [--json]
 *
 * Arguments: args.ts (`node:util` parseArgs, per command). The passphrase (restore, verify) comes from DAFTAR_IKM_BACKUP_PASSPHRASE or a prompt without echo (`read`).
 * Results go to stdout as one `OK <command> key=value …` line; failures to stderr as one `GAGAL kode=<CODE>
 * keluar=<n> pesan="…" message="…"` line (messages from the locale files, see i18n.ts); progress as
 * `PROGRES fase=<phase> persen=<n>` lines on stderr. Exit codes: docs/cli.md.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { read } from 'read';
import { AppError } from '../../shared/errors';
import { bootApp } from '../app/boot';
import { readConfig, type AppConfig } from '../app/config';
import { resolveDataDir } from '../app/paths';
import {
  applyRestore,
  cancelJob,
  checkRestore,
  discardPlan,
  listBackups,
  startBackup,
  toAppError,
  verifyBackupFile,
} from '../services/backup/service';
import { parseJsonWith } from '../../shared/json';
import { savedMappingSchema } from '../../shared/import/mapping';
import { IMPORT_TARGETS } from '../../shared/import/targets';
import { setupSchema } from '../../shared/schemas/office';
import { dbOf, rawOf } from '../app/context';
import { localDate } from '../services/business-record';
import { runFileImport } from '../services/import/run';
import { requireOffice, setupOffice } from '../services/office';
import { parse, usage, UsageError, type CommandName, type Parsed } from './args';
import { bilingual, failureLine, indonesian, quote as q, type Params } from './i18n';

export const EXIT = {
  OK: 0,
  INTERNAL: 1,
  USAGE: 2,
  WRONG_PASSPHRASE: 3,
  BAD_BACKUP: 4,
  SCHEMA_TOO_NEW: 5,
  DISK_FULL: 6,
  IO: 7,
  NOT_SET_UP: 8,
  CONFLICT: 9,
  CANCELLED: 10,
  NOT_FOUND: 11,
} as const;

function fail(code: string, key: string, params?: Params): never {
  const exit = (EXIT as Record<string, number>)[code] ?? EXIT.INTERNAL;
  process.stderr.write(failureLine(code, exit, key, params));
  process.exit(exit);
}

function cancelled(): never {
  process.stderr.write(`${bilingual('cancelled')}\n`);
  process.exit(EXIT.CANCELLED);
}

function progressPrinter(): (fraction: number, phase: string) => void {
  let last = -1;
  let lastPhase = '';
  return (fraction, phase) => {
    const pct = Math.floor(fraction * 100);
    if (pct === last && phase === lastPhase) return;
    if (pct - last < 5 && phase === lastPhase && pct < 100) return;
    last = pct;
    lastPhase = phase;
    process.stderr.write(`PROGRES fase=${phase} persen=${pct}\n`);
  };
}

/** A prompt on the terminal (stderr, so stdout stays one result line); Ctrl+C there cancels. */
async function ask(prompt: string, silent: boolean): Promise<string> {
  try {
    const answer = await read({ prompt: `${prompt}: `, silent, output: process.stderr });
    // a hidden answer leaves the cursor after the prompt
    if (silent) process.stderr.write('\n');
    return answer;
  } catch {
    // `read` rejects on Ctrl+C (and on a closed input)
    process.stderr.write('\n');
    cancelled();
  }
}

async function passphrase(config: AppConfig): Promise<string> {
  if (config.backupPassphrase) return config.backupPassphrase;
  if (!process.stdin.isTTY) throw new UsageError('noPassphrase');
  return ask(bilingual('prompt.passphrase'), true);
}

async function boot(values: Parsed['values'], config: AppConfig) {
  const dir = values['data-dir'];
  // --data-dir wins over DAFTAR_IKM_DATA_DIR
  let dataDir: string;
  if (typeof dir === 'string') {
    dataDir = path.resolve(dir);
    mkdirSync(dataDir, { recursive: true });
  } else dataDir = resolveDataDir(config.dataDir);
  const app = await bootApp({ dataDir, config });
  if (!app.ok) {
    if (app.error.code === 'SCHEMA_TOO_NEW') fail('SCHEMA_TOO_NEW', 'backup.errors.schemaTooNew');
    fail('INTERNAL', 'errors.internal');
  }
  return app;
}

async function cmdBackup({ values }: Parsed, config: AppConfig): Promise<void> {
  const to = values.to as string;
  const keep = typeof values.keep === 'string' ? Number(values.keep) : undefined;
  const app = await boot(values, config);
  try {
    const started = await startBackup(
      app.ctx,
      { target: path.resolve(to), keep },
      { kind: 'cli', onProgress: progressPrinter() },
    );
    process.on('SIGINT', () => cancelJob(app.ctx, started.jobId));
    process.on('SIGTERM', () => cancelJob(app.ctx, started.jobId));
    const r = await started.done;
    process.stdout.write(
      `OK backup berkas=${q(r.file)} manifest=${q(r.manifest)} bytes=${r.bytes} db_bytes=${r.dbBytes} sha256=${r.sha256} durasi_ms=${r.durationMs} usaha=${r.counts.businesses ?? 0} dihapus_lama=${r.removedOld.length}\n`,
    );
    process.stdout.write(`${bilingual('safeToRemove')}\n`);
  } finally {
    await app.close();
  }
}

async function cmdRestore({ values }: Parsed, config: AppConfig): Promise<void> {
  const from = values.from as string;
  const pass = await passphrase(config);
  const app = await boot(values, config);
  try {
    const plan = await checkRestore(
      app.ctx,
      { file: path.resolve(from), passphrase: pass },
      progressPrinter(),
    );
    const b = plan.backup;
    const c = plan.current;
    process.stderr.write(
      `RENCANA cadangan_tanggal=${plan.createdAt} cadangan_usaha=${b.counts.businesses ?? 0} cadangan_pemilik=${b.counts.owners ?? 0} ` +
        `sekarang_usaha=${c?.counts.businesses ?? 0} sekarang_pemilik=${c?.counts.owners ?? 0} kantor_sama=${plan.sameOffice ? 'ya' : 'tidak'} migrasi=${plan.willMigrate ? 'ya' : 'tidak'}\n`,
    );
    if (values.yes !== true) {
      // without a terminal there is nobody to say YA: nothing changes
      const answer = process.stdin.isTTY ? await ask(bilingual('prompt.confirmRestore'), false) : '';
      if (answer.trim().toUpperCase() !== 'YA') cancelled();
    }
    let r: Awaited<ReturnType<typeof applyRestore>>;
    try {
      r = await applyRestore(app.ctx, plan.planId);
    } finally {
      discardPlan(app.ctx);
    }
    process.stdout.write(
      `OK restore berkas=${q(plan.file)} salinan_pengaman=${q(r.safetyCopy)} usaha=${r.counts.businesses ?? 0} pemilik=${r.counts.owners ?? 0}\n`,
    );
  } finally {
    await app.close();
  }
}

async function cmdVerify({ argument }: Parsed, config: AppConfig): Promise<void> {
  const file = path.resolve(argument!);
  // as checkRestore does: a missing file is NOT_FOUND (the worker would call it a stick pulled mid-read)
  if (!existsSync(file)) throw new AppError('NOT_FOUND', 'backup.errors.fileMissing');
  const pass = await passphrase(config);
  // the full restore check, into a temporary folder that is removed again
  const abort = new AbortController();
  process.on('SIGINT', () => abort.abort());
  const r = await verifyBackupFile(
    config,
    { file, passphrase: pass },
    { signal: abort.signal, onProgress: progressPrinter() },
  );
  const s = r.summary;
  process.stdout.write(
    `OK verify berkas=${q(file)} tanggal=${r.createdAt} kecamatan=${q(s.office?.districtName ?? '')} skema=${s.schemaVersion} usaha=${s.counts.businesses ?? 0} pemilik=${s.counts.owners ?? 0} integritas=ok\n`,
  );
}

async function cmdList({ argument }: Parsed): Promise<void> {
  for (const b of await listBackups(path.resolve(argument!))) {
    process.stdout.write(
      b.damaged
        ? `RUSAK berkas=${q(b.file)} bytes=${b.bytes}\n`
        : `CADANGAN berkas=${q(b.file)} tanggal=${b.createdAt} kecamatan=${q(b.office?.districtName ?? '')} usaha=${b.counts.businesses ?? 0} bytes=${b.bytes}\n`,
    );
  }
}

/** A JSON file given on the command line, read with its schema: VALIDATION naming the file when it is not. */
function readJsonFile<S extends Parameters<typeof parseJsonWith>[0]>(file: string, schema: S, key: string) {
  const full = path.resolve(file);
  if (!existsSync(full)) throw new AppError('NOT_FOUND', 'import.errors.fileMissing');
  const r = parseJsonWith(schema, readFileSync(full, 'utf8'));
  if (!r.ok) {
    const issue = r.issues?.[0];
    throw new AppError('VALIDATION', key, {
      params: {
        file: path.basename(full),
        field: issue ? issue.path.join('.') : '',
        problem: issue ? indonesian(issue.message, issue.message) : r.error,
      },
    });
  }
  return r.value;
}

/**
 * The import without the screens, the same code path as the screen's jobs: mapping from --mapping and the
 * proposals, the dry run, and (without --dry-run) the commit of every row that needs no decision. With
 * --json, one JSON object on stdout.
 */
async function cmdImport({ argument, values }: Parsed, config: AppConfig): Promise<void> {
  const file = path.resolve(argument!);
  if (!existsSync(file)) throw new AppError('NOT_FOUND', 'import.errors.fileMissing');
  const mapping =
    typeof values.mapping === 'string'
      ? readJsonFile(values.mapping, savedMappingSchema, 'import.errors.mappingFile')
      : null;
  const app = await boot(values, config);
  try {
    const office = await requireOffice(dbOf(app.ctx));
    const abort = new AbortController();
    process.on('SIGINT', () => abort.abort());
    process.on('SIGTERM', () => abort.abort());
    const now = new Date();
    const progress = progressPrinter();
    const labels = Object.fromEntries(IMPORT_TARGETS.map((t) => [t.key, indonesian(t.label, t.key)]));
    const r = await runFileImport(rawOf(app.ctx), {
      file,
      sheet: typeof values.sheet === 'string' ? values.sheet : null,
      mapping,
      dryRun: values['dry-run'] === true,
      dataDir: app.ctx.dataDir,
      actor: { id: null, name: `baris perintah (${os.userInfo().username})` },
      now,
      today: localDate(now),
      districtCode: office.districtCode,
      regencyCode: office.regencyCode,
      labels,
      signal: abort.signal,
      onProgress: (p) => progress(p.total ? p.done / p.total : 1, 'impor'),
    });
    const s = r.summary;
    const c = r.commit;
    if (c?.cancelled) cancelled();
    if (values.json === true) {
      process.stdout.write(
        `${JSON.stringify({
          file: path.basename(file),
          kind: r.source.kind,
          sheet: r.source.sheet,
          encoding: r.source.csv?.encoding ?? null,
          delimiter: r.source.csv?.delimiter ?? null,
          ...s,
          dryRun: !c,
          ...(c
            ? {
                importId: c.importId,
                created: c.created,
                merged: c.merged,
                filled: c.filled,
                skipped: c.skipped,
                waiting: c.waiting,
              }
            : {}),
          columns: r.columns,
        })}\n`,
      );
      return;
    }
    process.stdout.write(
      `OK import berkas=${q(path.basename(file))} baris=${s.rows} siap=${s.ready} perlu_diperiksa=${s.needsReview} ` +
        `ganda_berkas=${s.duplicatesInFile} ganda_daftar=${s.duplicatesInRegister} nik_rusak=${s.nikDamaged} ` +
        `desa_tak_dikenal=${s.villageUnknown} uji_saja=${c ? 'tidak' : 'ya'}` +
        (c ? ` dibuat=${c.created} menunggu_keputusan=${c.waiting} impor_id=${c.importId}` : '') +
        '\n',
    );
  } finally {
    await app.close();
  }
}

/** Sets an office up from a JSON file, with the set-up screen's schema and checks (for preparing many PCs). */
async function cmdSetup({ values }: Parsed, config: AppConfig): Promise<void> {
  const input = readJsonFile(values.from as string, setupSchema, 'import.errors.setupFile');
  const app = await boot(values, config);
  try {
    const r = await setupOffice(app.ctx, input);
    if (values.json === true)
      process.stdout.write(
        `${JSON.stringify({ office: r.office.districtName, districtCode: r.office.districtCode, admin: r.user.username })}\n`,
      );
    else
      process.stdout.write(
        `OK setup kecamatan=${q(r.office.districtName)} kode=${r.office.districtCode} admin=${q(r.user.username)}\n`,
      );
  } finally {
    await app.close();
  }
}

const RUN: Record<CommandName, (p: Parsed, config: AppConfig) => Promise<void>> = {
  backup: cmdBackup,
  restore: cmdRestore,
  verify: cmdVerify,
  list: cmdList,
  import: cmdImport,
  setup: cmdSetup,
};

/** Runs one command line and ends the process with its exit code. */
export async function main(argv: string[]): Promise<never> {
  try {
    const parsed = parse(argv);
    // the environment, read once for the whole command
    if (parsed) await RUN[parsed.name](parsed, readConfig());
    else process.stdout.write(usage());
    process.exit(EXIT.OK);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(failureLine('USAGE', EXIT.USAGE, `usageError.${e.key}`, e.params) + usage());
      process.exit(EXIT.USAGE);
    }
    const err = e instanceof AppError ? e : toAppError(e);
    fail(err.code, err.messageKey, err.params);
  }
}
