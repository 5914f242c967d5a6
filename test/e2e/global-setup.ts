import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DB_FILE_NAME } from '../../db/connection';

/**
 * Migrates one database before any test (83,762 villages and the KBLI lists take seconds on a busy machine)
 * by starting the built browser mode once on an empty folder and stopping it. Every test's app then starts
 * from a copy of that file (`WebApp.start`), exactly the state a first start leaves: migrated, not set up.
 * The folder is handed to the workers through the environment.
 */
export default async function globalSetup(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'daftar-ikm-e2e-template-'));
  const web = path.join(process.env.DAFTAR_IKM_DIST_DIR ?? 'dist', 'node', 'web.mjs');
  if (!existsSync(web)) return; // nothing built: each test migrates its own database
  const proc = spawn(process.execPath, [web], {
    env: { ...process.env, DAFTAR_IKM_DATA_DIR: dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    let err = '';
    proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (/DAFTAR_IKM_URL=/.test(out)) resolve();
    });
    proc.on('exit', (code) => reject(new Error(`browser mode exited with ${code} while migrating:\n${err}`)));
  });
  await new Promise<void>((resolve) => {
    proc.removeAllListeners('exit');
    proc.once('exit', () => resolve());
    proc.kill('SIGTERM');
  });
  const file = path.join(dir, DB_FILE_NAME);
  if (existsSync(file) && !existsSync(`${file}-wal`)) process.env.DAFTAR_IKM_E2E_TEMPLATE = file;
}
