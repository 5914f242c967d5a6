/**
 * Issue 10, hole 6 (part): data-folder files were 0644. On Unix the data folder is now 0700 and every file
 * in it 0600 at start, and files written afterwards (letters, logs, snapshots) get 0600 through umask 077.
 */
import { chmodSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTestApp } from '../../fixtures/app';
import { issueLetter } from '../letters/fixtures';

const mode = (p: string) => statSync(p).mode & 0o777;

describe.skipIf(process.platform === 'win32')('data folder permissions (hole 6)', () => {
  it('an existing 0755/0644 data folder becomes 0700/0600 at start; new files are 0600', async () => {
    const first = await makeTestApp();
    const dir = first.dataDir;
    await first.close();
    chmodSync(dir, 0o755);
    chmodSync(first.ctx.dbFile, 0o644);
    writeFileSync(path.join(dir, 'logs', 'old.log'), 'x', { mode: 0o644 });
    chmodSync(path.join(dir, 'logs', 'old.log'), 0o644);
    const app = await makeTestApp({ dataDir: dir, setUp: false });
    try {
      expect(mode(dir)).toBe(0o700);
      expect(mode(app.ctx.dbFile)).toBe(0o600);
      expect(mode(path.join(dir, 'logs'))).toBe(0o700);
      expect(mode(path.join(dir, 'logs', 'old.log'))).toBe(0o600);
      await app.call('auth:login', { username: 'siti', password: 'rahasia-kalisat' });
      const l = await issueLetter(app, 'uji izin berkas');
      expect(mode(path.join(dir, l.filePath!))).toBe(0o600);
      expect(mode(path.dirname(path.join(dir, l.filePath!)))).toBe(0o700);
    } finally {
      await app.cleanup();
      const { rmSync } = await import('node:fs');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
