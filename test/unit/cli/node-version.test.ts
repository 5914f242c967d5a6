/**
 * The command line under an old Node: better-sqlite3 13 crashes the process (SIGSEGV, exit 139) on Node 20 as
 * soon as a database is opened. The command line must instead say which Node it needs and exit 1, before it
 * loads anything that opens a database.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MIN_NODE, nodeSupported } from '../../../electron/cli/node-version';

/** Debian's own Node (20 on these machines); the project's Node 22 comes first on PATH. */
const OLD_NODE = '/usr/bin/node';
const oldVersion = existsSync(OLD_NODE)
  ? spawnSync(OLD_NODE, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim()
  : '';
const haveOldNode = oldVersion !== '' && !nodeSupported(oldVersion);

const tmp = mkdtempSync(path.join(os.tmpdir(), 'daftar-ikm-cli-node-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the Node version the command line needs', () => {
  it('is the one package.json declares in engines.node', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
    expect(pkg.engines.node).toBe(`>=${MIN_NODE}`);
  });

  it('compares major, minor and patch numerically', () => {
    expect(nodeSupported('20.20.2')).toBe(false);
    expect(nodeSupported('22.11.9')).toBe(false);
    expect(nodeSupported('22.12.0')).toBe(true);
    expect(nodeSupported('v22.23.3')).toBe(true);
    expect(nodeSupported('24.0.0')).toBe(true);
    expect(nodeSupported('3.0.0', '22.12')).toBe(false);
  });

  it.skipIf(!haveOldNode)(
    `under ${OLD_NODE} (Node ${oldVersion || 'missing'}) a backup says which Node is needed and exits 1 without touching the data folder`,
    () => {
      const dataDir = path.join(tmp, 'data');
      const stick = path.join(tmp, 'stick');
      // exactly what `npm run cli -- backup …` runs, with the old node
      const r = spawnSync(
        OLD_NODE,
        ['--import', 'tsx', 'electron/cli/main.ts', 'backup', '--to', stick, '--data-dir', dataDir],
        { encoding: 'utf8', env: { ...process.env, DAFTAR_IKM_DATA_DIR: '' } },
      );
      expect(r.signal, r.stderr).toBeNull();
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toMatch(
        new RegExp(
          `^GAGAL kode=NODE_TOO_OLD keluar=1 pesan="Perintah ini perlu Node\\.js versi 22\\.12 atau yang lebih baru .*menjalankan Node\\.js ${oldVersion.replace(/\./g, '\\.')}\\..*" ` +
            `message="This command needs Node\\.js 22\\.12 or newer .*this computer runs Node\\.js ${oldVersion.replace(/\./g, '\\.')}\\.`,
          'm',
        ),
      );
      expect(r.stdout).toBe('');
      expect(readdirSync(tmp)).toEqual([]);
    },
    60_000,
  );
});
