/**
 * Issue 10, hole 8, the parts that can be tested without an Electron binary (Electron is mocked with
 * stand-ins for Session and WebContents; the real-Electron e2e, test/e2e/electron.spec.ts, skips here):
 * every permission refused, the print window locked to its one file, the fuses and the per-machine NSIS
 * installer in electron-builder.yml, and `npm run dist` stopping with a reason where Electron cannot be had.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectPrintWindowLocked, type NavListener } from '../../fixtures/print-window';
import {
  denyAllPermissions,
  lockDownPrintWindow,
  type LockableContents,
  type PermissionSession,
} from '../../../electron/app/security';

/**
 * The top-level keys of a flat electron-builder.yml: `key: scalar`, or a block of `  key: scalar` lines
 * (enough for this file; no YAML library is a direct dependency).
 */
function topLevelBlocks(text: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const scalar = (v: string): unknown =>
    v === 'true' ? true : v === 'false' ? false : v.replace(/^'|'$/g, '');
  let block: Record<string, unknown> | null = null;
  for (const line of text.split('\n')) {
    if (/^\s*(#|$)/.test(line)) continue;
    const top = /^([A-Za-z][\w]*):\s*(.*)$/.exec(line);
    if (top) {
      block = top[2] ? null : {};
      out[top[1]!] = top[2] ? scalar(top[2]) : block;
      continue;
    }
    const sub = /^ {2}([A-Za-z][\w]*):\s*(.*)$/.exec(line);
    if (sub && block) block[sub[1]!] = scalar(sub[2]!);
  }
  return out;
}

describe('Electron hardening (Electron mocked)', () => {
  it('every permission request and check is refused', () => {
    let request: Parameters<PermissionSession['setPermissionRequestHandler']>[0] | null = null;
    let check: Parameters<PermissionSession['setPermissionCheckHandler']>[0] | null = null;
    denyAllPermissions({
      setPermissionRequestHandler: (h) => (request = h),
      setPermissionCheckHandler: (h) => (check = h),
    });
    for (const p of [
      'media',
      'notifications',
      'clipboard-read',
      'geolocation',
      'hid',
      'serial',
      'fullscreen',
    ]) {
      let granted: boolean | null = null;
      request!({}, p, (g) => (granted = g));
      expect(granted, p).toBe(false);
      expect(check!({}, p), p).toBe(false);
    }
  });

  it('the print window shows its one file: navigation, redirects, new windows and webviews refused', () => {
    const listeners = new Map<string, NavListener>();
    let open: ((d: { url: string }) => { action: string }) | null = null;
    const contents = {
      on: (event: string, l: NavListener) => listeners.set(event, l),
      setWindowOpenHandler: (h: (d: { url: string }) => { action: 'deny' }) => (open = h),
    } as unknown as LockableContents;
    const only = 'file:///data/letters/2026/surat-2026-00001.pdf';
    lockDownPrintWindow(contents, only);
    expectPrintWindowLocked(listeners, open!, only);
  });

  it('electron-builder.yml flips the fuses and builds a per-machine NSIS installer and a Linux package', () => {
    const cfg = topLevelBlocks(readFileSync('electron-builder.yml', 'utf8'));
    expect(cfg.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(cfg.asar).toBe(true);
    expect(cfg.nsis).toMatchObject({ perMachine: true, oneClick: false });
    expect(readFileSync('electron-builder.yml', 'utf8')).toMatch(/^win:\n {2}target:\n {4}- target: nsis$/m);
    expect(String((cfg.linux as Record<string, unknown>).target)).toContain('tar.gz');
  });

  it('npm run dist says why it cannot build where Electron cannot be downloaded, and exits 1', () => {
    const cache = mkdtempSync(path.join(os.tmpdir(), 'daftar-ikm-electron-cache-'));
    try {
      const r = spawnSync(process.execPath, ['scripts/dist.mjs'], {
        env: { ...process.env, ELECTRON_CACHE: cache, DAFTAR_IKM_ELECTRON_MIRROR: 'http://127.0.0.1:9/' },
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/cannot be downloaded here/);
      expect(r.stderr).toMatch(/ELECTRON_CACHE/);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
