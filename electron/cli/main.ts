/**
 * Command line for IT staff and schedulers: `npm run cli -- <command>` (bundled: `node dist/node/cli.mjs`).
 *
 *   backup --to DIR [--data-dir DIR] [--keep N]
 *   restore --from FILE [--data-dir DIR] [--yes]
 *   verify FILE
 *   list DIR
 *
 * The passphrase (restore, verify) comes from DAFTAR_IKM_BACKUP_PASSPHRASE or a prompt. Results go to stdout
 * as one `OK <command> key=value …` line; failures to stderr as one `GAGAL kode=<CODE> keluar=<n> pesan="…"
 * message="…"` line; progress as `PROGRES fase=<phase> persen=<n>` lines on stderr. Exit codes: docs/cli.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations/index';
import { AppError } from '../../shared/errors';
import { bootApp } from '../app/boot';
import { resolveDataDir } from '../app/paths';
import type { RestorePrepareResult } from '../services/backup/pipeline';
import { runInWorker } from '../services/backup/runner';
import {
  applyRestore,
  cancelJob,
  checkRestore,
  discardPlan,
  listBackups,
  startBackup,
  toAppError,
} from '../services/backup/service';
import { message } from './messages';

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

const USAGE = `Pemakaian / usage:
  daftar-ikm backup --to FOLDER [--data-dir FOLDER] [--keep N]
  daftar-ikm restore --from BERKAS.dikm [--data-dir FOLDER] [--yes]
  daftar-ikm verify BERKAS.dikm
  daftar-ikm list FOLDER
Frasa sandi / passphrase: DAFTAR_IKM_BACKUP_PASSPHRASE atau ditanyakan / or prompted.`;

class UsageError extends Error {}

function parseArgs(argv: string[]): {
  command: string;
  positional: string[];
  flags: Map<string, string | true>;
} {
  const [command = '', ...rest] = argv;
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=', 2) as [string, string | undefined];
      if (v !== undefined) flags.set(k, v);
      else if (k === 'yes') flags.set(k, true);
      else {
        const next = rest[i + 1];
        if (next === undefined || next.startsWith('--')) throw new UsageError(`--${k} perlu nilai`);
        flags.set(k, next);
        i++;
      }
    } else positional.push(a);
  }
  return { command, positional, flags };
}

const q = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

function fail(code: string, key: string, params?: Record<string, string | number>): never {
  const exit = (EXIT as Record<string, number>)[code] ?? EXIT.INTERNAL;
  const [id, en] = message(key, params);
  process.stderr.write(`GAGAL kode=${code} keluar=${exit} pesan=${q(id)} message=${q(en)}\n`);
  process.exit(exit);
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

async function askHidden(prompt: string): Promise<string> {
  if (!process.stdin.isTTY)
    throw new UsageError('frasa sandi tidak diberikan (DAFTAR_IKM_BACKUP_PASSPHRASE)');
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
  process.stderr.write(prompt);
  out._writeToOutput = () => undefined;
  const answer = await new Promise<string>((resolve) => rl.question('', resolve));
  rl.close();
  process.stderr.write('\n');
  return answer;
}

async function ask(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) return '';
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await new Promise<string>((resolve) => rl.question(prompt, resolve));
  rl.close();
  return answer.trim();
}

async function passphrase(): Promise<string> {
  const env = process.env.DAFTAR_IKM_BACKUP_PASSPHRASE;
  if (env) return env;
  return askHidden('Frasa sandi cadangan / backup passphrase: ');
}

async function boot(flags: Map<string, string | true>) {
  const dir = flags.get('data-dir');
  const dataDir = typeof dir === 'string' ? resolveDataDir(path.resolve(dir)) : resolveDataDir();
  const app = await bootApp({ dataDir });
  if (!app.ok) {
    if (app.error.code === 'SCHEMA_TOO_NEW') fail('SCHEMA_TOO_NEW', 'backup.errors.schemaTooNew');
    fail('INTERNAL', 'errors.internal');
  }
  return app;
}

async function cmdBackup(flags: Map<string, string | true>): Promise<void> {
  const to = flags.get('to');
  if (typeof to !== 'string') throw new UsageError('backup perlu --to FOLDER');
  const keepFlag = flags.get('keep');
  const keep = typeof keepFlag === 'string' ? Number(keepFlag) : undefined;
  if (keep !== undefined && (!Number.isInteger(keep) || keep < 1))
    throw new UsageError('--keep harus bilangan ≥ 1');
  const app = await boot(flags);
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
    process.stdout.write('Aman untuk dicabut. / Safe to remove.\n');
  } finally {
    await app.close();
  }
}

async function cmdRestore(flags: Map<string, string | true>): Promise<void> {
  const from = flags.get('from');
  if (typeof from !== 'string') throw new UsageError('restore perlu --from BERKAS');
  const pass = await passphrase();
  const app = await boot(flags);
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
    if (flags.get('yes') !== true) {
      const a = await ask('Ganti basis data sekarang dengan cadangan ini? Ketik YA untuk lanjut: ');
      if (a.toUpperCase() !== 'YA') {
        process.stderr.write('Dibatalkan; tidak ada yang diubah. / Cancelled; nothing changed.\n');
        process.exit(EXIT.CANCELLED);
      }
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

async function cmdVerify(positional: string[]): Promise<void> {
  const file = positional[0];
  if (!file) throw new UsageError('verify perlu BERKAS');
  const pass = await passphrase();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'daftar-ikm-verify-'));
  try {
    const progress = progressPrinter();
    const job = runInWorker<RestorePrepareResult>(
      'restore',
      {
        file: path.resolve(file),
        passphrase: pass,
        stagingFile: path.join(tmp, 'verify.sqlite'),
        latestSchema: LATEST_SCHEMA_VERSION,
      },
      (p) => progress(p.fraction, p.phase),
    );
    process.on('SIGINT', () => job.cancel());
    const r = await job.promise;
    const s = r.summary;
    process.stdout.write(
      `OK verify berkas=${q(path.resolve(file))} tanggal=${r.createdAt} kecamatan=${q(s.office?.districtName ?? '')} skema=${s.schemaVersion} usaha=${s.counts.businesses ?? 0} pemilik=${s.counts.owners ?? 0} integritas=ok\n`,
    );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function cmdList(positional: string[]): Promise<void> {
  const dir = positional[0];
  if (!dir) throw new UsageError('list perlu FOLDER');
  for (const b of await listBackups(path.resolve(dir))) {
    process.stdout.write(
      b.damaged
        ? `RUSAK berkas=${q(b.file)} bytes=${b.bytes}\n`
        : `CADANGAN berkas=${q(b.file)} tanggal=${b.createdAt} kecamatan=${q(b.office?.districtName ?? '')} usaha=${b.counts.businesses ?? 0} bytes=${b.bytes}\n`,
    );
  }
}

async function main(): Promise<void> {
  const { command, positional, flags } = parseArgs(process.argv.slice(2));
  if (command === 'backup') return cmdBackup(flags);
  if (command === 'restore') return cmdRestore(flags);
  if (command === 'verify') return cmdVerify(positional);
  if (command === 'list') return cmdList(positional);
  if (command === '' || command === 'help' || command === '--help') {
    process.stdout.write(USAGE + '\n');
    return;
  }
  throw new UsageError(`perintah tidak dikenal: ${command}`);
}

main().then(
  () => process.exit(EXIT.OK),
  (e: unknown) => {
    if (e instanceof UsageError) {
      process.stderr.write(`GAGAL kode=USAGE keluar=${EXIT.USAGE} pesan=${q(e.message)}\n${USAGE}\n`);
      process.exit(EXIT.USAGE);
    }
    const err = e instanceof AppError ? e : toAppError(e);
    fail(err.code, err.messageKey, err.params);
  },
);
