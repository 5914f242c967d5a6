/** The command line as a real process: exit codes and parseable messages. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { makeTestApp, TEST_SETUP } from '../../fixtures/app';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'daftar-ikm-cli-'));
const dataDir = path.join(tmp, 'data');
const stick = path.join(tmp, 'stick');
let file = '';

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const PASS = { DAFTAR_IKM_BACKUP_PASSPHRASE: TEST_SETUP.backupPassphrase };

beforeAll(async () => {
  const app = await makeTestApp({ dataDir });
  await app.call('business:create', {
    name: 'Batik Tulis Bu Hartini',
    ownerName: 'Hartini',
    villageName: 'Kalisat',
  });
  await app.close();
  mkdirSync(stick);
}, 120_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('daftar-ikm command line', () => {
  it('backup → OK line with the file, exit 0; verify → exit 0', () => {
    const b = cli(['backup', '--to', stick, '--data-dir', dataDir]);
    expect(b.code, b.err).toBe(0);
    const m = /^OK backup berkas="([^"]+)" .*sha256=([0-9a-f]{64})/m.exec(b.out);
    expect(m).not.toBeNull();
    file = m![1]!;
    expect(b.out).toContain('Aman untuk dicabut.');
    expect(b.err).toMatch(/PROGRES fase=write persen=\d+/);
    const v = cli(['verify', file], PASS);
    expect(v.code, v.err).toBe(0);
    expect(v.out).toMatch(/^OK verify .* usaha=1 .*integritas=ok/m);
    const l = cli(['list', stick]);
    expect(l.out).toMatch(/^CADANGAN berkas=".*" .*kecamatan="Kalisat" usaha=1/m);
  }, 60_000);

  it('exit codes: usage 2, wrong passphrase 3, damaged 4, missing target 7, not set up 8, database in use 9, missing file 11', () => {
    expect(cli(['backup']).code).toBe(2);
    expect(cli(['nonsense']).code).toBe(2);
    const wrong = cli(['verify', file], { DAFTAR_IKM_BACKUP_PASSPHRASE: 'bukan ini' });
    expect(wrong.code).toBe(3);
    expect(wrong.err).toMatch(
      /^GAGAL kode=WRONG_PASSPHRASE keluar=3 pesan="Frasa sandi cadangan salah\..*" message="Wrong/m,
    );
    const bad = path.join(tmp, 'bad.dikm');
    const buf = readFileSync(file);
    buf[buf.length - 100] = buf[buf.length - 100]! ^ 1;
    writeFileSync(bad, buf);
    const damaged = cli(['verify', bad], PASS);
    expect(damaged.code).toBe(4);
    expect(damaged.err).toContain('kode=BAD_BACKUP');
    const missing = cli(['backup', '--to', path.join(tmp, 'no-stick'), '--data-dir', dataDir]);
    expect(missing.code).toBe(7);
    expect(missing.err).toContain('tidak ditemukan');
    const gone = cli(['verify', path.join(tmp, 'no-such.dikm')], PASS);
    expect(gone.code, gone.err).toBe(11);
    expect(gone.err).toMatch(/^GAGAL kode=NOT_FOUND keluar=11 pesan="Berkas cadangan tidak ditemukan\./m);
    const empty = cli(['backup', '--to', stick, '--data-dir', path.join(tmp, 'empty')]);
    expect(empty.code).toBe(8);
    // --data-dir wins over DAFTAR_IKM_DATA_DIR
    const flagWins = cli(['backup', '--to', stick, '--data-dir', path.join(tmp, 'empty')], {
      DAFTAR_IKM_DATA_DIR: dataDir,
    });
    expect(flagWins.code, flagWins.err).toBe(8);
    // The app has the database open: a restore is refused and nothing changes.
    const open = new Database(path.join(dataDir, 'daftar-ikm.sqlite'));
    open.pragma('journal_mode = WAL');
    try {
      const busy = cli(['restore', '--from', file, '--data-dir', dataDir, '--yes'], PASS);
      expect(busy.code, busy.err).toBe(9);
      expect(busy.err).toContain('kode=CONFLICT');
      expect(readdirSync(dataDir)).not.toContain('daftar-ikm.restore.sqlite');
    } finally {
      open.close();
    }
  }, 120_000);

  it('restore --yes replaces the database and keeps a safety copy', () => {
    const r = cli(['restore', '--from', file, '--data-dir', dataDir, '--yes'], PASS);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^OK restore .*salinan_pengaman=".*sebelum-pulih.*" usaha=1/m);
    expect(r.err).toMatch(/RENCANA .*cadangan_usaha=1 .*kantor_sama=ya/);
  }, 60_000);
});
